// Precomputed lookups for the tracer, built once per compiled table and shared by every packet (and every
// node sharing the table): chains by name, each rule's addresses as numbers, and for long chains
// (KUBE-SERVICES has a rule per cluster IP) the rules that can match a given destination, in order.
// Skipping a rule whose `-d a.b.c.d/32` differs from the packet's destination is exactly what the
// kernel's evaluation amounts to: the address test comes first and has no side effects.
import { parseCidr, parseIPv4 } from './net/ipv4'
import type { Chain, CidrMatch, MatchModule, Rule, Table } from './types'

/** A CIDR match as numbers: `ip & mask === base`, inverted when negated; `never` for an unparsable CIDR. */
export interface AddrTest {
  base: number
  /** 2^(32 - bits): addresses in the block share floor(ip / size). */
  size: number
  negate: boolean
  never: boolean
}

export interface CompiledRule {
  src?: AddrTest
  dst?: AddrTest
  /** `-d x/32`, not negated: the one destination this rule can match. */
  exactDst?: number
  /** The match modules that test something (`comment` and `nfacct` always match), in order. */
  checks: MatchModule[]
}

/** Where a rule keeps its compiled form: a hidden property, as a WeakMap lookup per rule per packet adds up. */
const COMPILED = Symbol('compiled')
type WithCompiled = Rule & { [COMPILED]?: CompiledRule }

function addrTest(m: CidrMatch): AddrTest {
  const net = parseCidr(m.cidr)
  return net ? { base: net.base, size: 2 ** (32 - net.bits), negate: m.negate ?? false, never: false } : { base: 0, size: 1, negate: m.negate ?? false, never: true }
}

/** A rule's precomputed address tests. */
export function compiledRule(rule: Rule): CompiledRule {
  let c = (rule as WithCompiled)[COMPILED]
  if (!c) {
    c = { checks: rule.matches.filter((m) => m.module !== 'comment' && m.module !== 'nfacct') }
    if (rule.source) c.src = addrTest(rule.source)
    if (rule.destination) {
      c.dst = addrTest(rule.destination)
      if (!c.dst.never && !c.dst.negate && c.dst.size === 1) c.exactDst = c.dst.base
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

interface ChainIndex {
  /** Whether any rule has an exact destination (otherwise every rule is a candidate for every packet). */
  indexed: boolean
  byDst: Map<number | null, Rule[]>
}

const chainIndexes = new WeakMap<Chain, ChainIndex>()

/** The rules of `chain` that can match a packet to `dst`, in chain order. */
export function candidateRules(chain: Chain, dst: number | null): readonly Rule[] {
  if (chain.rules.length < INDEX_MIN_RULES) return chain.rules
  let idx = chainIndexes.get(chain)
  if (!idx) {
    idx = { indexed: chain.rules.some((r) => compiledRule(r).exactDst !== undefined), byDst: new Map() }
    chainIndexes.set(chain, idx)
  }
  if (!idx.indexed) return chain.rules
  let list = idx.byDst.get(dst)
  if (!list) {
    list = chain.rules.filter((r) => {
      const e = compiledRule(r).exactDst
      return e === undefined || e === dst
    })
    if (idx.byDst.size >= PER_CHAIN_DESTINATIONS_MAX) idx.byDst.clear()
    idx.byDst.set(dst, list)
  }
  return list
}

const CHAINS = Symbol('chains')
type WithChains = Table & { [CHAINS]?: Map<string, Chain> }

/** A table's chain by name (the map hides on the table, like a rule's compiled form). */
export function chainOf(table: Table, name: string): Chain | undefined {
  let byName = (table as WithChains)[CHAINS]
  if (!byName) {
    byName = new Map()
    for (const c of table.chains) if (!byName.has(c.name)) byName.set(c.name, c)
    Object.defineProperty(table, CHAINS, { value: byName, enumerable: false })
  }
  return byName.get(name)
}
