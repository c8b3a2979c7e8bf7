// Lines up the hops of one packet in iptables mode and in nftables mode: the longest common subsequence of
// their actions (jump, mark-masq, pick-endpoint, DNAT, accept, SNAT…), so a row pairs the hops where both
// modes do the same thing and a hop only one mode needs (iptables' extra KUBE-NODEPORTS jump) stands alone.
import type { Hop } from './types'

export interface HopRow {
  /** Index into the first mode's hops, or null when only the second mode has a hop here. */
  a: number | null
  b: number | null
}

/** Hops the two modes match on: the same action (a map lookup that dispatches is a jump, as a rule's jump is). */
const sameStep = (x: Hop, y: Hop) => x.action === y.action

export function alignHops(a: Hop[], b: Hop[]): HopRow[] {
  // lcs[i][j]: the longest common run of a[i..] and b[j..]; the walk below prefers pairs, then a's hop first.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = sameStep(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const rows: HopRow[] = []
  let i = 0, j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && sameStep(a[i], b[j]) && lcs[i][j] === lcs[i + 1][j + 1] + 1) rows.push({ a: i++, b: j++ })
    else if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) rows.push({ a: i++, b: null })
    else rows.push({ a: null, b: j++ })
  }
  return rows
}
