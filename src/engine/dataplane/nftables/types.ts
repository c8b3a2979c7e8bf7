// The `ip kube-proxy` nftables table as kube-proxy's nftables proxier (v1.33) writes it: base chains on the
// netfilter hooks, regular chains, sets and verdict maps. Each rule keeps the fields the evaluator reads and
// `text`, the line `nft list table ip kube-proxy` prints for it.

export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting'

/** What a rule tests, in the order nft prints it. */
export type NftMatch =
  | { kind: 'ct-new' }
  /** `ip daddr|saddr [!=] CIDR` or `{ CIDR, ... }`. */
  | { kind: 'addr'; field: 'saddr' | 'daddr'; cidrs: string[]; negate?: boolean }
  /** `ip daddr|saddr @set`. */
  | { kind: 'in-set'; field: 'saddr' | 'daddr'; set: string }
  | { kind: 'fib-saddr-local' }
  /** `meta mark & MASK == 0`. */
  | { kind: 'mark-clear'; mask: number }
  | { kind: 'l4proto'; protocol: string }

/** How a verdict map element or rule continues. */
export type NftVerdict =
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'drop' | 'reject' | 'return' | 'accept' }

export type NftAction =
  | { kind: 'verdict'; verdict: NftVerdict }
  /** `KEY vmap @map`: the packet's key looked up in a verdict map (no element: the rule does nothing). */
  | { kind: 'vmap'; key: 'daddr.proto.dport' | 'proto.dport'; map: string }
  /** `numgen random mod N vmap { 0 : goto A, 1 : goto B }`. */
  | { kind: 'numgen'; chains: string[] }
  | { kind: 'mark-or' | 'mark-xor'; value: number }
  | { kind: 'masquerade' }
  | { kind: 'dnat'; ip: string; port: number }
  /** `update @set { ip saddr }`: remembers the client for session affinity. */
  | { kind: 'update'; set: string }

export interface NftRule {
  chain: string
  matches: NftMatch[]
  action: NftAction
  comment?: string
  /** `namespace/name[:port]` of the service the rule belongs to, when it belongs to one. */
  service?: string
  /** The line as `nft list` prints it. */
  text: string
}

export interface NftBaseChain {
  type: 'filter' | 'nat'
  hook: NftHook
  priority: number
}

export interface NftChain {
  name: string
  base?: NftBaseChain
  comment?: string
  rules: NftRule[]
}

export interface NftElement {
  /** The key's parts (`10.96.0.10`, `udp`, `53`), joined with ` . ` when printed. */
  key: string[]
  /** The verdict of a map element (`goto service-…`, `drop`); none for a set. */
  verdict?: NftVerdict
  comment?: string
}

export interface NftSet {
  name: string
  kind: 'set' | 'map'
  type: string
  comment?: string
  flags?: string[]
  timeoutSeconds?: number
  elements: NftElement[]
}

/** One family/table of nftables, in creation order (the order `nft list` prints). */
export interface NftTable {
  family: 'ip'
  name: string
  comment?: string
  sets: NftSet[]
  chains: NftChain[]
}
