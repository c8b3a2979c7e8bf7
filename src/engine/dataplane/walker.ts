// Walks one built-in chain of one table like netfilter does: jumps recurse, RETURN and the end of a user
// chain go back to the caller, ACCEPT/DROP/REJECT and the NAT targets end the table, MARK continues.
import { ruleMatches } from './match'
import { candidateRules, compiledChainOf, ipNumber, jumpTarget } from './rule-index'
import type { CompiledChain } from './rule-index'
import type { MatchContext } from './match'
import type { Addr, NodeRules, Rule, Table, TableName } from './types'

/** Something the walk did, in order; hop.ts turns these into the trace a learner reads. */
export type WalkEvent = (
  | { kind: 'jump'; rule: Rule; depth: number }
  | { kind: 'mark'; rule: Rule; depth: number }
  | { kind: 'dnat'; rule: Rule; depth: number }
  | { kind: 'snat'; rule: Rule; depth: number }
  | { kind: 'terminal'; rule: Rule; depth: number; verdict: 'ACCEPT' | 'DROP' | 'REJECT' }
  | { kind: 'count'; rule: Rule; depth: number }
  | { kind: 'policy'; chain: string; table: TableName; verdict: 'ACCEPT' | 'DROP'; depth: number }
) & {
  before: { src: Addr; dst: Addr }
  after: { src: Addr; dst: Addr }
  /** Set by the nftables evaluator: the sentence, action and component of its hop (its rules are not iptables rules). */
  note?: string
  action?: string
  component?: 'kube-proxy' | 'node'
}

export interface WalkContext extends MatchContext {
  rules: NodeRules
  events: WalkEvent[]
  egressAddress: (dstIp: string) => string
  /** When set, every rule the kernel would test is counted here (the index that skips rules is not used). */
  evaluations?: { count: number }
}

export type HookVerdict = 'ACCEPT' | 'DROP' | 'REJECT'

type ChainResult = { kind: 'return' } | { kind: 'verdict'; verdict: HookVerdict }

// The results as shared constants: a chain returns one for every packet.
const RETURN: ChainResult = { kind: 'return' }
const VERDICTS: Record<HookVerdict, ChainResult> = { ACCEPT: { kind: 'verdict', verdict: 'ACCEPT' }, DROP: { kind: 'verdict', verdict: 'DROP' }, REJECT: { kind: 'verdict', verdict: 'REJECT' } }

const MAX_DEPTH = 32

/**
 * Records an event; every event has the same fields (one object shape, no spreads or body objects: this runs for
 * every matched rule). `after` is the packet itself: NAT replaces ctx.packet with a new object, never edits it,
 * so the packet a rule saw is `before` as it stands.
 */
export function push(ctx: WalkContext, kind: WalkEvent['kind'], rule: Rule | undefined, depth: number, verdict?: string, before?: { src: Addr; dst: Addr }, chain?: string, table?: TableName,
  note?: string, action?: string, component?: 'kube-proxy' | 'node'): void {
  const after = ctx.packet
  ctx.events.push({ kind, rule, depth, verdict, chain, table, before: before ?? after, after, note, action, component } as WalkEvent)
}

/** `table` is the hook's table: jumps look their chain up there (one lookup of the table per hook, not per jump). */
function runChain(ctx: WalkContext, table: Table, chain: CompiledChain, depth: number): ChainResult {
  if (depth > MAX_DEPTH) throw new Error(`iptables: too many levels of chain jumps at ${chain.chain.name}`)
  // The packet's addresses as numbers, once per chain: DNAT, SNAT and MASQUERADE end the chain, so they stay the same.
  const src = ipNumber(ctx.packet.src.ip)
  const dst = ipNumber(ctx.packet.dst.ip)
  // Only the rules that can match this destination.
  const rules = ctx.evaluations ? chain.all : candidateRules(chain, dst)
  for (let i = 0; i < rules.length; i++) {
    const c = rules[i]
    if (ctx.evaluations) ctx.evaluations.count++
    if (!ruleMatches(c, ctx, src, dst)) continue
    const rule = c.rule
    switch (c.kind) {
      case 'jump': {
        const sub = jumpTarget(c, table)
        if (!sub) continue
        const mark = c.jump === 'KUBE-MARK-MASQ'
        // Marking is one step for a learner: record the jump, keep the inner MARK rule out of the trace.
        const before = ctx.events.length
        push(ctx, mark ? 'mark' : 'jump', rule, depth)
        const result = runChain(ctx, table, sub, depth + 1)
        if (mark) ctx.events.length = before + 1
        if (result.kind === 'verdict') return result
        continue
      }
      case 'RETURN': return RETURN
      case 'ACCEPT': case 'DROP': case 'REJECT':
        push(ctx, 'terminal', rule, depth, c.kind)
        return VERDICTS[c.kind]
      case 'MARK':
        ctx.mark = (ctx.mark & ~c.mask) ^ c.value
        push(ctx, 'mark', rule, depth)
        continue
      case 'DNAT': {
        const before = ctx.packet
        ctx.packet = { ...ctx.packet, dst: { ip: c.ip, port: c.port } }
        push(ctx, 'dnat', rule, depth, undefined, before)
        return VERDICTS.ACCEPT
      }
      case 'SNAT': {
        const before = ctx.packet
        ctx.packet = { ...ctx.packet, src: { ip: c.ip, port: c.port } }
        push(ctx, 'snat', rule, depth, undefined, before)
        return VERDICTS.ACCEPT
      }
      case 'MASQUERADE': {
        // --random-fully would pick a random source port; kubehop keeps the client's port so traces stay readable.
        const before = ctx.packet
        ctx.packet = { ...ctx.packet, src: { ip: ctx.egressAddress(ctx.packet.dst.ip), port: ctx.packet.src.port } }
        push(ctx, 'snat', rule, depth, undefined, before)
        return VERDICTS.ACCEPT
      }
      case 'none':
        push(ctx, 'count', rule, depth)
        continue
    }
  }
  return RETURN
}

/** Runs a table's built-in chain (one netfilter hook); falls back to the chain's policy. */
export function runHook(ctx: WalkContext, table: TableName, chainName: string): HookVerdict {
  const t = ctx.rules.tables[table]
  const chain = compiledChainOf(t, chainName)
  if (!chain) return 'ACCEPT'
  const result = runChain(ctx, t, chain, 0)
  if (result.kind === 'verdict') return result.verdict
  const policy = chain.chain.policy ?? 'ACCEPT'
  push(ctx, 'policy', undefined, 0, policy, undefined, chainName, table)
  return policy
}
