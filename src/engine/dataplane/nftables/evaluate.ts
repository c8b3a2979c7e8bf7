// Runs one packet through the `ip kube-proxy` base chains of one hook, as nf_tables does: rules in order,
// `jump` returns to the caller, `goto` does not, a verdict map lookup either dispatches or falls through,
// `drop`/`reject` end the packet, NAT statements end the chain. Each decision is recorded as a walk event
// with its own sentence, naming the rule and, for a map lookup, the element that decided.
import { cidrContains } from '../net/ipv4'
import { recentCheck, recentSet } from '../recent'
import type { Rule, Target } from '../types'
import type { HookVerdict, WalkContext } from '../walker'
import { push } from '../walker'
import { elementText } from './text'
import type { NftChain, NftElement, NftHook, NftRule, NftSet, NftTable, NftVerdict } from './types'

const MAX_DEPTH = 32

type Result = { kind: 'continue' } | { kind: 'verdict'; verdict: HookVerdict }
const CONTINUE: Result = { kind: 'continue' }

interface Index {
  chains: Map<string, NftChain>
  sets: Map<string, { set: NftSet; byKey: Map<string, NftElement> }>
  byHook: Map<NftHook, NftChain[]>
}

const indexes = new WeakMap<NftTable, Index>()

/** Chains and map elements by name and key, built once per compiled table (tables never change). */
function indexOf(t: NftTable): Index {
  let ix = indexes.get(t)
  if (!ix) {
    const byHook = new Map<NftHook, NftChain[]>()
    for (const c of t.chains) if (c.base) byHook.set(c.base.hook, [...(byHook.get(c.base.hook) ?? []), c])
    ix = {
      chains: new Map(t.chains.map((c) => [c.name, c])),
      sets: new Map(t.sets.map((s) => [s.name, { set: s, byKey: new Map(s.elements.map((e) => [e.key.join(' . '), e])) }])),
      byHook,
    }
    indexes.set(t, ix)
  }
  return ix
}

/** The table's base chains on `hook` whose priority is in [min, max], in priority order. */
export function nftBaseChains(t: NftTable, hook: NftHook, type: 'filter' | 'nat', min: number, max: number): NftChain[] {
  return (indexOf(t).byHook.get(hook) ?? []).filter((c) => c.base!.type === type && c.base!.priority >= min && c.base!.priority <= max)
    .sort((a, b) => a.base!.priority - b.base!.priority)
}

/** A Rule-shaped record of an nft rule for the trace (its text, and a comment naming the service). */
function asRule(r: NftRule, text: string, target: Target): Rule {
  return { chain: r.chain, matches: r.service ? [{ module: 'comment', comment: r.service }] : [], target, text }
}

function addrMatches(cidrs: string[], ip: string): boolean {
  return cidrs.some((c) => (c.includes('/') ? cidrContains(c, ip) : c === ip))
}

function matches(ctx: WalkContext, ix: Index, r: NftRule): boolean {
  const p = ctx.packet
  for (const m of r.matches) {
    switch (m.kind) {
      case 'ct-new': if (!ctx.ctstate.includes('NEW')) return false; break
      case 'addr': if (addrMatches(m.cidrs, m.field === 'saddr' ? p.src.ip : p.dst.ip) === !!m.negate) return false; break
      case 'in-set': {
        const ip = m.field === 'saddr' ? p.src.ip : p.dst.ip
        const s = ix.sets.get(m.set)
        if (!s) return false
        // Affinity sets are dynamic: the kernel's copy (per node) lives in the recent table under the set's name.
        if (s.set.flags?.includes('dynamic')) { if (!recentCheck(ctx.recent, m.set, ip, ctx.now, s.set.timeoutSeconds, true)) return false }
        else if (!s.byKey.has(ip)) return false
        break
      }
      case 'fib-saddr-local': if (!ctx.isLocal(p.src.ip)) return false; break
      case 'mark-clear': if ((ctx.mark & m.mask) !== 0) return false; break
      case 'l4proto': if (p.protocol !== m.protocol) return false; break
    }
  }
  return true
}

function chainTarget(v: NftVerdict): Target {
  switch (v.kind) {
    case 'jump': case 'goto': return { kind: 'jump', chain: v.chain }
    case 'drop': return { kind: 'DROP' }
    case 'reject': return { kind: 'REJECT' }
    case 'accept': return { kind: 'ACCEPT' }
    case 'return': return { kind: 'RETURN' }
  }
}

