// registry.k8s.io/e2e-test-images/agnhost: Kubernetes' own test image (the "Hello Minikube" tutorial runs
// `/agnhost netexec --http-port=8080`). Alpine with bind-tools, curl, nc, iproute2 and bash; ENTRYPOINT /agnhost,
// CMD pause (test/images/agnhost/Dockerfile). What each subcommand binds and answers is in apps/agnhost.ts.
import type { ImageFamily } from './types.ts'
import { BUSYBOX_APPLETS, goLogTime } from './types.ts'

export const agnhost: ImageFamily = {
  repositories: ['registry.k8s.io/e2e-test-images/agnhost', 'k8s.gcr.io/e2e-test-images/agnhost', 'gcr.io/kubernetes-e2e-test-images/agnhost'],
  tags: (t) => /^2\.\d{1,2}$/.test(t),
  app: 'agnhost',
  entrypoint: ['/agnhost'], cmd: ['pause'], server: ['agnhost', 'agnhost-2'],
  // netexec's default; the subcommand and its flags decide (apps/agnhost.ts).
  ports: [8080],
  binaries: [...BUSYBOX_APPLETS, 'bash', 'curl', 'dig', 'nslookup', 'host', 'nc', 'ip', 'ss', 'iperf', 'agnhost'],
  busybox: true,
  sizeBytes: 51_371_554, pullSeconds: 5,
  startLog: (c) => c.argv?.includes('netexec')
    ? [`${goLogTime(c.now)} Started HTTP server on port ${agnhostFlag(c.argv, 'http-port') ?? 8080}`, `${goLogTime(c.now)} Started UDP server on port  ${agnhostFlag(c.argv, 'udp-port') ?? 8081}`]
    : c.argv?.includes('serve-hostname') ? [`${goLogTime(c.now)} Serving on port ${agnhostFlag(c.argv, 'port') ?? 9376}.`] : [],
  requestLog: (c) => `${goLogTime(c.now)} ${netexecLogLine(c.path)}`,
  exitsOnSigterm: true,
}

/** A cobra flag's value (`--http-port=8080` or `--http-port 8080`). */
export function agnhostFlag(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i].replace(/^--?/, '-')
    if (a === `-${flag}`) return argv[i + 1]
    if (a.startsWith(`-${flag}=`)) return a.slice(flag.length + 2)
  }
  return undefined
}

/** netexec's log.Printf per handler: the root handler logs "GET /" whatever the path; /echo logs its parameters. */
function netexecLogLine(url: string): string {
  const [path, query = ''] = url.split('?')
  if (['/hostname', '/hostName', '/clientip', '/healthz', '/shutdown', '/upload'].includes(path)) return `GET ${path}`
  if (path !== '/echo') return 'GET /'
  return `GET /echo?msg=${queryParam(query, 'msg')}&code=${queryParam(query, 'code')}`
}

/** Go's Request.FormValue for one key of a query string ('+' is a space). */
export function queryParam(query: string, key: string): string {
  const pair = query.split('&').find((kv) => kv.split('=')[0] === key)
  try {
    return pair ? decodeURIComponent(pair.slice(key.length + 1).replace(/\+/g, ' ')) : ''
  } catch {
    return ''
  }
}
