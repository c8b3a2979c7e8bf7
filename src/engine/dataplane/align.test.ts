import { describe, expect, it } from 'vitest'
import { alignHops } from './align.ts'
import type { Hop } from './types.ts'

const hop = (action: string, rule: string): Hop => ({ at: 'node/n', component: 'kube-proxy', action, src: '', dst: '', srcAfter: '', dstAfter: '', rule, note: '' })
const pairs = (a: Hop[], b: Hop[]) => alignHops(a, b).map((r) => `${r.a === null ? '-' : a[r.a].rule}|${r.b === null ? '-' : b[r.b].rule}`)

describe('alignHops', () => {
  it('pairs the same steps in order and leaves a step only one mode takes on its own row', () => {
    const ipt = [hop('jump', 'PREROUTING'), hop('jump', 'SERVICES'), hop('jump', 'NODEPORTS'), hop('mark-masq', 'MARK'), hop('pick-endpoint', 'SVC'), hop('DNAT', 'SEP'), hop('SNAT', 'MASQ')]
    const nft = [hop('jump', 'services'), hop('mark-masq', 'mark'), hop('pick-endpoint', 'numgen'), hop('DNAT', 'dnat'), hop('accept', '-P FORWARD'), hop('SNAT', 'masquerade')]
    expect(pairs(ipt, nft)).toEqual([
      'PREROUTING|services', 'SERVICES|-', 'NODEPORTS|-', 'MARK|mark', 'SVC|numgen', 'SEP|dnat', '-|-P FORWARD', 'MASQ|masquerade',
    ])
  })

  it('keeps every hop of both lists exactly once, in order, when nothing matches', () => {
    const rows = alignHops([hop('reject', 'a')], [hop('accept', 'b'), hop('DNAT', 'c')])
    expect(rows.map((r) => r.a)).toEqual([0, null, null])
    expect(rows.map((r) => r.b)).toEqual([null, 0, 1])
  })
})
