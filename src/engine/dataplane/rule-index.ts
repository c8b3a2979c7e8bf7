// Precomputed lookups for the tracer, built once and shared by every packet (and every node sharing the
// table or the chain): chains by name, each rule's addresses as numbers, and for long chains
// (KUBE-SERVICES has a rule per cluster IP) the rules that can match a given destination, in order.
// Skipping a rule whose `-d a.b.c.d/32` differs from the packet's destination is exactly what the
// kernel's evaluation amounts to: the address test comes first and has no side effects.
import { parseCidr, parseIPv4 } from './net/ipv4'
import { statisticThreshold } from './kube-proxy/rule-text'
import type { Chain, CidrMatch, CtState, MatchModule, Rule, Table, Target } from './types'

/** A CIDR match as numbers: `ip & mask === base`, inverted when negated; `never` for an unparsable CIDR. */
export interface AddrTest {
  base: number
  /** 2^(32 - bits): addresses in the block share floor(ip / size). */
  size: number
  negate: boolean
  never: boolean
}

/**
 * A rule as the walker evaluates it. Every rule gets this one object shape, with its target's kind copied out:
 * rules and targets come in many shapes (kube-proxy's, kubelet's, kind's, docker's), and reading their fields
 * in the walker's loop made every access there megamorphic.
 */
export interface CompiledRule {
  rule: Rule
  src: AddrTest | undefined
  dst: AddrTest | undefined
  /** `-d x/32`, not negated: the one destination this rule can match. */
  exactDst: number | undefined
  protocol: Rule['protocol']
  /** The match modules that test something (`comment` and `nfacct` always match), in order. */
  checks: CompiledCheck[]
  kind: Target['kind']
  /** The target's operands, flattened: the jump's chain, DNAT/SNAT's address, MARK's value and mask. */
  jump: string
  ip: string
  port: number
  value: number
  mask: number
  /** jumpTarget's memo: the table it last resolved `jump` in, and the chain it found there. */
  subTable: Table | undefined
  sub: CompiledChain | undefined
}

/**
 * One match module as ruleMatches tests it. Every module gets this one object shape with its operands copied out:
 * the modules come in ten shapes, and reading them in the per-rule loop made those loads megamorphic (and kept
 * deoptimising ruleMatches while a walk met a shape it had not seen yet).
 */
export interface CompiledCheck {
  module: MatchModule['module']
  /** tcp/udp/sctp: the port wanted, -1 for any. */
  dport: number
  sport: number
  /** multiport's ports. */
  dports: readonly number[]
  /** addrtype: which address must be LOCAL. */
  srcLocal: boolean
  dstLocal: boolean
  negate: boolean
  /** mark: `(mark & mask) === value`. */
  value: number
  mask: number
  ctstate: readonly CtState[]
  /** statistic: round(p * 2^31), what the kernel keeps. */
  threshold: number
  /** recent: the list, whether `--set`, and `--seconds` (-1 when absent) and `--reap`. */
  name: string
  set: boolean
  seconds: number
  reap: boolean
}

const NO_PORTS: readonly number[] = []
const NO_STATES: readonly CtState[] = []

/*
 * The integer operands are stored as int32 (`| 0`): a number computed as a double (`2 ** bit`, a hash modulo, a
 * random draw) is a heap number even when it is a small integer, and the first one stored in a field V8 had seen
 * only small integers in changes the field's representation: a new object shape, and optimised code that reads
 * these objects deoptimises (it did, while the first packets were traced). Ports fit in int32; marks are 32-bit
 * patterns, and `ctx.mark & mask` is an int32, so a mark test compares like with like (kube-proxy's, kind's and
 * the CNI's marks are all below 2^31, where nothing changes).
 */
