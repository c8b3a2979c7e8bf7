// How `nft list` prints kube-proxy's rules and map elements (nftables 1.0.x): a single-element anonymous
// set prints as a plain value, marks as 32-bit hex (`meta mark & 0x00004000 == 0x00000000`), a comment last.
import type { NftElement, NftMatch, NftRule, NftVerdict } from './types'

const hex32 = (n: number) => `0x${n.toString(16).padStart(8, '0')}`

function cidrList(cidrs: string[]): string {
  return cidrs.length === 1 ? cidrs[0] : `{ ${cidrs.join(', ')} }`
}

function matchText(m: NftMatch): string {
  switch (m.kind) {
    case 'ct-new': return 'ct state new'
    case 'addr': return `ip ${m.field} ${m.negate ? '!= ' : ''}${cidrList(m.cidrs)}`
    case 'in-set': return `ip ${m.field} @${m.set}`
    case 'fib-saddr-local': return 'fib saddr type local'
    case 'mark-clear': return `meta mark & ${hex32(m.mask)} == ${hex32(0)}`
    case 'l4proto': return `meta l4proto ${m.protocol}`
  }
}

function verdictText(v: NftVerdict): string {
  return v.kind === 'jump' || v.kind === 'goto' ? `${v.kind} ${v.chain}` : v.kind
}

/** The rule as `nft list chain` prints it. */
export function ruleText(rule: Omit<NftRule, 'text'>): string {
  const words = rule.matches.map(matchText)
  const a = rule.action
  switch (a.kind) {
    case 'verdict': words.push(verdictText(a.verdict)); break
    case 'vmap': words.push(`${a.key === 'daddr.proto.dport' ? 'ip daddr . ' : ''}meta l4proto . th dport vmap @${a.map}`); break
    case 'numgen': words.push(`numgen random mod ${a.chains.length} vmap { ${a.chains.map((c, i) => `${i} : goto ${c}`).join(', ')} }`); break
    case 'mark-or': words.push(`meta mark set meta mark | ${hex32(a.value)}`); break
    case 'mark-xor': words.push(`meta mark set meta mark ^ ${hex32(a.value)}`); break
    case 'masquerade': words.push('masquerade fully-random'); break
    case 'dnat': words.push(`dnat to ${a.ip}:${a.port}`); break
    case 'update': words.push(`update @${a.set} { ip saddr }`); break
  }
  if (rule.comment !== undefined) words.push(`comment "${rule.comment}"`)
  return words.join(' ')
}

/** One set or map element: `10.96.0.10 . udp . 53 comment "kube-system/kube-dns:dns" : goto service-…`. */
export function elementText(e: NftElement): string {
  let s = e.key.join(' . ')
  if (e.comment !== undefined) s += ` comment "${e.comment}"`
  if (e.verdict) s += ` : ${verdictText(e.verdict)}`
  return s
}
