// Prints a Rule the way `iptables-save` does: addresses and protocol first, then each match module in the
// order it was given, then the target with its options. Sources: iptables 1.8.9 save functions
// (xtables_save_string, libxt_statistic, libxt_recent, libxt_nfacct, libxt_MARK, libipt_REJECT).
import { canonicalCidr } from '../net/ipv4'
import type { CidrMatch, MatchModule, Rule, Target } from '../types'

const NO_QUOTE = /^[A-Za-z0-9_-]+$/

/** xtables_save_string: bare when only [A-Za-z0-9_-], otherwise double-quoted with `"`, `\` and `'` escaped. */
export function saveString(value: string): string {
  if (NO_QUOTE.test(value)) return value
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`
}

/** The kernel keeps the statistic probability as round(p * 2^31) (libxt_statistic.c); this is that value. */
export function statisticThreshold(probability: number): number {
  return Math.round(probability * 0x80000000)
}

/** iptables-save prints the stored probability back with `%.11f`: kube-proxy's 0.3333333333 reads 0.33333333349. */
export function savedProbability(probability: number): string {
  return (statisticThreshold(probability) / 0x80000000).toFixed(11)
}

/** kube-proxy's own `fmt.Sprintf("%0.10f", 1.0/float64(n))` (proxier.go computeProbability), as a number. */
export function kubeProxyProbability(n: number): number {
  return Number((1 / n).toFixed(10))
}

function hex(n: number): string {
  return `0x${n.toString(16)}`
}

function addr(flag: '-s' | '-d', m: CidrMatch | undefined): string[] {
  if (!m) return []
  return [...(m.negate ? ['!'] : []), flag, canonicalCidr(m.cidr)]
}

function moduleText(m: MatchModule): string[] {
  switch (m.module) {
    case 'comment': return ['-m', 'comment', '--comment', saveString(m.comment)]
    case 'tcp': case 'udp': case 'sctp':
      return ['-m', m.module, ...(m.sport !== undefined ? ['--sport', String(m.sport)] : []), ...(m.dport !== undefined ? ['--dport', String(m.dport)] : [])]
    case 'multiport': return ['-m', 'multiport', '--dports', m.dports.join(',')]
    case 'addrtype': {
      const out = ['-m', 'addrtype']
      if (m.srcType) out.push(...(m.negate ? ['!'] : []), '--src-type', m.srcType)
      if (m.dstType) out.push(...(m.negate ? ['!'] : []), '--dst-type', m.dstType)
      return out
    }
    case 'mark': return ['-m', 'mark', ...(m.negate ? ['!'] : []), '--mark', `${hex(m.value)}/${hex(m.mask)}`]
    case 'conntrack': return ['-m', 'conntrack', ...(m.negate ? ['!'] : []), '--ctstate', m.ctstate.join(',')]
    case 'statistic': return ['-m', 'statistic', '--mode', 'random', '--probability', savedProbability(m.probability)]
    case 'recent': {
      // libxt_recent prints flags in a fixed order, then the name, the (default) mask and the side.
      const out = ['-m', 'recent', m.mode === 'set' ? '--set' : '--rcheck']
      if (m.seconds) out.push('--seconds', String(m.seconds))
      if (m.reap) out.push('--reap')
      return [...out, '--name', m.name, '--mask', '255.255.255.255', '--rsource']
    }
    // libxt_nfacct prints "--nfacct-name " and then xtables_save_string adds its own space: two spaces.
    case 'nfacct': return ['-m', 'nfacct', '--nfacct-name', ` ${saveString(m.name)}`]
  }
}

function targetText(t: Target): string[] {
  switch (t.kind) {
    case 'jump': return ['-j', t.chain]
    case 'ACCEPT': case 'DROP': case 'RETURN': return ['-j', t.kind]
    case 'REJECT': return ['-j', 'REJECT', '--reject-with', 'icmp-port-unreachable']
    case 'DNAT': return ['-j', 'DNAT', '--to-destination', `${t.ip}:${t.port}`]
    case 'SNAT': return ['-j', 'SNAT', '--to-source', `${t.ip}:${t.port}`]
    case 'MARK': return ['-j', 'MARK', '--set-xmark', `${hex(t.value)}/${hex(t.mask)}`]
    case 'MASQUERADE': return ['-j', 'MASQUERADE', ...(t.randomFully ? ['--random-fully'] : [])]
    case 'none': return []
  }
}

/** The iptables-save line of a rule (`-A CHAIN ...`). */
export function ruleText(rule: Omit<Rule, 'text'>): string {
  return [
    '-A', rule.chain,
    ...addr('-s', rule.source),
    ...addr('-d', rule.destination),
    ...(rule.protocol ? ['-p', rule.protocol] : []),
    ...rule.matches.flatMap(moduleText),
    ...targetText(rule.target),
  ].join(' ')
}

/** Builds a Rule whose `text` is derived from its fields, so the two can never disagree. */
export function rule(spec: Omit<Rule, 'text'>): Rule {
  return { ...spec, text: ruleText(spec) }
}
