// The listening sockets in a pod's network namespace, for netstat and ss: what each container's process binds, from
// the same knowledge the network walk uses to decide whether a port answers (engine/apps/listening.ts listeningPorts,
// with the pod's mounted files), whatever containerPort says. Sockets of other containers are in the shared network
// namespace, but their processes are in other PID namespaces: the tool sees no owner for them.
import type { NetNode, NetPod, NetworkView } from '../../engine/network/view.ts'
import type { ContainerInfo } from '../../engine/apps/registry.ts'
import { appKind, imageFiles } from '../../engine/apps/registry.ts'
import { containerFiles } from '../../engine/apps/mounted-files.ts'
import { listeningPorts } from '../../engine/apps/listening.ts'
import { loadNginxConfig } from '../../engine/apps/nginx.ts'
import { exitsOnSigterm, runsImageServer, serverArgv } from '../../engine/images/process.ts'
import { nodeListener } from '../../engine/network/listeners.ts'

export interface OpenSocket {
  proto: 'tcp' | 'udp'
  /** `0.0.0.0`, `::` or a specific address. */
  addr: string
  family: 4 | 6
  /** An IPv6 wildcard socket that takes IPv4 too (IPV6_V6ONLY off), as Go's and Node's `:PORT` listeners are. */
  dualStack: boolean
  port: number
  /** listen()'s backlog (ss's Send-Q for a listener). */
  backlog: number
  /** The process holding it, when it is in the tool's PID namespace. */
  owner?: { pid: number; comm: string; cmdline: string; fd: number }
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1)

/** How a server binds a wildcard port. nginx-based images open 0.0.0.0 (and [::] where their configuration has it)
 *  with backlog 511 (NGX_LISTEN_BACKLOG); Go's `:PORT` or `0.0.0.0:PORT` (favoriteAddrFamily) and Node's listen(PORT)
 *  open one dual-stack IPv6 socket, Go's with somaxconn (4096 since Linux 5.4), Node's with 511. */
function bindStyle(c: ContainerInfo, port: number): { v4: boolean; v6: 'none' | 'v6only' | 'dual'; backlog: number } {
  const app = appKind(c.image)
  const prog = base(serverArgv(c)[0] ?? '')
  if (app === 'echoserver') return { v4: true, v6: 'none', backlog: 511 }
  // ingress-nginx's nginx serves 80/443 on both families with `backlog=` somaxconn; its controller (Go) the rest.
  if (app === 'ingress-nginx') return port === 80 || port === 443 ? { v4: true, v6: 'v6only', backlog: 4096 } : { v4: false, v6: 'dual', backlog: 4096 }
  if (app === 'apisix') return { v4: true, v6: 'v6only', backlog: 511 }
  // redis 7's default `bind * -::*`: one socket per family. Apache's `Listen 80`: one dual-stack socket.
  if (prog === 'redis-server') return { v4: true, v6: 'v6only', backlog: 511 }
  if (prog === 'httpd-foreground' || prog === 'httpd') return { v4: false, v6: 'dual', backlog: 511 }
  return { v4: false, v6: 'dual', backlog: app === 'kubia' ? 511 : 4096 }
}

/** nginx's listen directives: `80` → 0.0.0.0:80, `[::]:80` → an IPv6-only socket (ipv6only=on is nginx's default). */
function nginxSockets(files: ReadonlyMap<string, string>): { addr: string; family: 4 | 6; port: number }[] {
  const out: { addr: string; family: 4 | 6; port: number }[] = []
  for (const server of loadNginxConfig(files).servers) {
    const listens = server.directives.filter((d) => d.name === 'listen').map((d) => d.args[0] ?? '')
    for (const l of listens.length ? listens : ['80']) {
      const sock = listenSocket(l)
      if (Number.isInteger(sock.port) && !out.some((o) => o.addr === sock.addr && o.port === sock.port)) out.push(sock)
    }
  }
  return out
}

/** One `listen` argument: `[::]:80`, `8080`, `127.0.0.1:8080`, `*:80`, `localhost` (port 80 when none is given). */
function listenSocket(l: string): { addr: string; family: 4 | 6; port: number } {
  const v6 = /^\[(.*)\](?::(\d+))?$/.exec(l)
  if (v6) return { addr: v6[1] || '::', family: 6, port: Number(v6[2] ?? 80) }
  if (/^\d+$/.test(l)) return { addr: '0.0.0.0', family: 4, port: Number(l) }
  const colon = l.lastIndexOf(':')
  const host = colon < 0 ? l : l.slice(0, colon)
  return { addr: host === '*' ? '0.0.0.0' : host === 'localhost' ? '127.0.0.1' : host, family: 4, port: colon < 0 ? 80 : Number(l.slice(colon + 1)) }
}

