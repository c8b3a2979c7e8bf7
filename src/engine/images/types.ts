// What one image family holds, as its Dockerfile and its process make it: the shape every catalog file fills in.
// The kubelet (pull, start, logs), `kubectl exec` (PATH), probes and the network walk (ports, HTTP) read these.

/** Which simulated application answers HTTP for an image (the responders live in src/engine/apps/). */
export type AppKind = 'kubia' | 'nginx' | 'echoserver' | 'whoami' | 'hello-app' | 'http-echo' | 'ingress-nginx' | 'coredns'
  | 'influxdb' | 'demo-coffee' | 'agnhost' | 'tool' | 'apisix' | 'generic'

/** What a log line may mention about the request it records. */
export interface RequestLogContext {
  now: number
  method: string
  path: string
  status: number
  bytes: number
  remoteIP: string
  remotePort: number
  localPort: number
  userAgent: string
}

/** What a start-up log line may mention about the container it comes from. */
export interface StartContext {
  /** Simulated start time (seconds since the epoch). */
  now: number
  podName: string
  /** The tag the container was started from (`latest` when none). */
  tag: string
  /** The process's argv after the image's wrappers (agnhost's subcommand and flags). */
  argv?: readonly string[]
}

export interface ImageFamily {
  /** Repositories as containerd names them: `docker.io/library/nginx`. */
  repositories: readonly string[]
  /** Tags the registry has: a pull of any other tag fails with `not found`. */
  tags: (tag: string) => boolean
  app: AppKind
  /** The image's ENTRYPOINT and CMD (what runs when the pod sets neither `command` nor `args`). */
  entrypoint: readonly string[]
  cmd: readonly string[]
  /** argv[0] base names that start the image's server (its own binary, not a shell the user asked for). */
  server?: readonly string[]
  /** TCP ports the server binds, whatever `containerPort` says; nginx reads its configuration instead ('config'). */
  ports: readonly number[] | 'config'
  /** UDP ports the server binds (CoreDNS's 53). */
  udpPorts?: readonly number[]
  /** Executables on PATH besides the shell builtins `kubectl exec` emulates (sh is listed when the image has one). */
  binaries: readonly string[]
  /** The userland is BusyBox (its error messages, its applets). */
  busybox?: boolean
  /** Compressed size the kubelet reports after a pull (`Image size: N bytes`). */
  sizeBytes: number
  /** Seconds a first pull takes on a kind node with a home connection. */
  pullSeconds: number
  /** Lines the server writes when it starts (stdout and stderr as `kubectl logs` interleaves them). */
  startLog?: (ctx: StartContext) => string[]
  /** The line the server writes for each request it answers. */
  requestLog?: (ctx: RequestLogContext) => string
  /** Whether PID 1 exits on SIGTERM (servers do; `sleep` as PID 1 ignores it and waits for SIGKILL). */
  exitsOnSigterm: boolean
}

/** An exact set of tags. */
export const tagSet = (...tags: string[]) => (tag: string) => tags.includes(tag)
/** Go's time.Format("2006/01/02 15:04:05"), the log package's default prefix. */
export function goLogTime(seconds: number): string {
  const d = new Date(seconds * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** nginx's $time_local: `06/Dec/2026:23:50:00 +0000`. */
function nginxLocalTime(seconds: number): string {
  const d = new Date(seconds * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}

/** nginx's default `combined` log format plus the image's "$http_x_forwarded_for" field. */
export function nginxAccessLine(c: RequestLogContext): string {
  return `${c.remoteIP} - - [${nginxLocalTime(c.now)}] "${c.method} ${c.path} HTTP/1.1" ${c.status} ${c.bytes} "-" "${c.userAgent || '-'}" "-"`
}

/** BusyBox applets found in busybox and alpine images (the ones people type). */
export const BUSYBOX_APPLETS = ['sh', 'ash', 'echo', 'sleep', 'cat', 'ls', 'env', 'printenv', 'hostname', 'date', 'touch', 'rm', 'mkdir',
  'rmdir', 'test', '[', 'true', 'false', 'pwd', 'whoami', 'id', 'uname', 'wget', 'nslookup', 'ping', 'nc', 'telnet', 'traceroute',
  'ip', 'ifconfig', 'netstat', 'ps', 'top', 'grep', 'head', 'tail', 'vi', 'kill', 'stat', 'which']

/** Debian's base userland (coreutils, bash, dash): no ps, ping, curl, wget or DNS tools unless the image adds them. */
export const DEBIAN_BASE = ['sh', 'bash', 'echo', 'sleep', 'cat', 'ls', 'env', 'printenv', 'hostname', 'date', 'touch', 'rm', 'mkdir',
  'rmdir', 'test', '[', 'true', 'false', 'pwd', 'whoami', 'id', 'uname', 'grep', 'head', 'tail', 'kill', 'stat', 'which']
