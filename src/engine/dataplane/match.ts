// Evaluates one rule's matches against a packet, like the kernel's ipt_do_table: address/protocol first,
// then each match module in order (so `statistic` only draws when the earlier matches passed).
import { addrMatches, ipNumber } from './rule-index'
import type { CompiledCheck, CompiledRule } from './rule-index'
import { recentCheck, recentSet } from './recent'
import type { CtState, Packet, RandomSource, RecentTable } from './types'

/** What the matches can see of the packet and the node. */
export interface MatchContext {
  packet: Packet
  mark: number
  ctstate: CtState[]
  isLocal: (ip: string) => boolean
  random: RandomSource
  now: number
  recent: RecentTable
}


function moduleMatches(m: CompiledCheck, ctx: MatchContext): boolean {
  const p = ctx.packet
  switch (m.module) {
    case 'comment': case 'nfacct': return true
    case 'tcp': case 'udp': case 'sctp': return p.protocol === m.module && (m.dport < 0 || p.dst.port === m.dport) && (m.sport < 0 || p.src.port === m.sport)
    case 'multiport': return p.protocol !== 'icmp' && m.dports.includes(p.dst.port)
    case 'addrtype': {
      let ok = true
      if (m.srcLocal) ok = ok && ctx.isLocal(p.src.ip)
      if (m.dstLocal) ok = ok && ctx.isLocal(p.dst.ip)
      return ok !== m.negate
    }
    case 'mark': return ((ctx.mark & m.mask) === m.value) !== m.negate
    case 'conntrack': return anyOf(m.ctstate, ctx.ctstate) !== m.negate
    // The kernel draws a 31-bit random number per evaluation and matches below round(p * 2^31).
    case 'statistic': return Math.floor(ctx.random.float() * 0x80000000) < m.threshold
    case 'recent':
      if (m.set) {
        recentSet(ctx.recent, m.name, p.src.ip, ctx.now)
        return true
      }
      return recentCheck(ctx.recent, m.name, p.src.ip, ctx.now, m.seconds < 0 ? undefined : m.seconds, m.reap)
  }
}

/** Whether the two state lists share a state (plain loops: this runs for most rules a packet meets). */
function anyOf(wanted: readonly CtState[], have: readonly CtState[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (have.includes(wanted[i])) return true
  return false
}

/** True when every part of the rule matches (`src`/`dst`: the packet's addresses as ipNumber gives them); modules with side effects (`recent --set`, draws) run in order. */
export function ruleMatches(c: CompiledRule, ctx: MatchContext, src: number | null, dst: number | null): boolean {
  if (c.src && !addrMatches(c.src, src)) return false
  if (c.dst && !addrMatches(c.dst, dst)) return false
  if (c.protocol && c.protocol !== ctx.packet.protocol) return false
  const checks = c.checks
  for (let i = 0; i < checks.length; i++) if (!moduleMatches(checks[i], ctx)) return false
  return true
}

/** addrtype LOCAL: an address configured on the node, or loopback. */
export function localAddressSet(addresses: string[]): (ip: string) => boolean {
  const set = new Set(addresses)
  return (ip) => {
    if (set.has(ip)) return true
    const n = ipNumber(ip)
    return n !== null && Math.floor(n / LOOPBACK_SIZE) === 127
  }
}

/** The size of 127.0.0.0/8 (LOOPBACK_CIDR): loopback addresses have 127 as their first octet. */
const LOOPBACK_SIZE = 2 ** 24