/** PID 1 of a container: `comm` (ss), the cmdline's first word (BusyBox netstat), the fd of its nth listener. */
function ownerOf(c: ContainerInfo, nth: number): OpenSocket['owner'] {
  const argv = serverArgv(c)
  // nginx's master rewrites its argv into one title (ngx_setproctitle); its listeners come after fds 0-5.
  if (appKind(c.image) === 'nginx') return { pid: 1, comm: 'nginx', cmdline: `nginx: master process ${argv.join(' ')}`, fd: 6 + nth }
  return { pid: 1, comm: base(argv[0] ?? '').slice(0, 15), cmdline: base(argv[0] ?? ''), fd: 3 + nth }
}

function containerSockets(view: NetworkView, pod: NetPod, c: ContainerInfo, own: boolean): OpenSocket[] {
  // A Terminating pod's container whose process exited on SIGTERM holds nothing (as the network walk decides).
  if (!pod.running || (pod.obj.metadata.deletionTimestamp && exitsOnSigterm(c))) return []
  const files = containerFiles(pod.obj, c.name, imageFiles(c.image), view.store)
  const ports = listeningPorts(c, files)
  const out: OpenSocket[] = []
  if (appKind(c.image) === 'nginx') {
    if (!runsImageServer(c)) return []
    for (const s of nginxSockets(files)) out.push({ proto: 'tcp', ...s, dualStack: false, backlog: 511 })
  } else {
    for (const p of ports) {
      const style = bindStyle(c, p.port)
      const proto = p.protocol === 'UDP' ? 'udp' as const : 'tcp' as const
      const backlog = proto === 'udp' ? 0 : style.backlog
      if (style.v4) out.push({ proto, addr: '0.0.0.0', family: 4, dualStack: false, port: p.port, backlog })
      if (style.v6 !== 'none') out.push({ proto, addr: '::', family: 6, dualStack: style.v6 === 'dual', port: p.port, backlog })
    }
  }
  return out.map((s, i) => (own ? { ...s, owner: ownerOf(c, i) } : s))
}

/** Node daemons the network walk knows to answer (kubelet, kube-proxy's health check server, the API server). */
function nodeDaemonSockets(view: NetworkView, node: NetNode): OpenSocket[] {
  const candidates = [10250, 10256, 6443, ...view.store.list('Service').map((s) => s.spec?.healthCheckNodePort as number | undefined)]
  const ports = [...new Set(candidates)].filter((p): p is number => {
    const listener = p ? nodeListener(view, node, 'tcp', p) : undefined
    return !!listener && listener.kind !== 'container'
  })
  return ports.map((port) => ({ proto: 'tcp' as const, addr: '::', family: 6 as const, dualStack: true, port, backlog: 4096 }))
}

/**
 * The listening sockets `pod`'s container `container` sees, in the order the kernel lists them (IPv4 then IPv6, by
 * port). A hostNetwork pod sees its node's namespace: the hostNetwork pods' servers on that node and the daemons the
 * walk knows (kubelet :10250, kube-proxy :10256, the API server :6443); loopback-only daemons (kubelet :10248,
 * kube-proxy :10249, containerd, etcd, the scheduler and controller-manager) are not simulated and not listed.
 */
export function openSockets(view: NetworkView, pod: NetPod, container: string): OpenSocket[] {
  const sockets: OpenSocket[] = []
  if (pod.hostNetwork) {
    const node = view.nodes.find((n) => n.name === pod.nodeName)
    for (const p of view.pods.filter((q) => q.hostNetwork && q.nodeName === pod.nodeName)) {
      for (const c of p.containers) sockets.push(...containerSockets(view, p, c, p === pod && c.name === container))
    }
    if (node) sockets.push(...nodeDaemonSockets(view, node).filter((d) => !sockets.some((s) => s.proto === 'tcp' && s.port === d.port)))
  } else {
    for (const c of pod.containers) sockets.push(...containerSockets(view, pod, c, c.name === container))
  }
  const order = (s: OpenSocket) => (s.proto === 'tcp' ? 0 : 2) + (s.family === 4 ? 0 : 1)
  return sockets.sort((a, b) => order(a) - order(b) || a.port - b.port)
}
