// The chains around kube-proxy's own: the jumps from the built-in chains, kubelet's chains, and the canaries.
// Sources: pkg/proxy/iptables/proxier.go (iptablesJumpChains, iptablesKubeletJumpChains, kubeProxyCanaryChain)
// and pkg/kubelet/kubelet_network_linux.go (KUBE-FIREWALL, KUBE-KUBELET-CANARY, KUBE-IPTABLES-HINT), v1.32;
// the resulting order was checked against a kind node's `iptables -S`.
import type { ChainWriter, CtState, DockerDNS, MatchModule, TableName } from '../types'
import { LOOPBACK_CIDR } from '../net/ipv4'
import { writeDockerDNSChains, writeDockerDNSJumps } from '../kind/docker-dns'


interface JumpChain {
  table: TableName
  dst: string
  src: string
  comment: string
  ctstateNew: boolean
}

// kube-proxy's list, in its order; each is ensured with Prepend, so the last one ends up first.
const JUMP_CHAINS: JumpChain[] = [
  { table: 'filter', dst: 'KUBE-EXTERNAL-SERVICES', src: 'INPUT', comment: 'kubernetes externally-visible service portals', ctstateNew: true },
  { table: 'filter', dst: 'KUBE-EXTERNAL-SERVICES', src: 'FORWARD', comment: 'kubernetes externally-visible service portals', ctstateNew: true },
  { table: 'filter', dst: 'KUBE-NODEPORTS', src: 'INPUT', comment: 'kubernetes health check service ports', ctstateNew: false },
  { table: 'filter', dst: 'KUBE-SERVICES', src: 'FORWARD', comment: 'kubernetes service portals', ctstateNew: true },
  { table: 'filter', dst: 'KUBE-SERVICES', src: 'OUTPUT', comment: 'kubernetes service portals', ctstateNew: true },
  { table: 'filter', dst: 'KUBE-FORWARD', src: 'FORWARD', comment: 'kubernetes forwarding rules', ctstateNew: false },
  { table: 'filter', dst: 'KUBE-PROXY-FIREWALL', src: 'INPUT', comment: 'kubernetes load balancer firewall', ctstateNew: true },
  { table: 'filter', dst: 'KUBE-PROXY-FIREWALL', src: 'OUTPUT', comment: 'kubernetes load balancer firewall', ctstateNew: true },
  { table: 'filter', dst: 'KUBE-PROXY-FIREWALL', src: 'FORWARD', comment: 'kubernetes load balancer firewall', ctstateNew: true },
  { table: 'nat', dst: 'KUBE-SERVICES', src: 'OUTPUT', comment: 'kubernetes service portals', ctstateNew: false },
  { table: 'nat', dst: 'KUBE-SERVICES', src: 'PREROUTING', comment: 'kubernetes service portals', ctstateNew: false },
  { table: 'nat', dst: 'KUBE-POSTROUTING', src: 'POSTROUTING', comment: 'kubernetes postrouting rules', ctstateNew: false },
]

const NEW: CtState[] = ['NEW']

export interface BaseChainOptions {
  kindMasqAgent?: { clusterCIDR: string }
  /** Whether kube-proxy runs in iptables mode (in nftables mode its jumps and canary are absent). */
  kubeProxy?: boolean
  dockerDNS?: DockerDNS
}

/**
 * Writes the built-in chains' rules of one table: kubelet's `-j KUBE-FIREWALL` (present before kube-proxy
 * starts), then kube-proxy's jumps in the order its Prepend calls leave them (before docker's DNS jumps, which
 * were there first), plus the empty canary chains, then kindnet's masquerade jump (appended last).
 */
export function writeBaseChains(t: ChainWriter, table: TableName, opts: BaseChainOptions): void {
  const kubeProxy = opts.kubeProxy ?? true
  const jumps = new Map<string, JumpChain[]>()
  for (const j of JUMP_CHAINS.filter((j) => kubeProxy && j.table === table)) jumps.set(j.src, [j, ...(jumps.get(j.src) ?? [])])
  for (const [src, list] of jumps) {
    for (const j of list) {
      const matches: MatchModule[] = [
        ...(j.ctstateNew ? [{ module: 'conntrack' as const, ctstate: NEW }] : []),
        { module: 'comment', comment: j.comment },
      ]
      t.add({ chain: src, matches, target: { kind: 'jump', chain: j.dst } })
    }
  }
  if (table === 'filter') {
    t.add({ chain: 'INPUT', matches: [], target: { kind: 'jump', chain: 'KUBE-FIREWALL' } })
    t.add({ chain: 'OUTPUT', matches: [], target: { kind: 'jump', chain: 'KUBE-FIREWALL' } })
    // kubelet's own copy of the localnet rule (kube-proxy in iptables mode writes the same one itself).
    if (!kubeProxy) writeLocalnetRule(t)
  }
  if (table === 'nat' && opts.dockerDNS) writeDockerDNSJumps(t, opts.dockerDNS)
  if (table === 'mangle') t.chain('KUBE-IPTABLES-HINT')
  t.chain('KUBE-KUBELET-CANARY')
  if (kubeProxy) t.chain('KUBE-PROXY-CANARY')
  if (table === 'nat' && opts.kindMasqAgent) writeKindMasqAgent(t, opts.kindMasqAgent.clusterCIDR)
  if (table === 'nat' && opts.dockerDNS) writeDockerDNSChains(t, opts.dockerDNS)
}

/** KUBE-FIREWALL's rule: route_localnet must not let other hosts reach 127.0.0.0/8. */
export function writeLocalnetRule(t: Pick<ChainWriter, 'add'>): void {
  t.add({
    chain: 'KUBE-FIREWALL', source: { cidr: LOOPBACK_CIDR, negate: true }, destination: { cidr: LOOPBACK_CIDR },
    matches: [{ module: 'comment', comment: 'block incoming localnet connections' }, { module: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED', 'DNAT'], negate: true }],
    target: { kind: 'DROP' },
  })
}

/** kindnetd's masquerade agent (images/kindnetd/cmd/kindnetd/masq.go: appended with go-iptables AppendUnique). */
function writeKindMasqAgent(t: ChainWriter, clusterCIDR: string): void {
  t.add({
    chain: 'POSTROUTING',
    matches: [
      { module: 'addrtype', dstType: 'LOCAL', negate: true },
      { module: 'comment', comment: 'kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain' },
    ],
    target: { kind: 'jump', chain: 'KIND-MASQ-AGENT' },
  })
  t.add({
    chain: 'KIND-MASQ-AGENT', destination: { cidr: clusterCIDR },
    matches: [{ module: 'comment', comment: 'kind-masq-agent: local traffic is not subject to MASQUERADE' }],
    target: { kind: 'RETURN' },
  })
  t.add({
    chain: 'KIND-MASQ-AGENT',
    matches: [{ module: 'comment', comment: 'kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)' }],
    target: { kind: 'MASQUERADE', randomFully: false },
  })
}
