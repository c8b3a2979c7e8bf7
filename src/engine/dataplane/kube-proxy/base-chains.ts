// The chains around kube-proxy's own: the jumps from the built-in chains, kubelet's chains, and the canaries.
// Sources: pkg/proxy/iptables/proxier.go (iptablesJumpChains, iptablesKubeletJumpChains, kubeProxyCanaryChain)
// and pkg/kubelet/kubelet_network_linux.go (KUBE-FIREWALL, KUBE-KUBELET-CANARY, KUBE-IPTABLES-HINT), v1.32;
// the resulting order was checked against a kind node's `iptables -S`.
import type { CtState, MatchModule, Rule, TableName } from '../types'

/** A TableBuilder, or anything else that takes chains and rules in order. */
export interface ChainWriter {
  chain(name: string): ChainWriter
  add(spec: Omit<Rule, 'text'>): unknown
}

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

/**
 * Writes the built-in chains' rules of one table: kubelet's `-j KUBE-FIREWALL` (present before kube-proxy
 * starts), then kube-proxy's jumps in the order its Prepend calls leave them, plus the empty canary chains.
 */
export function writeBaseChains(t: ChainWriter, table: TableName, opts: { kindMasqAgent?: { clusterCIDR: string } }): void {
  const jumps = new Map<string, JumpChain[]>()
  for (const j of JUMP_CHAINS.filter((j) => j.table === table)) jumps.set(j.src, [j, ...(jumps.get(j.src) ?? [])])
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
  }
  if (table === 'mangle') t.chain('KUBE-IPTABLES-HINT')
  t.chain('KUBE-KUBELET-CANARY').chain('KUBE-PROXY-CANARY')
  if (table === 'nat' && opts.kindMasqAgent) writeKindMasqAgent(t, opts.kindMasqAgent.clusterCIDR)
}

/** kindnetd's masquerade agent (cmd/kindnetd/masq.go in kind before kindnetd moved to nftables). */
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
