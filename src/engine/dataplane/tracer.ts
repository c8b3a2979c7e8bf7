// One node's netfilter path for one packet: conntrack first, then (for a new connection) the nat and
// filter hooks in kernel order, recording every rule that decided something.
// Hook order: net/ipv4/netfilter (PREROUTING nat → routing → INPUT or FORWARD filter → POSTROUTING nat;
// locally sent packets: OUTPUT nat → OUTPUT filter → POSTROUTING nat → INPUT filter when delivered locally).
import { addConntrack, closeConntrack, lookupConntrack, markReplied, newConntrackTable, refreshConntrack, removeConntrack } from './conntrack'
import { eventChains, eventsToHops, fmtAddr, serviceOf } from './hop'
import { localAddressSet } from './match'
import { newRecentTable } from './recent'
import type {
  Addr, ConntrackEntry, CtState, Hop, L4Protocol, NodeDataplaneState, NodeRules, Packet, TraceOptions, TraceResult, Tuple, Verdict,
} from './types'
import { runHook } from './walker'
import { nftBaseChains, runNftChains } from './nftables/evaluate'
import type { NftHook, NftTable } from './nftables/types'
import type { TableName } from './types'
import type { HookVerdict, WalkContext, WalkEvent } from './walker'

/**
 * Fresh kernel state for one node: an empty conntrack table and empty xt_recent lists. Keep one per node
 * for the life of the cluster; traceNodePacket reads and updates it.
 */
export function newNodeDataplaneState(tcpEstablishedTimeout?: number): NodeDataplaneState {
  return { conntrack: newConntrackTable(tcpEstablishedTimeout), recent: newRecentTable() }
}

const tupleOf = (p: { src: Addr; dst: Addr }): Tuple => ({ src: p.src.ip, dst: p.dst.ip, sport: p.src.port, dport: p.dst.port })
const sameAddr = (a: Addr, b: Addr) => a.ip === b.ip && a.port === b.port

/**
 * Traces one packet through one node the way the Linux kernel and kube-proxy's iptables rules (v1.32)
 * handle it. A packet of a connection conntrack already knows skips the nat table and gets the recorded
 * DNAT/SNAT (keep-alive stays on its endpoint; replies are un-NATed). A new connection walks nat
 * PREROUTING (or OUTPUT for `origin: 'local'`), KUBE-SERVICES and the service chains — the only random
 * choice is each `-m statistic` rule's draw from `opts.random` — then the filter table, then nat
 * POSTROUTING where KUBE-POSTROUTING masquerades marked packets. An accepted connection is added to the
 * node's conntrack table. Returns the hops (each naming the rule that decided), the verdict and the packet
 * as it leaves. It does not route between nodes: the caller sends `packetAfter` on.
 */
export function traceNodePacket(rules: NodeRules, state: NodeDataplaneState, packet: Packet, opts: TraceOptions): TraceResult {
  const at = opts.at ?? `node/${rules.nodeName}`
  if (packet.protocol !== 'icmp') {
    const found = lookupConntrack(state.conntrack, packet.protocol, tupleOf(packet), opts.now)
    // A new SYN on a tuple in TIME_WAIT opens a new connection.
    if (found && found.direction === 'original' && found.entry.state === 'TIME_WAIT') removeConntrack(state.conntrack, found.entry)
    else if (found) return followConnection(rules, state, packet, opts, at, found.entry, found.direction)
  }
  return newConnection(rules, state, packet, opts, at)
}

/** The last few LOCAL address sets, by content: callers pass the same node's addresses again and again, often in a fresh array. */
const localSets: { addresses: string[]; isLocal: (ip: string) => boolean }[] = []
const LOCAL_SETS_MAX = 32

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** addrtype LOCAL for a list of addresses, built once per distinct list. */
function localSetOf(addresses: string[]): (ip: string) => boolean {
  for (const s of localSets) if (s.addresses === addresses || sameList(s.addresses, addresses)) return s.isLocal
  const isLocal = localAddressSet(addresses)
  if (localSets.length >= LOCAL_SETS_MAX) localSets.shift()
  localSets.push({ addresses: [...addresses], isLocal })
  return isLocal
}