function compiledCheck(m: MatchModule): CompiledCheck {
  const l4 = m.module === 'tcp' || m.module === 'udp' || m.module === 'sctp'
  return {
    module: m.module,
    dport: l4 ? (m.dport ?? -1) | 0 : -1, sport: l4 ? (m.sport ?? -1) | 0 : -1,
    dports: m.module === 'multiport' ? m.dports : NO_PORTS,
    srcLocal: m.module === 'addrtype' && !!m.srcType, dstLocal: m.module === 'addrtype' && !!m.dstType,
    negate: (m.module === 'addrtype' || m.module === 'mark' || m.module === 'conntrack') && (m.negate ?? false),
    value: m.module === 'mark' ? m.value | 0 : 0, mask: m.module === 'mark' ? m.mask | 0 : 0,
    ctstate: m.module === 'conntrack' ? m.ctstate : NO_STATES,
    threshold: m.module === 'statistic' ? statisticThreshold(m.probability) : 0,
    name: m.module === 'recent' || m.module === 'nfacct' ? m.name : '', set: m.module === 'recent' && m.mode === 'set',
    seconds: m.module === 'recent' ? m.seconds ?? -1 : -1, reap: m.module === 'recent' && (m.reap ?? false),
  }
}

/** Where a rule keeps its compiled form: a hidden property, as a WeakMap lookup per rule per packet adds up. */
const COMPILED = Symbol('compiled')
type WithCompiled = Rule & { [COMPILED]?: CompiledRule }

function addrTest(m: CidrMatch): AddrTest {
  const net = parseCidr(m.cidr)
  return net ? { base: net.base, size: 2 ** (32 - net.bits), negate: m.negate ?? false, never: false } : { base: 0, size: 1, negate: m.negate ?? false, never: true }
}

/*
 * The arrays the walker loops over (a rule's checks, a chain's rules, a destination's candidates) are built by
 * pushing onto a literal, or are one shared empty array: `filter` and `map` return arrays of four element kinds
 * (packed or holey, depending on whether optimised code or the builtin ran them; small-integer kind when empty),
 * each a map of its own, and every new one deoptimised runChain and ruleMatches when a packet first met it.
 */
const NO_CHECKS: CompiledCheck[] = []
const NO_RULES: CompiledRule[] = []

/** The match modules that test something, compiled. */
function compiledChecks(matches: readonly MatchModule[]): CompiledCheck[] {
  let out = NO_CHECKS
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]
    if (m.module === 'comment' || m.module === 'nfacct') continue
    if (out === NO_CHECKS) out = []
    out.push(compiledCheck(m))
  }
  return out
}

/** A rule's precomputed form. */
function compiledRule(rule: Rule): CompiledRule {
  let c = (rule as WithCompiled)[COMPILED]
  if (!c) {
    const src = rule.source ? addrTest(rule.source) : undefined
    const dst = rule.destination ? addrTest(rule.destination) : undefined
    const t = rule.target
    c = {
      rule, src, dst, exactDst: dst && !dst.never && !dst.negate && dst.size === 1 ? dst.base : undefined, protocol: rule.protocol,
      checks: compiledChecks(rule.matches), kind: t.kind,
      // int32 operands, as compiledCheck's.
      jump: t.kind === 'jump' ? t.chain : '', ip: t.kind === 'DNAT' || t.kind === 'SNAT' ? t.ip : '', port: t.kind === 'DNAT' || t.kind === 'SNAT' ? t.port | 0 : 0,
      value: t.kind === 'MARK' ? t.value | 0 : 0, mask: t.kind === 'MARK' ? t.mask | 0 : 0, subTable: undefined, sub: undefined,
    }
    // Not enumerable: rules still print, compare and clone as the plain data they are.
    Object.defineProperty(rule, COMPILED, { value: c, enumerable: false })
  }
  return c
}

/** cidrContains(cidr, ip) !== negate, with the CIDR precomputed and the address already parsed (null: not IPv4). */
export function addrMatches(t: AddrTest | undefined, ip: number | null): boolean {
  if (!t) return true
  const inside = !t.never && ip !== null && Math.floor(ip / t.size) * t.size === t.base
  return inside !== t.negate
}

const PARSE_CACHE_MAX = 50_000
const parsed = new Map<string, number | null>()

/** parseIPv4, remembered (a packet's few addresses are parsed again at every rule otherwise). */
export function ipNumber(ip: string): number | null {
  let n = parsed.get(ip)
  if (n === undefined) {
    n = parseIPv4(ip)
    if (parsed.size >= PARSE_CACHE_MAX) parsed.clear()
    parsed.set(ip, n)
  }
  return n
}

