// `minikube service` and `minikube tunnel` as minikube v1.35.0 runs them with the docker driver on Linux, where
// the host reaches the node container's IP directly (no SSH port forwarding, driver.NeedsPortForward is false).
// Upstream: cmd/minikube/cmd/service.go, tunnel.go, pkg/minikube/service/service.go (WaitForService,
// PrintServiceList with tablewriter v0.0.5, CheckServicePods), pkg/minikube/tunnel/reporter.go, route_linux.go.
import type { CommandIO } from '../command.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'
import type { KubeObject } from '../../engine/api/types.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'
import { providerState } from '../../engine/cloud/provider-state.ts'
import { keyOf } from '../../engine/api/types.ts'
import { exitError, exitMessage } from './minikube-out.ts'
import { sha256 } from '../../engine/util/sha256.ts'

const ExSvcNotFound = 115

/** tablewriter v0.0.5 as PrintServiceList sets it: borders, `|` corners, centred upper-case headers, numbers right-aligned. */
function serviceTable(rows: string[][]): string {
  const header = ['NAMESPACE', 'NAME', 'TARGET PORT', 'URL']
  const cells = rows.map((r) => header.map((_, i) => (r[i] ?? '').split('\n')))
  const widths = header.map((h, i) => Math.max(h.length, ...cells.flatMap((r) => r[i].map((l) => l.length))))
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`
  const center = (s: string, w: number) => { const left = Math.floor((w - s.length) / 2); return ' '.repeat(left) + s + ' '.repeat(w - s.length - left) }
  const cell = (s: string, w: number) => (/^\s*[-+]?\d+(\.\d+)?\s*$/.test(s) ? s.padStart(w) : s.padEnd(w))
  let out = rule + `| ${header.map((h, i) => center(h, widths[i])).join(' | ')} |\n` + rule
  for (const r of cells) {
    const height = Math.max(...r.map((c) => c.length))
    for (let line = 0; line < height; line++) out += `| ${r.map((c, i) => cell(c[line] ?? '', widths[i])).join(' | ')} |\n`
  }
  return out + rule
}

/** printURLsForService: each port with a node port, named `name/port` or by its port, as the URL template renders it. */
function serviceURLs(svc: KubeObject, ip: string): { names: string[]; urls: string[] } {
  const ports = ((svc.spec?.ports ?? []) as ServicePort[]).filter((p) => p.nodePort)
  return { names: ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))), urls: ports.map((p) => `http://${ip}:${p.nodePort}`) }
}

/** CheckServicePods: a NodePort or LoadBalancer Service needs a running pod behind its selector. */
function hasRunningPod(cluster: Cluster, svc: KubeObject): boolean {
  if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') return true
  const selector = (svc.spec?.selector ?? {}) as Record<string, string>
  return cluster.store.list('Pod', svc.metadata.namespace).some((p) => p.status?.phase === 'Running' && Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
}

export function minikubeService(io: CommandIO, cluster: Cluster, args: string[]): number {
  const url = args.includes('--url')
  const https = args.includes('--https')
  const nsIdx = args.findIndex((a) => a === '-n' || a === '--namespace')
  const ns = nsIdx >= 0 ? args[nsIdx + 1] : args.find((a) => a.startsWith('--namespace='))?.slice(12) ?? 'default'
  const names = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-n' && args[i - 1] !== '--namespace')
  if (!names.length) return exitMessage(io, 'MK_USAGE', 'You must specify service name(s) or --all', 14)
  const name = names[0]
  const svc = cluster.store.get('Service', ns, name)
  if (!svc) {
    return exitMessage(io, 'SVC_NOT_FOUND', `Service '${name}' was not found in '${ns}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'`, ExSvcNotFound)
  }
  const { names: portNames, urls: plain } = serviceURLs(svc, cluster.profile.nodes[0].internalIP)
  const urls = plain.map((u) => (https ? u.replace('http', 'https') : u))
  if (!url) io.out(serviceTable([[ns, name, portNames.join('\n'), urls.length ? urls.join('\n') : 'No node port']]))
  if (!urls.length) {
    // A ClusterIP Service: minikube says so, warns, and (without --url) opens an SSH tunnel to it.
    io.out(`😿  service ${ns}/${name} has no node port\n`)
    io.err(`❗  Services [${ns}/${name}] have type "ClusterIP" not meant to be exposed, however for local development minikube allows you to access this !\n`)
    if (url) return 0
    io.err('kubehop: the SSH tunnel minikube opens to a ClusterIP Service is not simulated; use `kubectl port-forward svc/' + name + '`\n')
    return 1
  }
  if (url) io.out(`${urls.join('\n')}\n`)
  if (!hasRunningPod(cluster, svc)) return exitError(io, 'SVC_UNREACHABLE', `service not available: no running pod for service ${name} found`, ExSvcNotFound)
  if (!url) io.out(`🎉  Opening service ${ns}/${name} in default browser...\n`)
  return 0
}

/**
 * `minikube tunnel`: a route to the service range through the node (`sudo ip route add 10.96.0.0/12 via
 * 192.168.49.2`), LoadBalancer Services given their cluster IP as ingress, and a status report. It keeps running
 * until Ctrl+C; like `kubectl port-forward` here, it runs on in the background for the rest of the session.
 */
export function minikubeTunnel(io: CommandIO, cluster: Cluster, seed: string): number {
  const state = providerState(cluster.config)
  if (state.minikubeTunnel) {
    io.err('\n💡  Exiting due to TUNNEL_ALREADY_RUNNING: Another tunnel process is already running, terminate the existing instance to start a new one\n\n')
    return 111
  }
  state.minikubeTunnel = true
  const lbs = cluster.store.list('Service').filter((s) => s.spec?.type === 'LoadBalancer')
  cluster.manager.resyncAll(lbs.map(keyOf))
  cluster.converge()
  const h = sha256(`tunnel:${seed}`)
  const pid = 100000 + (((h[0] << 16) | (h[1] << 8) | h[2]) % 900000)
  io.out(`Status:\t\n\tmachine: ${cluster.profile.name}\n\tpid: ${pid}\n\troute: ${cluster.profile.serviceCIDR} -> ${cluster.profile.nodes[0].internalIP}\n\tminikube: Running\n` +
    `\tservices: [${lbs.map((s) => s.metadata.name).join(', ')}]\n    errors: \n\t\tminikube: no errors\n\t\trouter: no errors\n\t\tloadbalancer emulator: no errors\n`)
  return 0
}