// conntrack states as shared lists (matches only read them): one allocation less per hook and packet.
const CT_NEW: CtState[] = ['NEW']
const CT_ESTABLISHED: CtState[] = ['ESTABLISHED']
const CT_WITH_DNAT = new Map<CtState[], CtState[]>([[CT_NEW, ['NEW', 'DNAT']], [CT_ESTABLISHED, ['ESTABLISHED', 'DNAT']]])

function withDNAT(states: CtState[]): CtState[] {
  return CT_WITH_DNAT.get(states) ?? (states.includes('DNAT') ? states : [...states, 'DNAT'])
}

function walkContext(rules: NodeRules, state: NodeDataplaneState, packet: Packet, opts: TraceOptions, ctstate: CtState[]): WalkContext {
  const isLocal = localSetOf(opts.localAddresses)
  return {
    rules, packet, mark: 0, ctstate, isLocal,
    random: opts.random, now: opts.now, recent: state.recent, events: [],
    egressAddress: opts.egressAddress ?? (() => opts.localAddresses[0] ?? packet.src.ip),
    evaluations: opts.evaluations,
  }
}

/** Runs the filter hook(s) and, for forwarded or sent packets, nat POSTROUTING; returns the final outcome. */
function dnatted(ctx: WalkContext): boolean {
  for (const e of ctx.events) if (e.kind === 'dnat') return true
  return false
}

function runPath(ctx: WalkContext, origin: Packet['origin'], natToo: boolean): { verdict: HookVerdict; local: boolean } {
  if (ctx.rules.nft) return runPathNft(ctx, ctx.rules.nft, origin, natToo)
  if (origin === 'network') {
    if (natToo) runHook(ctx, 'nat', 'PREROUTING')
    if (dnatted(ctx)) ctx.ctstate = withDNAT(ctx.ctstate)
    const local = ctx.isLocal(ctx.packet.dst.ip)
    const verdict = runHook(ctx, 'filter', local ? 'INPUT' : 'FORWARD')
    if (verdict === 'ACCEPT' && !local && natToo) runHook(ctx, 'nat', 'POSTROUTING')
    return { verdict, local }
  }
  if (natToo) runHook(ctx, 'nat', 'OUTPUT')
  if (dnatted(ctx)) ctx.ctstate = withDNAT(ctx.ctstate)
  let verdict = runHook(ctx, 'filter', 'OUTPUT')
  if (verdict !== 'ACCEPT') return { verdict, local: false }
  if (natToo) runHook(ctx, 'nat', 'POSTROUTING')
  const local = ctx.isLocal(ctx.packet.dst.ip)
  // Looped back to the node itself: the receive side runs the filter INPUT hook too.
  if (local) verdict = runHook(ctx, 'filter', 'INPUT')
  return { verdict, local }
}

const NAT_EVENTS = new Set(['dnat', 'snat'])

/**
 * One hook of a node whose kube-proxy runs in nftables mode: kube-proxy's base chains and iptables-nft's
 * built-in chain (kubelet, docker, kind and CNI rules) run by priority; iptables' chain goes first when they
 * tie. A NAT chain is skipped once an earlier one at this hook rewrote the packet (the first binding wins).
 */
function nftHook(ctx: WalkContext, nft: NftTable, hook: NftHook, type: 'filter' | 'nat', iptTable: TableName, iptChain: string, iptPriority: number, from = -1000): HookVerdict {
  const before = ctx.events.length
  const natDone = () => type === 'nat' && ctx.events.slice(before).some((e) => NAT_EVENTS.has(e.kind))
  const early = runNftChains(ctx, nft, nftBaseChains(nft, hook, type, from, iptPriority - 1))
  if (early) return early
  let verdict: HookVerdict = 'ACCEPT'
  if (!natDone()) verdict = runHook(ctx, iptTable, iptChain)
  if (verdict !== 'ACCEPT') return verdict
  if (natDone()) return 'ACCEPT'
  return runNftChains(ctx, nft, nftBaseChains(nft, hook, type, iptPriority, 1000)) ?? 'ACCEPT'
}

