// Every type the dataplane exports: the compiled iptables model, packets, hops, verdicts and node state.
// Other engine parts (the network walk, the shell's `iptables-save` / `conntrack -L`) import from here only.
import type { TraceHop } from '../trace/types.ts'
import type { EndpointSlice, Service } from '../api/types'
import type { NftTable } from './nftables/types'

/** iptables tables kubehop models. `raw`/`security` are absent on a kind node's iptables-save. */
export type TableName = 'mangle' | 'filter' | 'nat'

export type L4Protocol = 'tcp' | 'udp' | 'sctp'
export type Protocol = L4Protocol | 'icmp'

/** An address match: `-s 10.244.0.0/16`, `! -s 10.244.0.0/16`, `-d 10.96.0.10/32`. */
export interface CidrMatch {
  cidr: string
  negate?: boolean
}

/** One `-m <module> ...` of a rule, in the order kube-proxy wrote them (iptables-save keeps that order). */
export type MatchModule =
  | { module: 'comment'; comment: string }
  | { module: L4Protocol; dport?: number; sport?: number }
  /** `-m multiport --dports A,B` (the CNI portmap plugin's entry rules). */
  | { module: 'multiport'; dports: number[] }
  | { module: 'addrtype'; srcType?: 'LOCAL'; dstType?: 'LOCAL'; negate?: boolean }
  | { module: 'mark'; value: number; mask: number; negate?: boolean }
  | { module: 'conntrack'; ctstate: CtState[]; negate?: boolean }
  /** `probability` is what kube-proxy asked for (`%0.10f` of 1/n); the kernel keeps round(p * 2^31). */
  | { module: 'statistic'; probability: number }
  | { module: 'recent'; mode: 'set' | 'rcheck'; name: string; seconds?: number; reap?: boolean }
  | { module: 'nfacct'; name: string }

export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'DNAT' | 'SNAT'

export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'RETURN' }
  | { kind: 'REJECT' }
  | { kind: 'DNAT'; ip: string; port: number }
  /** `-j SNAT --to-source ip:port` (docker's embedded DNS rules). */
  | { kind: 'SNAT'; ip: string; port: number }
  /** `-j MARK --set-xmark value/mask`: what `--or-mark` (mask = value) and `--xor-mark` (mask = 0) become. */
  | { kind: 'MARK'; value: number; mask: number }
  | { kind: 'MASQUERADE'; randomFully: boolean }
  /** A rule with no `-j` (kube-proxy's last KUBE-FW rule only counts packets). */
  | { kind: 'none' }

/** One rule: parsed fields the tracer evaluates, and `text`, the line `iptables-save` prints for it. */
export interface Rule {
  chain: string
  source?: CidrMatch
  destination?: CidrMatch
  protocol?: L4Protocol
  matches: MatchModule[]
  target: Target
  /** Verbatim iptables-save line, e.g. `-A KUBE-SEP-X -p tcp -m comment --comment "default/kubia" -m tcp -j DNAT --to-destination 10.244.1.2:8080`. */
  text: string
}

export interface Chain {
  name: string
  /** Built-in chains have a policy; user chains print `-` in iptables-save. */
  policy?: 'ACCEPT' | 'DROP'
  rules: Rule[]
}

export interface Table {
  name: TableName
  /** In iptables-save order: built-in chains in hook order, then user chains sorted by name (strcmp). */
  chains: Chain[]
}

/** The iptables state of one node, as kube-proxy (plus kubelet's chains) leaves it. */
export interface NodeRules {
  nodeName: string
  tables: Record<TableName, Table>
  /** kube-proxy's `ip kube-proxy` nftables table, when it runs in nftables mode (its iptables chains are then absent). */
  nft?: NftTable
}

