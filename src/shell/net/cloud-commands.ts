// Tools that give LoadBalancer Services an address: cloud-provider-kind (kind), `minikube tunnel` /
// `minikube service` / `minikube addons enable ingress`, and `gcloud compute firewall-rules create`.
import { addonsDisable, addonsEnable, addonsList } from './minikube-addons.ts'
import { minikubeService, minikubeTunnel } from './minikube-service.ts'
import type { Command } from '../command.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'
import { providerState, formatAllow } from '../../engine/cloud/provider-state.ts'
import type { FirewallRule } from '../../engine/cloud/provider-state.ts'
import { keyOf } from '../../engine/api/types.ts'
import { installForKind } from '../../engine/gateway/install.ts'

/** Re-syncs the LoadBalancer Services so the service controller picks up a provider that just started. */
function resyncLoadBalancers(cluster: Cluster): void {
  cluster.manager.resyncAll(cluster.store.list('Service').filter((s) => s.spec?.type === 'LoadBalancer').map(keyOf))
  cluster.converge()
}

export const cloudProviderKind: Command = (io, host) => {
  const cluster = host.cluster
  if (!cluster || cluster.profile.type !== 'kind') {
    io.err('E0101 09:00:00.000000       1 controller.go:117] Failed to list kind clusters: no kind clusters found\n')
    return 1
  }
  providerState(cluster.config).cloudProviderKind = true
  installForKind(cluster.api, cluster.store)
  io.err(`I0101 09:00:00.000000       1 controller.go:174] probe HTTP address https://127.0.0.1:6443\nI0101 09:00:00.000000       1 controller.go:84] Creating new cloud provider for cluster ${cluster.profile.name}\nI0101 09:00:00.000000       1 controller.go:91] Starting cloud controller for cluster ${cluster.profile.name}\n`)
  resyncLoadBalancers(cluster)
  return 0
}

/** `minikube service|tunnel|addons`: the networking subcommands the lifecycle command delegates here. */
export const minikubeNetwork: Command = (io, host) => {
  const [verb, ...args] = io.argv.slice(1)
  const cluster = host.cluster
  if (!cluster || cluster.profile.type !== 'minikube') {
    io.out('🤷  The control-plane node minikube host does not exist\n👉  To start a cluster, run: "minikube start"\n')
    return 85
  }
  if (verb === 'service') return minikubeService(io, cluster, args)
  if (verb === 'tunnel') return minikubeTunnel(io, cluster, String(host.seed))
  if (verb === 'addons' && args[0] === 'list') { io.out(addonsList(cluster, cluster.profile.name)); return 0 }
  if (verb === 'addons' && args[0] === 'enable') return addonsEnable(io, cluster, args.slice(1))
  if (verb === 'addons' && args[0] === 'disable') return addonsDisable(io, cluster, args.slice(1))
  io.err(`Error: unknown command "${verb ?? ''}" for "minikube"\nRun 'minikube --help' for usage.\n`)
  return 1
}

function parseAllow(v: string): FirewallRule['allow'] | undefined {
  const out: FirewallRule['allow'] = []
  for (const part of v.split(',')) {
    const [protocol, ports] = part.split(':')
    if (!['tcp', 'udp', 'icmp', 'all'].includes(protocol)) return undefined
    if (!ports) { out.push(protocol === 'icmp' ? { protocol } : { protocol, ports: [0, 65535] }); continue }
    const [a, b] = ports.split('-').map(Number)
    if (!Number.isInteger(a)) return undefined
    out.push({ protocol, ports: [a, b ?? a] })
  }
  return out
}

/** `gcloud compute firewall-rules create|list|delete`: the VPC rules that gate node ports from the internet. */
export const gcloudNetwork: Command = (io, host) => {
  const args = io.argv.slice(1)
  if (args[0] !== 'compute' || args[1] !== 'firewall-rules') {
    io.err(`ERROR: (gcloud) Invalid choice: '${args[0] ?? ''}'.\n`)
    return 2
  }
  const cluster = host.cluster
  if (!cluster || cluster.profile.type !== 'gke') {
    io.err('ERROR: (gcloud.compute.firewall-rules) The required property [project] is not currently set.\n')
    return 1
  }
  const state = providerState(cluster.config)
  const verb = args[2]
  const name = args[3]
  if (verb === 'create') {
    const allowArg = args.find((a) => a.startsWith('--allow='))?.slice(8) ?? (args.includes('--allow') ? args[args.indexOf('--allow') + 1] : undefined)
    if (!name || !allowArg) { io.err('ERROR: (gcloud.compute.firewall-rules.create) argument --allow: Must be specified.\n'); return 2 }
    const allow = parseAllow(allowArg)
    if (!allow) { io.err(`ERROR: (gcloud.compute.firewall-rules.create) Invalid value for [--allow]: ${allowArg}\n`); return 1 }
    if (state.firewallRules.some((r) => r.name === name)) {
      io.err(`ERROR: (gcloud.compute.firewall-rules.create) Could not fetch resource:\n - The resource 'projects/kubehop-demo/global/firewalls/${name}' already exists\n\n`)
      return 1
    }
    const rule: FirewallRule = { name, network: 'default', direction: 'INGRESS', priority: 1000, sourceRanges: ['0.0.0.0/0'], allow }
    state.firewallRules.push(rule)
    io.err(`Creating firewall...⠹Created [https://www.googleapis.com/compute/v1/projects/kubehop-demo/global/firewalls/${name}].\nCreating firewall...done.\n`)
    io.out(firewallTable([rule]))
    return 0
  }
  if (verb === 'delete') {
    const i = state.firewallRules.findIndex((r) => r.name === name)
    if (i < 0) { io.err(`ERROR: (gcloud.compute.firewall-rules.delete) Could not fetch resource:\n - The resource 'projects/kubehop-demo/global/firewalls/${name}' was not found\n\n`); return 1 }
    state.firewallRules.splice(i, 1)
    io.err(`Deleted [https://www.googleapis.com/compute/v1/projects/kubehop-demo/global/firewalls/${name}].\n`)
    return 0
  }
  if (verb === 'list') {
    io.out(firewallTable(state.firewallRules))
    return 0
  }
  io.err(`ERROR: (gcloud.compute.firewall-rules) Invalid choice: '${verb ?? ''}'.\n`)
  return 2
}

/** gcloud's default table: upper-case headers, columns padded to the widest cell plus two spaces. */
function firewallTable(rules: FirewallRule[]): string {
  const rows = rules.map((r) => [r.name, r.network, r.direction, String(r.priority), r.allow.map(formatAllow).join(','), '', 'False'])
  const header = ['NAME', 'NETWORK', 'DIRECTION', 'PRIORITY', 'ALLOW', 'DENY', 'DISABLED']
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
  return [header, ...rows].map((r) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c] + 2))).join('')).join('\n') + '\n'
}