function runPathNft(ctx: WalkContext, nft: NftTable, origin: Packet['origin'], natToo: boolean): { verdict: HookVerdict; local: boolean } {
  let verdict: HookVerdict
  if (origin === 'network') {
    // filter-prerouting-pre-dnat (-110) sees the destination before any DNAT (it checks ct state new itself).
    verdict = runNftChains(ctx, nft, nftBaseChains(nft, 'prerouting', 'filter', -1000, 1000)) ?? 'ACCEPT'
    if (verdict !== 'ACCEPT') return { verdict, local: false }
    if (natToo) nftHook(ctx, nft, 'prerouting', 'nat', 'nat', 'PREROUTING', -100)
    if (dnatted(ctx)) ctx.ctstate = withDNAT(ctx.ctstate)
    const local = ctx.isLocal(ctx.packet.dst.ip)
    verdict = nftHook(ctx, nft, local ? 'input' : 'forward', 'filter', 'filter', local ? 'INPUT' : 'FORWARD', 0)
    if (verdict === 'ACCEPT' && !local && natToo) nftHook(ctx, nft, 'postrouting', 'nat', 'nat', 'POSTROUTING', 101)
    return { verdict, local }
  }
  verdict = runNftChains(ctx, nft, nftBaseChains(nft, 'output', 'filter', -1000, -101)) ?? 'ACCEPT'
  if (verdict !== 'ACCEPT') return { verdict, local: false }
  if (natToo) verdict = nftHook(ctx, nft, 'output', 'nat', 'nat', 'OUTPUT', -100)
  if (dnatted(ctx)) ctx.ctstate = withDNAT(ctx.ctstate)
  if (verdict === 'ACCEPT') verdict = nftHook(ctx, nft, 'output', 'filter', 'filter', 'OUTPUT', 0, -100)
  if (verdict !== 'ACCEPT') return { verdict, local: false }
  if (natToo) nftHook(ctx, nft, 'postrouting', 'nat', 'nat', 'POSTROUTING', 101)
  const local = ctx.isLocal(ctx.packet.dst.ip)
  if (local) verdict = nftHook(ctx, nft, 'input', 'filter', 'filter', 'INPUT', 0)
  return { verdict, local }
}

function outcomeOf(verdict: HookVerdict, local: boolean): Verdict['outcome'] {
  if (verdict === 'DROP') return 'drop'
  if (verdict === 'REJECT') return 'reject'
  return local ? 'local' : 'forward'
}

function serviceFrom(events: WalkEvent[]): string | undefined {
  // The DNAT rule's service, else the first rule that names one (plain loops: this runs for every new connection).
  for (const e of events) {
    if (e.kind !== 'dnat') continue
    const svc = serviceOf(e.rule)
    if (svc) return svc
    break
  }
  for (const e of events) {
    if (e.kind === 'policy') continue
    const svc = serviceOf(e.rule)
    if (svc) return svc
  }
  return undefined
}

function newConnection(rules: NodeRules, state: NodeDataplaneState, packet: Packet, opts: TraceOptions, at: string): TraceResult {
  const ctx = walkContext(rules, state, packet, opts, CT_NEW)
  const { verdict, local } = runPath(ctx, packet.origin, true)
  const after = ctx.packet
  const service = serviceFrom(ctx.events)
  if (opts.hopChains) for (const c of eventChains(ctx.events)) opts.hopChains.push(c)
  const result: TraceResult = {
    hops: eventsToHops(ctx.events, rules, at),
    packetAfter: after,
    verdict: {
      outcome: outcomeOf(verdict, local),
      dnat: sameAddr(after.dst, packet.dst) ? undefined : after.dst,
      // Masquerading to the address the packet already had still counts: the rule decided it.
      snat: ctx.events.some((e) => e.kind === 'snat') ? after.src : undefined,
      service,
      conntrack: packet.protocol === 'icmp' ? 'untracked' : 'new',
    },
  }
  // Only a packet that made it through every hook confirms its conntrack entry.
  if (verdict === 'ACCEPT' && packet.protocol !== 'icmp') {
    result.entry = addConntrack(state.conntrack, packet.protocol as L4Protocol, tupleOf(packet),
      { src: after.dst.ip, dst: after.src.ip, sport: after.dst.port, dport: after.src.port }, opts.now, service)
  }
  return result
}

