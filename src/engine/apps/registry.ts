// Which simulated application an image runs, the ports it listens on, and its answer to a request.
// Contract: docs/cli-contract.md "Simulated applications".
import type { HttpRequest, HttpResponse } from './http.ts'
import { byteLength, httpDate } from './http.ts'
import type { ServerContext } from './server-context.ts'
import { kubiaRespond } from './kubia.ts'
import { echoserverRespond } from './echoserver.ts'
import { loadNginxConfig, nginxListenPorts, nginxRespond } from './nginx.ts'
import { nginxImageFiles } from './nginx-stock.ts'

export type AppKind = 'kubia' | 'nginx' | 'echoserver' | 'whoami' | 'hello-app' | 'http-echo' | 'ingress-nginx' | 'coredns' | 'tool' | 'generic'

/** Classifies an image reference by its repository name (registry and tag ignored, as people type them). */
export function appKind(image: string): AppKind {
  let kind = kinds.get(image)
  if (kind === undefined) {
    if (kinds.size >= 1000) kinds.clear()
    kinds.set(image, (kind = kindOfImage(image)))
  }
  return kind
}

/** appKind per image string (asked several times for every request a container answers). */
const kinds = new Map<string, AppKind>()

function kindOfImage(image: string): AppKind {
  const repo = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '').toLowerCase()
  const name = repo.slice(repo.lastIndexOf('/') + 1)
  if (name.startsWith('kubia')) return 'kubia'
  if (repo.includes('ingress-nginx/controller')) return 'ingress-nginx'
  if (name.includes('echoserver') || name === 'echo-server') return 'echoserver'
  if (name === 'whoami') return 'whoami'
  if (name === 'hello-app') return 'hello-app'
  if (name === 'http-echo') return 'http-echo'
  if (name === 'coredns' || name.startsWith('k8s-dns')) return 'coredns'
  if (name === 'nginx' || name.startsWith('nginx-') || name === 'nginx-unprivileged') return 'nginx'
  if (['busybox', 'alpine', 'curl', 'netshoot', 'ubuntu', 'debian', 'dnsutils', 'jessie-dnsutils', 'centos', 'fedora', 'bash'].includes(name)) return 'tool'
  return 'generic'
}

/** Ports the image's process opens when nothing configures it otherwise (its Dockerfile/app defaults). */
const IMAGE_PORTS: Partial<Record<AppKind, number[]>> = {
  kubia: [8080], echoserver: [8080], whoami: [80], 'hello-app': [8080], 'http-echo': [5678],
  'ingress-nginx': [80, 443, 8443, 10254], coredns: [53, 8080, 8181, 9153], tool: [],
}

export interface ContainerInfo {
  name: string
  image: string
  args?: string[]
  command?: string[]
  /** hostPort: the CNI portmap plugin publishes the port on the node. */
  ports?: { containerPort: number; protocol?: string; hostPort?: number }[]
}

/** The container's files for apps that read configuration (nginx), before mounts. */
export function imageFiles(image: string): Map<string, string> {
  return appKind(image) === 'nginx' ? nginxImageFiles() : new Map()
}

function argValue(c: ContainerInfo, flag: string): string | undefined {
  for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1)
  }
  return undefined
}

/**
 * TCP ports the container's process listens on. Known images listen where their app does, whatever the
 * pod declares (so a wrong containerPort/targetPort is refused, as in a real cluster); nginx follows its
 * mounted configuration; unknown images answer on their declared ports, or 80.
 */
export function listenPorts(c: ContainerInfo, files: ReadonlyMap<string, string>): number[] {
  const kind = appKind(c.image)
  if (kind === 'nginx') return nginxListenPorts(loadNginxConfig(files))
  if (kind === 'http-echo') {
    const listen = argValue(c, '-listen') ?? argValue(c, '--listen')
    return [Number(listen?.replace(/^.*:/, '') ?? 5678)]
  }
  if (kind === 'whoami') {
    const port = argValue(c, '--port') ?? argValue(c, '-port')
    return [Number(port ?? 80)]
  }
  const fixed = IMAGE_PORTS[kind]
  if (fixed) return fixed
  const declared = (c.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort)
  return declared.length ? declared : [80]
}

function plain(status: number, body: string, ctx: ServerContext, extra: [string, string][] = []): HttpResponse {
  return { status, headers: [['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/plain; charset=utf-8'], ...extra], body }
}

/** The application's HTTP answer. */
export function respond(c: ContainerInfo, files: ReadonlyMap<string, string>, req: HttpRequest, ctx: ServerContext): HttpResponse {
  switch (appKind(c.image)) {
    case 'kubia': return kubiaRespond(ctx)
    case 'echoserver': return echoserverRespond(req, ctx)
    case 'nginx': return nginxRespond(loadNginxConfig(files), files, req, ctx)
    case 'http-echo': {
      const text = argValue(c, '-text') ?? argValue(c, '--text') ?? 'hello-world'
      return { status: 200, headers: [['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0'], ['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(text + '\n'))], ['Content-Type', 'text/plain; charset=utf-8']], body: text + '\n' }
    }
    case 'hello-app': {
      const version = c.image.endsWith(':2.0') ? '2.0.0' : '1.0.0'
      return plain(200, `Hello, world!\nVersion: ${version}\nHostname: ${ctx.podName}\n`, ctx)
    }
    case 'whoami': {
      const lines = [`Hostname: ${ctx.podName}`, 'IP: 127.0.0.1', `IP: ${ctx.localIP}`, `RemoteAddr: ${ctx.remoteIP}:${ctx.remotePort}`,
        `${req.method} ${req.path} HTTP/1.1`, ...req.headers.map(([n, v]) => `${n}: ${v}`), '', '']
      return plain(200, lines.join('\r\n'), ctx)
    }
    default:
      return plain(200, `Hello from ${ctx.podName} (${ctx.localIP}). Your address as this pod sees it: ${ctx.remoteIP}\n`, ctx)
  }
}
