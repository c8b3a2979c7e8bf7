// State of the things outside the cluster that give it addresses: whether `cloud-provider-kind` or
// `minikube tunnel` runs, the VPC firewall rules of a cloud project, and the addresses handed out so far.
// Keyed by the cluster's config object, so both the shell commands and the LB controller reach it.
import type { ClusterConfig } from '../api/cluster-config.ts'

export interface FirewallRule {
  name: string
  network: string
  direction: 'INGRESS'
  priority: number
  sourceRanges: string[]
  /** `tcp:30080`, `tcp:30000-32767`, `icmp`, `tcp` (all ports). */
  allow: { protocol: string; ports?: [number, number] }[]
}

export interface ProviderState {
  cloudProviderKind: boolean
  minikubeTunnel: boolean
  firewallRules: FirewallRule[]
  /** Service uid → assigned address. */
  assigned: Map<string, string>
  /** Service uid → simulated time the provider first saw it (cloud provisioning delay). */
  firstSeen: Map<string, number>
}

const states = new WeakMap<ClusterConfig, ProviderState>()

/** GKE's default VPC rules (`gcloud compute firewall-rules list` on a new project). */
function defaultFirewallRules(): FirewallRule[] {
  const base = { network: 'default', direction: 'INGRESS' as const }
  return [
    { ...base, name: 'default-allow-icmp', priority: 65534, sourceRanges: ['0.0.0.0/0'], allow: [{ protocol: 'icmp' }] },
    { ...base, name: 'default-allow-internal', priority: 65534, sourceRanges: ['10.128.0.0/9'], allow: [{ protocol: 'tcp', ports: [0, 65535] }, { protocol: 'udp', ports: [0, 65535] }, { protocol: 'icmp' }] },
    { ...base, name: 'default-allow-rdp', priority: 65534, sourceRanges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: [3389, 3389] }] },
    { ...base, name: 'default-allow-ssh', priority: 65534, sourceRanges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: [22, 22] }] },
  ]
}

export function providerState(config: ClusterConfig): ProviderState {
  let s = states.get(config)
  if (!s) {
    s = { cloudProviderKind: false, minikubeTunnel: false, firewallRules: defaultFirewallRules(), assigned: new Map(), firstSeen: new Map() }
    states.set(config, s)
  }
  return s
}

/** The first rule letting `protocol`/`port` in from the internet, as the VPC firewall evaluates ingress. */
export function firewallAllows(state: ProviderState, protocol: string, port: number): FirewallRule | undefined {
  return state.firewallRules.find((r) => r.sourceRanges.includes('0.0.0.0/0') && r.allow.some((a) =>
    a.protocol === protocol && (protocol === 'icmp' || !a.ports || (port >= a.ports[0] && port <= a.ports[1]))))
}

/** The `--allow` value as gcloud prints it back (`tcp:30080`). */
export function formatAllow(a: FirewallRule['allow'][number]): string {
  if (!a.ports) return a.protocol
  return a.ports[0] === a.ports[1] ? `${a.protocol}:${a.ports[0]}` : `${a.protocol}:${a.ports[0]}-${a.ports[1]}`
}