/** Sentences for the chains kube-proxy dispatches to, from the chain's prefix. */
function dispatchNote(map: string, key: string, v: NftVerdict, svc: string | undefined): string {
  const target = v.kind === 'goto' || v.kind === 'jump' ? v.chain : ''
  const who = svc ? ` of ${svc}` : ''
  switch (map) {
    case 'service-ips':
      return target.startsWith('external-')
        ? `One lookup in the service-ips map finds ${key}: an external or load-balancer address${who}, handled by ${target}.`
        : `One lookup in the service-ips map finds ${key}: the cluster IP${who}, handled by ${target} (no rule per service is walked).`
    case 'service-nodeports': return `The destination is in @nodeport-ips, and one lookup in service-nodeports finds ${key}: a node port${who}, handled by ${target}.`
    case 'firewall-ips': return `${key} is a load-balancer address with loadBalancerSourceRanges: ${target} checks the client.`
    case 'no-endpoint-services': case 'no-endpoint-nodeports':
      return v.kind === 'drop'
        ? `${svc ?? 'The service'} has no endpoint usable here (traffic policy Local): the no-endpoint map drops the packet and the client waits until it times out.`
        : `${svc ?? 'The service'} has no endpoints: the no-endpoint map sends the packet to reject-chain, which answers ICMP port unreachable ("connection refused").`
  }
  return `The ${map} map sends the packet to ${target || v.kind}.`
}

function runChain(ctx: WalkContext, ix: Index, chain: NftChain, depth: number): Result | 'return' {
  if (depth > MAX_DEPTH) throw new Error(`nft: too many levels of chain jumps at ${chain.name}`)
  for (const r of chain.rules) {
    // A verdict map lookup is one hash lookup, counted like one rule.
    if (ctx.evaluations) ctx.evaluations.count++
    if (!matches(ctx, ix, r)) continue
    const a = r.action
    switch (a.kind) {
      case 'verdict': {
        const res = applyVerdict(ctx, ix, r, a.verdict, r.text, depth, undefined)
        if (res !== CONTINUE) return res
        continue
      }
      case 'vmap': {
        const p = ctx.packet
        const key = a.key === 'daddr.proto.dport' ? `${p.dst.ip} . ${p.protocol} . ${p.dst.port}` : `${p.protocol} . ${p.dst.port}`
        const el = ix.sets.get(a.map)?.byKey.get(key)
        if (!el?.verdict) continue
        const svc = el.comment ?? serviceOfChain(ix, el.verdict)
        const text = `${r.text} → ${elementText(el)}`
        const res = applyVerdict(ctx, ix, r, el.verdict, text, depth, dispatchNote(a.map, key, el.verdict, svc), svc)
        if (res !== CONTINUE) return res
        continue
      }
      case 'numgen': {
        const i = Math.floor(ctx.random.float() * a.chains.length)
        const target = a.chains[i]
        const note = a.chains.length === 1
          ? `${r.service} has one endpoint: numgen random mod 1 always gives 0.`
          : `numgen random mod ${a.chains.length} drew ${i}: the verdict map sends this new connection to endpoint ${i + 1} of ${a.chains.length} in one step (no probability cascade).`
        return applyVerdict(ctx, ix, r, { kind: 'goto', chain: target }, r.text, depth, note)
      }
      case 'mark-or': ctx.mark |= a.value; continue
      case 'mark-xor': ctx.mark ^= a.value; continue
      case 'update': recentSet(ctx.recent, a.set, ctx.packet.src.ip, ctx.now); continue
      case 'dnat': {
        const before = { src: ctx.packet.src, dst: ctx.packet.dst }
        ctx.packet = { ...ctx.packet, dst: { ip: a.ip, port: a.port } }
        push(ctx, 'dnat', asRule(r, r.text, { kind: 'DNAT', ip: a.ip, port: a.port }), depth, undefined, before, undefined, undefined,
          `DNAT: the destination changes from ${fmt(before.dst)} to the endpoint ${a.ip}:${a.port}.`, 'DNAT')
        return { kind: 'verdict', verdict: 'ACCEPT' }
      }
      case 'masquerade': {
        const before = { src: ctx.packet.src, dst: ctx.packet.dst }
        ctx.packet = { ...ctx.packet, src: { ip: ctx.egressAddress(ctx.packet.dst.ip), port: ctx.packet.src.port } }
        push(ctx, 'snat', asRule(r, r.text, { kind: 'MASQUERADE', randomFully: true }), depth, undefined, before, undefined, undefined,
          `The packet carries mark 0x4000, so kube-proxy's masquerading chain rewrites its source from ${before.src.ip} to ${ctx.packet.src.ip}.`, 'SNAT')
        return { kind: 'verdict', verdict: 'ACCEPT' }
      }
    }
  }
  return 'return'
}