/** A hop where conntrack, not a rule, rewrote the packet. */
function conntrackHop(hops: Hop[], at: string, action: string, src: Addr, dst: Addr, srcAfter: Addr, dstAfter: Addr, note: string): void {
  hops.push({ at, component: 'conntrack', action, src: fmtAddr(src), dst: fmtAddr(dst), srcAfter: fmtAddr(srcAfter), dstAfter: fmtAddr(dstAfter), rule: null, note })
}

function followConnection(rules: NodeRules, state: NodeDataplaneState, packet: Packet, opts: TraceOptions, at: string,
  entry: ConntrackEntry, direction: 'original' | 'reply'): TraceResult {
  const { original, reply } = entry
  // Original direction: dst becomes the reply's source (DNAT), src the reply's destination (SNAT). Replies: the reverse.
  const natted: Packet = direction === 'original'
    ? { ...packet, dst: { ip: reply.src, port: reply.sport }, src: { ip: reply.dst, port: reply.dport } }
    : { ...packet, src: { ip: original.dst, port: original.dport }, dst: { ip: original.src, port: original.sport } }
  const dstChanged = !sameAddr(natted.dst, packet.dst)
  const srcChanged = !sameAddr(natted.src, packet.src)
  const hops: Hop[] = []

  if (direction === 'reply') markReplied(state.conntrack, entry, opts.now)
  else refreshConntrack(state.conntrack, entry, opts.now)

  // Destination NAT happens before routing, source NAT after the filter hooks.
  const base = entry.unreplied ? CT_NEW : CT_ESTABLISHED
  const ctstate = original.dst !== reply.src || original.dport !== reply.sport ? withDNAT(base) : base
  const mid: Packet = { ...packet, dst: natted.dst }
  if (dstChanged) {
    conntrackHop(hops, at, direction === 'original' ? 'DNAT' : 'un-SNAT', packet.src, packet.dst, packet.src, natted.dst, direction === 'original'
      ? `This packet belongs to a connection conntrack already knows (keep-alive): it gets the same DNAT to ${fmtAddr(natted.dst)} without walking the rules again.`
      : `A reply: conntrack restores the destination to the original client ${fmtAddr(natted.dst)}.`)
  }
  const ctx = walkContext(rules, state, mid, opts, ctstate)
  const { verdict, local } = runPath(ctx, packet.origin, false)
  for (const h of eventsToHops(ctx.events, rules, at)) hops.push(h)
  if (verdict === 'ACCEPT' && srcChanged) {
    conntrackHop(hops, at, direction === 'original' ? 'SNAT' : 'un-DNAT', mid.src, natted.dst, natted.src, natted.dst, direction === 'original'
      ? `conntrack applies the connection's masquerade: the source becomes ${fmtAddr(natted.src)}.`
      : `A reply: conntrack rewrites the source back to ${fmtAddr(natted.src)}, the address the client called.`)
  }
  const after = verdict === 'ACCEPT' ? natted : mid
  return {
    hops,
    packetAfter: after,
    entry,
    verdict: {
      outcome: outcomeOf(verdict, local),
      dnat: direction === 'original' && dstChanged ? natted.dst : undefined,
      snat: direction === 'original' && srcChanged ? natted.src : undefined,
      service: entry.service,
      conntrack: direction === 'original' ? 'established' : 'reply',
    },
  }
}

/**
 * Marks a traced connection as answered and established (the kernel does this when the first reply
 * passes); use it when the network walk does not trace reply packets through this node.
 */
export function confirmConnection(state: NodeDataplaneState, entry: ConntrackEntry, now: number): void {
  markReplied(state.conntrack, entry, now)
}

/** The client or server closed the connection: its entry moves to TIME_WAIT (120 s) as in `conntrack -L`. */
export function closeConnection(state: NodeDataplaneState, entry: ConntrackEntry, now: number): void {
  if (entry.unreplied) markReplied(state.conntrack, entry, now)
  closeConntrack(state.conntrack, entry, now)
}
