// `nft list ruleset` / `nft list table …` output (nftables 1.0.x layout: tabs, sets and maps before chains,
// base chains with their type, hook, symbolic priority and policy). iptables-nft's tables (what kubelet,
// docker, kind and the CNI plugins still write with iptables) are listed in nft's own syntax before kube-proxy's.
import type { Chain, MatchModule, NodeRules, Rule, TableName } from '../types'
import { canonicalCidr } from '../net/ipv4'
import { elementText } from './text'
import type { NftBaseChain, NftHook, NftSet, NftTable } from './types'

/** nft prints standard priorities by name where the hook allows it (dstnat on prerouting/output, srcnat on input/postrouting). */
function priorityText(type: string, hook: NftHook, p: number): string {
  const named: [string, number, NftHook[]][] = [
    ['raw', -300, []], ['mangle', -150, []], ['dstnat', -100, ['prerouting', 'output']],
    ['filter', 0, []], ['security', 50, []], ['srcnat', 100, ['input', 'postrouting']],
  ]
  void type
  let best: [string, number] | undefined
  for (const [name, value, hooks] of named) {
    if (hooks.length && !hooks.includes(hook)) continue
    if (Math.abs(p - value) <= 10 && (!best || Math.abs(p - value) < Math.abs(p - best[1]))) best = [name, value]
  }
  if (!best) return String(p)
  const d = p - best[1]
  return d === 0 ? best[0] : `${best[0]} ${d < 0 ? '-' : '+'} ${Math.abs(d)}`
}

function baseLine(b: NftBaseChain): string {
  return `\t\ttype ${b.type} hook ${b.hook} priority ${priorityText(b.type, b.hook, b.priority)}; policy accept;`
}

function setLines(s: NftSet): string[] {
  const out = [`\t${s.kind} ${s.name} {`, `\t\ttype ${s.type}`]
  if (s.flags?.length) out.push(`\t\tflags ${s.flags.join(',')}`)
  if (s.timeoutSeconds !== undefined) out.push(`\t\ttimeout ${durationText(s.timeoutSeconds)}`)
  if (s.comment !== undefined) out.push(`\t\tcomment "${s.comment}"`)
  if (s.elements.length) {
    const items = s.elements.map(elementText)
    // Map elements go one per line; plain addresses share lines, as nft wraps them.
    const sep = s.kind === 'map' ? ',\n\t\t\t     ' : ', '
    out.push(`\t\telements = { ${items.join(sep)} }`)
  }
  out.push('\t}')
  return out
}

/** nft's time format: 10800 s is `3h`, 90 s is `1m30s`. */
function durationText(seconds: number): string {
  const parts: string[] = []
  let s = seconds
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (s >= size) { parts.push(`${Math.floor(s / size)}${unit}`); s %= size }
  }
  if (s || !parts.length) parts.push(`${s}s`)
  return parts.join('')
}

/** `nft list table ip kube-proxy`. */
export function renderNftTable(t: NftTable): string {
  const out = [`table ${t.family} ${t.name} {`]
  if (t.comment !== undefined) out.push(`\tcomment "${t.comment}"`)
  const blocks: string[][] = t.sets.map(setLines)
  for (const c of t.chains) {
    const lines = [`\tchain ${c.name} {`]
    if (c.base) lines.push(baseLine(c.base))
    if (c.comment !== undefined) lines.push(`\t\tcomment "${c.comment}"`)
    for (const r of c.rules) lines.push(`\t\t${r.text}`)
    lines.push('\t}')
    blocks.push(lines)
  }
  out.push(blocks.map((b) => b.join('\n')).join('\n\n'), '}')
  return out.join('\n') + '\n'
}

// iptables-nft's built-in chains as nft base chains.
const IPT_BASE: Record<TableName, Record<string, NftBaseChain>> = {
  mangle: {
    PREROUTING: { type: 'filter', hook: 'prerouting', priority: -150 }, INPUT: { type: 'filter', hook: 'input', priority: -150 },
    FORWARD: { type: 'filter', hook: 'forward', priority: -150 }, OUTPUT: { type: 'filter', hook: 'output', priority: -150 },
    POSTROUTING: { type: 'filter', hook: 'postrouting', priority: -150 },
  },
  filter: {
    INPUT: { type: 'filter', hook: 'input', priority: 0 }, FORWARD: { type: 'filter', hook: 'forward', priority: 0 },
    OUTPUT: { type: 'filter', hook: 'output', priority: 0 },
  },
  nat: {
    PREROUTING: { type: 'nat', hook: 'prerouting', priority: -100 }, INPUT: { type: 'nat', hook: 'input', priority: 100 },
    OUTPUT: { type: 'nat', hook: 'output', priority: -100 }, POSTROUTING: { type: 'nat', hook: 'postrouting', priority: 100 },
  },
}