/** Inputs of the rule compiler: plain Kubernetes API objects plus kube-proxy's own configuration. */
export interface ProxierInput {
  nodeName: string
  /** The node's InternalIP(s); the first is kube-proxy's `nodeIP` (used for loadBalancerSourceRanges). */
  nodeIPs: string[]
  /** `--cluster-cidr` (kind passes 10.244.0.0/16). Without it kube-proxy cannot tell pods from other sources. */
  clusterCIDR?: string
  services: Service[]
  endpointSlices: EndpointSlice[]
  /** `--masquerade-all` (default false). */
  masqueradeAll?: boolean
  /** `--iptables-masquerade-bit` (default 14 → mark 0x4000). */
  masqueradeBit?: number
  /** `iptables.localhostNodePorts` (default true: node ports answer on 127.0.0.1 too). */
  localhostNodePorts?: boolean
  /** Whether the nfacct counters could be created (true on usual kernels); adds `-m nfacct` to two rules. */
  nfacct?: boolean
  /** True when the node sets nf_conntrack_tcp_be_liberal: kube-proxy then skips the INVALID drop rule. */
  conntrackTCPLiberal?: boolean
  /** Whether iptables supports `--random-fully` on MASQUERADE (true on any iptables ≥ 1.6.2). */
  randomFully?: boolean
  /** Add kindnet's KIND-MASQ-AGENT chain (kindnetd's masq.go programs it with iptables). */
  kindMasqAgent?: boolean
  /** kube-proxy's mode: in `nftables` mode none of its KUBE-* iptables chains exist (kubelet's remain). */
  proxyMode?: 'iptables' | 'nftables'
  /** The service range (nftables mode drops traffic to its unallocated addresses). */
  serviceCIDR?: string
  /** kind: docker's embedded DNS rules of each node (rewritten by kind's entrypoint). */
  dockerDNS?: (nodeName: string) => DockerDNS | undefined
  /** Pods with hostPorts: the CNI portmap plugin's chains on their nodes. */
  hostPorts?: HostPortPod[]
}

export interface Addr {
  ip: string
  port: number
}

/**
 * A packet as one node sees it. `origin` says which netfilter path it takes: `network` packets arrive on an
 * interface (from another host, from outside, or from a pod of this node through its veth) and enter
 * PREROUTING; `local` packets are sent by a process in the node's own network namespace (the node itself,
 * a hostNetwork pod) and enter OUTPUT.
 */
export interface Packet {
  protocol: Protocol
  src: Addr
  dst: Addr
  origin: 'network' | 'local'
}

/** The `Hop` of the CLI contract's TRACE, as the node's own components produce it. */
export type Hop = TraceHop & { component: 'kube-proxy' | 'conntrack' | 'node' | 'cni' }

type Outcome =
  /** The packet leaves this node towards `packetAfter.dst` (a pod elsewhere, a local pod's veth, or beyond). */
  | 'forward'
  /** The packet is delivered to a process of this node (its final destination is a local address). */
  | 'local'
  /** Refused: REJECT answered with icmp-port-unreachable, which the client reports as "connection refused". */
  | 'reject'
  /** Dropped silently: the client waits until it times out. */
  | 'drop'

export interface Verdict {
  outcome: Outcome
  /** The endpoint picked by a KUBE-SEP DNAT (or replayed by conntrack). */
  dnat?: Addr
  /** The source address after MASQUERADE, when the packet was masqueraded. */
  snat?: Addr
  /** `namespace/name[:port]` of the Service whose rules handled the packet, if any. */
  service?: string
  /** Whether the packet started a connection, followed one (same direction), or was a reply. */
  conntrack: 'new' | 'established' | 'reply' | 'untracked'
}

export interface TraceResult {
  hops: Hop[]
  verdict: Verdict
  packetAfter: Packet
  /** The conntrack entry the packet created or followed (none when it was dropped or is untracked ICMP). */
  entry?: ConntrackEntry
}

/** Anything with SeededRandom's `float()`: uniform in [0, 1). */
export interface RandomSource {
  float(): number
}