const fmt = (a: { ip: string; port: number }) => `${a.ip}:${a.port}`

/** The service a chain belongs to, from the comment-free rules of that chain (`service-…`, `external-…`). */
function serviceOfChain(ix: Index, v: NftVerdict): string | undefined {
  if (v.kind !== 'goto' && v.kind !== 'jump') return undefined
  return ix.chains.get(v.chain)?.rules.find((r) => r.service)?.service
}

function applyVerdict(ctx: WalkContext, ix: Index, r: NftRule, v: NftVerdict, text: string, depth: number, note: string | undefined, svc?: string): Result | 'return' {
  const rule = asRule(svc && !r.service ? { ...r, service: svc } : r, text, chainTarget(v))
  switch (v.kind) {
    case 'accept': return { kind: 'verdict', verdict: 'ACCEPT' }
    case 'return': return 'return'
    case 'drop': case 'reject': {
      push(ctx, 'terminal', rule, depth, v.kind === 'drop' ? 'DROP' : 'REJECT', undefined, undefined, undefined, note ?? terminalNote(r, ctx), v.kind)
      return { kind: 'verdict', verdict: v.kind === 'drop' ? 'DROP' : 'REJECT' }
    }
    case 'jump': case 'goto': {
      const sub = ix.chains.get(v.chain)
      if (!sub) return CONTINUE
      if (v.chain === 'mark-for-masquerade') {
        push(ctx, 'mark', rule, depth, undefined, undefined, undefined, undefined, markNote(r, ctx), 'mark-masq')
        runChain(ctx, ix, sub, depth + 1)
        return CONTINUE
      }
      // A lookup that decided is always shown; a plain jump only when something happened inside.
      push(ctx, note ? 'count' : 'jump', rule, depth, undefined, undefined, undefined, undefined, note ?? jumpNote(r, v.chain), v.kind === 'goto' && r.action.kind === 'numgen' ? 'pick-endpoint' : 'jump')
      const res = runChain(ctx, ix, sub, depth + 1)
      if (res === 'return') return v.kind === 'goto' ? 'return' : CONTINUE
      return res
    }
  }
}

function jumpNote(r: NftRule, target: string): string {
  if (r.comment === 'short-circuit pod traffic') return 'The client is a pod: it may use any endpoint, as if it had gone out to the load balancer and back.'
  if (r.comment === 'short-circuit local traffic') return 'The node itself is the client, so any endpoint in the cluster may serve it.'
  if (r.chain.startsWith('external-')) return `Traffic from outside goes on to ${target}.`
  if (r.chain.startsWith('service-') || r.chain.startsWith('local-')) return `Session affinity (ClientIP): this client is in the affinity set, so it goes to ${target} again.`
  return `kube-proxy's ${r.chain} chain continues in ${target}.`
}

function markNote(r: NftRule, ctx: WalkContext): string {
  const src = ctx.packet.src.ip
  if (r.chain.startsWith('endpoint-')) return `The pod ${src} is calling itself through the service (hairpin), so the packet is marked for masquerading.`
  if (r.comment === 'masquerade local traffic') return 'The node itself is the client, so the packet is marked for masquerading.'
  if (r.chain.startsWith('external-')) return 'The endpoint may be on another node, so the packet is marked for masquerading (SNAT) to make replies come back through this node.'
  return `The client ${src} is not a pod, so the packet is marked for masquerading (mark 0x4000).`
}

function terminalNote(r: NftRule, ctx: WalkContext): string {
  if (r.chain === 'cluster-ips-check') {
    return r.action.kind === 'verdict' && r.action.verdict.kind === 'reject'
      ? `${ctx.packet.dst.ip} is a cluster IP, but not for port ${ctx.packet.dst.port}: kube-proxy rejects it (connection refused).`
      : `${ctx.packet.dst.ip} is in the service range but no Service has it: kube-proxy drops the packet.`
  }
  if (r.chain.startsWith('firewall-')) return `The client ${ctx.packet.src.ip} is not in the service's loadBalancerSourceRanges: the packet is dropped.`
  if (r.chain === 'reject-chain') return 'reject-chain answers ICMP port unreachable: the client reports "connection refused".'
  return 'The packet is dropped.'
}

/** Runs the given kube-proxy base chains in order; the first drop or reject ends the packet. */
export function runNftChains(ctx: WalkContext, table: NftTable, chains: NftChain[]): HookVerdict | undefined {
  const ix = indexOf(table)
  for (const c of chains) {
    const res = runChain(ctx, ix, c, 0)
    if (res !== 'return' && res.kind === 'verdict' && res.verdict !== 'ACCEPT') return res.verdict
  }
  return undefined
}
