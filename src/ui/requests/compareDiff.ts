// Which hops differ between the two sides of a comparison: the hops outside their longest common sequence
// (same place, same action, same station), so "Cluster vs Local" shows exactly where the paths part.
import type { TraceHop } from '../../engine/trace/types.ts'
import { stationOf } from '../animation/stations.ts'

const keyOf = (h: TraceHop) => `${h.at} ${h.action} ${stationOf(h).label}`

/** For each side, one flag per hop: true when the hop has no counterpart on the other side. */
export function differingHops(a: readonly TraceHop[], b: readonly TraceHop[]): [boolean[], boolean[]] {
  const ka = a.map(keyOf)
  const kb = b.map(keyOf)
  // LCS table, filled from the end so the walk below reads forwards.
  const L: number[][] = Array.from({ length: ka.length + 1 }, () => new Array<number>(kb.length + 1).fill(0))
  for (let i = ka.length - 1; i >= 0; i--) {
    for (let j = kb.length - 1; j >= 0; j--) L[i][j] = ka[i] === kb[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1])
  }
  const da = new Array<boolean>(ka.length).fill(true)
  const db = new Array<boolean>(kb.length).fill(true)
  let i = 0
  let j = 0
  while (i < ka.length && j < kb.length) {
    if (ka[i] === kb[j]) { da[i] = false; db[j] = false; i++; j++ }
    else if (L[i + 1][j] >= L[i][j + 1]) i++
    else j++
  }
  return [da, db]
}