const addrText = (cidr: string) => canonicalCidr(cidr).replace(/\/32$/, '')
const hex32 = (n: number) => `0x${n.toString(16).padStart(8, '0')}`

/** An iptables rule as `nft list` shows an iptables-nft rule: matches, `counter`, then the target. */
function iptablesRuleAsNft(r: Rule): string {
  const w: string[] = []
  if (r.source) w.push(`ip saddr ${r.source.negate ? '!= ' : ''}${addrText(r.source.cidr)}`)
  if (r.destination) w.push(`ip daddr ${r.destination.negate ? '!= ' : ''}${addrText(r.destination.cidr)}`)
  let comment: string | undefined
  const l4 = r.matches.find((m) => m.module === 'tcp' || m.module === 'udp' || m.module === 'sctp' || m.module === 'multiport') as
    Extract<MatchModule, { module: 'tcp' | 'udp' | 'sctp' }> | Extract<MatchModule, { module: 'multiport' }> | undefined
  if (r.protocol && !l4) w.push(`ip protocol ${r.protocol}`)
  for (const m of r.matches) {
    switch (m.module) {
      case 'comment': comment = m.comment; break
      case 'tcp': case 'udp': case 'sctp':
        if (m.sport !== undefined) w.push(`${m.module} sport ${m.sport}`)
        if (m.dport !== undefined) w.push(`${m.module} dport ${m.dport}`)
        if (m.sport === undefined && m.dport === undefined) w.push(`ip protocol ${m.module}`)
        break
      case 'multiport': w.push(`${r.protocol ?? 'tcp'} dport ${m.dports.length === 1 ? m.dports[0] : `{ ${m.dports.join(', ')} }`}`); break
      case 'addrtype':
        if (m.srcType) w.push(`fib saddr type ${m.negate ? '!= ' : ''}local`)
        if (m.dstType) w.push(`fib daddr type ${m.negate ? '!= ' : ''}local`)
        break
      case 'mark': w.push(`meta mark & ${hex32(m.mask)} ${m.negate ? '!=' : '=='} ${hex32(m.value)}`); break
      case 'conntrack': w.push(m.negate ? 'xt match "conntrack"' : `ct state ${m.ctstate.map((s) => s.toLowerCase()).join(',')}`); break
      default: w.push(`xt match "${m.module}"`)
    }
  }
  w.push('counter packets 0 bytes 0')
  const t = r.target
  switch (t.kind) {
    case 'jump': w.push(`jump ${t.chain}`); break
    case 'ACCEPT': case 'DROP': case 'RETURN': w.push(t.kind.toLowerCase()); break
    case 'REJECT': w.push('reject'); break
    case 'DNAT': w.push(`dnat to ${t.ip}:${t.port}`); break
    case 'SNAT': w.push(`snat to ${t.ip}:${t.port}`); break
    case 'MARK': w.push(t.mask === t.value ? `meta mark set meta mark | ${hex32(t.value)}` : `meta mark set meta mark ^ ${hex32(t.value)}`); break
    case 'MASQUERADE': w.push(t.randomFully ? 'masquerade fully-random' : 'masquerade'); break
    case 'none': break
  }
  if (comment !== undefined) w.push(`comment "${comment}"`)
  return w.join(' ')
}

function iptablesTable(name: TableName, chains: Chain[]): string {
  const blocks = chains.map((c) => {
    const base = IPT_BASE[name][c.name]
    const lines = [`\tchain ${c.name} {`]
    if (base) lines.push(baseLine(base))
    for (const r of c.rules) lines.push(`\t\t${iptablesRuleAsNft(r)}`)
    lines.push('\t}')
    return lines.join('\n')
  })
  return `table ip ${name} {\n${blocks.join('\n\n')}\n}\n`
}

/** `nft list ruleset`: iptables-nft's nat, filter and mangle tables (as created at boot), then kube-proxy's table. */
export function renderNftRuleset(rules: NodeRules): string {
  const parts = (['nat', 'filter', 'mangle'] as TableName[]).map((n) => iptablesTable(n, rules.tables[n].chains))
  if (rules.nft) parts.push(renderNftTable(rules.nft))
  return parts.join('')
}