/** Chains with at least this many rules get a per-destination index. */
const INDEX_MIN_RULES = 16
const PER_CHAIN_DESTINATIONS_MAX = 4096

/** A chain with its rules compiled, and for long chains the rules each destination can meet. */
export interface CompiledChain {
  chain: Chain
  /** Every rule of the chain, compiled, in order. */
  all: CompiledRule[]
  /** Per destination, for chains worth indexing (a rule with an exact destination, and at least INDEX_MIN_RULES rules). */
  byDst: Map<number | null, CompiledRule[]> | undefined
}

function compileChain(chain: Chain): CompiledChain {
  const all = chain.rules.length ? [] : NO_RULES
  for (let i = 0; i < chain.rules.length; i++) all.push(compiledRule(chain.rules[i]))
  return { chain, all, byDst: all.length >= INDEX_MIN_RULES && all.some((c) => c.exactDst !== undefined) ? new Map() : undefined }
}

/** Where a chain keeps its compiled form: nodes' tables share chains (kube-proxy/proxier.ts), and so their indexes. */
const COMPILED_CHAIN = Symbol('compiledChain')
type WithCompiledChain = Chain & { [COMPILED_CHAIN]?: CompiledChain }

function compiledChainFor(chain: Chain): CompiledChain {
  let cc = (chain as WithCompiledChain)[COMPILED_CHAIN]
  if (!cc) {
    cc = compileChain(chain)
    Object.defineProperty(chain, COMPILED_CHAIN, { value: cc, enumerable: false })
  }
  return cc
}

/** The rules of `cc` that can match a packet to `dst`, compiled, in chain order (a built chain never changes: kube-proxy's next sync builds new ones). */
export function candidateRules(cc: CompiledChain, dst: number | null): readonly CompiledRule[] {
  const byDst = cc.byDst
  if (!byDst) return cc.all
  let list = byDst.get(dst)
  if (!list) {
    list = NO_RULES
    for (let i = 0; i < cc.all.length; i++) {
      const c = cc.all[i]
      if (c.exactDst !== undefined && c.exactDst !== dst) continue
      if (list === NO_RULES) list = []
      list.push(c)
    }
    if (byDst.size >= PER_CHAIN_DESTINATIONS_MAX) byDst.clear()
    byDst.set(dst, list)
  }
  return list
}

/**
 * A table's chain by name. Built-in chains come first (they have a policy), then user chains sorted by name
 * (TableBuilder sorts them as iptables-save lists them), so a binary search finds one: no map of every chain
 * per table, which kind would build for each node (every node has tables of its own).
 */
export function chainOf(table: Table, name: string): Chain | undefined {
  const chains = table.chains
  let lo = 0
  for (; lo < chains.length && chains[lo].policy !== undefined; lo++) if (chains[lo].name === name) return chains[lo]
  let hi = chains.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const n = chains[mid].name
    if (n === name) return chains[mid]
    if (n < name) lo = mid + 1
    else hi = mid - 1
  }
  // A table written some other way may be in any order.
  return chains.find((c) => c.name === name)
}

/** The chains of a table a packet met, compiled (hidden on the table, like a rule's compiled form). */
const COMPILED_CHAINS = Symbol('compiledChains')
type WithCompiledChains = Table & { [COMPILED_CHAINS]?: Map<string, CompiledChain> }

/** A table's chain by name, compiled. */
export function compiledChainOf(table: Table, name: string): CompiledChain | undefined {
  let met = (table as WithCompiledChains)[COMPILED_CHAINS]
  if (!met) {
    met = new Map()
    Object.defineProperty(table, COMPILED_CHAINS, { value: met, enumerable: false })
  }
  let cc = met.get(name)
  if (!cc) {
    const chain = chainOf(table, name)
    if (!chain) return undefined
    met.set(name, (cc = compiledChainFor(chain)))
  }
  return cc
}

/**
 * The chain a jump rule goes to in `table`, remembered on the rule for the last table it was asked in (the
 * walker asks for every jump of every packet; a rule shared by several nodes' tables just asks again).
 */
export function jumpTarget(c: CompiledRule, table: Table): CompiledChain | undefined {
  if (c.subTable !== table) {
    c.sub = compiledChainOf(table, c.jump)
    c.subTable = table
  }
  return c.sub
}