export interface TraceOptions {
  random: RandomSource
  /** Simulated time in seconds (conntrack timeouts, `-m recent --seconds`). */
  now: number
  /** Addresses configured on the node (node IPs, the veth gateway 10.244.N.1); 127.0.0.0/8 is always local (the tracer remembers the set it builds for each list). */
  localAddresses: string[]
  /**
   * The address MASQUERADE picks for a destination: the address of the outgoing interface. Defaults to the
   * first local address. On kind the veth towards a local pod carries 10.244.N.1, so that is what a local pod sees.
   */
  egressAddress?: (dstIp: string) => string
  /** `at` of the hops; defaults to `node/<nodeName>`. */
  at?: string
  /** Counts the rules evaluated for this packet (the proxy-mode comparison and the benchmark). */
  evaluations?: { count: number }
  /** Collects the chain each hop of a new connection was decided in (`-P` policies: the built-in chain), one per hop. */
  hopChains?: string[]
}

export interface Tuple {
  src: string
  dst: string
  sport: number
  dport: number
}

type TcpState = 'SYN_SENT' | 'ESTABLISHED' | 'TIME_WAIT'

/** One flow of `conntrack -L`. */
export interface ConntrackEntry {
  id: number
  protocol: L4Protocol
  original: Tuple
  reply: Tuple
  /** TCP state; UDP entries have none. */
  state?: TcpState
  /** No packet has been seen in the reply direction yet. */
  unreplied: boolean
  assured: boolean
  expiresAt: number
  /** The ctmark (kube-proxy's 0x4000 is a packet mark, so this stays 0). */
  mark: number
  service?: string
  /** The id of the command (network world) whose packets last used this connection: it lists them without a lookup per packet. */
  touchedBy?: number
}

/** Per-node kernel state the tracer reads and writes: the conntrack table and xt_recent lists. */
export interface NodeDataplaneState {
  conntrack: ConntrackTable
  recent: RecentTable
}

/** An entry seen from one of its two tuples (shared, read-only: a lookup returns it as it is). */
export interface ConntrackRef {
  readonly entry: ConntrackEntry
  readonly direction: 'original' | 'reply'
}

export interface ConntrackTable {
  /** The flows by id, in creation order (entries past their timeout go at the next lookup or listing). */
  byId: Map<number, ConntrackEntry>
  /** Each entry under its original and its reply tuple: dst address → src address → both ports (see conntrack.ts). */
  byTuple: Map<string, Map<string, Map<number, ConntrackRef[]>>>
  /** A lower bound of every entry's `expiresAt`: nothing can have expired before it, so no sweep is needed. */
  earliestExpiry: number
  /** The flows as a list, in creation order (a copy). */
  readonly entries: ConntrackEntry[]
  nextId: number
  /** nf_conntrack_tcp_timeout_established in seconds. */
  tcpEstablishedTimeout: number
}

/** xt_recent: list name → source IP → last time seen (seconds). */
export interface RecentTable {
  lists: Map<string, Map<string, number>>
}

/** A TableBuilder, or anything else that takes chains and rules in order. */
export interface ChainWriter {
  chain(name: string): ChainWriter
  add(spec: Omit<Rule, 'text'>): unknown
}

/** Docker's embedded DNS inside a kind node (see kind/docker-dns.ts). */
export interface DockerDNS {
  /** The address kind put in the node's /etc/resolv.conf (the docker network's gateway, 172.18.0.1). */
  gateway: string
  /** The random ports dockerd's resolver listens on at 127.0.0.11. */
  tcpPort: number
  udpPort: number
}

/** One pod sandbox with hostPorts on a node, as the container runtime hands it to the CNI portmap plugin. */
export interface HostPortPod {
  nodeName: string
  /** The sandbox (pause container) id: 64 hex characters. */
  sandboxID: string
  podIP: string
  ports: { protocol: L4Protocol; hostPort: number; containerPort: number }[]
}
