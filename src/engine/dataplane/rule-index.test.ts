// chainOf finds chains by binary search over TableBuilder's order (built-ins first, then user chains by name),
// and still finds them in a table written in another order.
import { describe, expect, it } from 'vitest'
import { TableBuilder } from './kube-proxy/table-builder'
import { chainOf } from './rule-index'
import type { Table } from './types'

describe('chainOf', () => {
  it('finds every chain of a built table, built-in or user, and nothing else', () => {
    const b = new TableBuilder('nat')
    const names = Array.from({ length: 300 }, (_, i) => `KUBE-SVC-${(i * 7919).toString(36).toUpperCase().padStart(6, '0')}`)
    for (const n of [...names].reverse()) b.chain(n)
    b.chain('KUBE-SERVICES').chain('DOCKER_OUTPUT').chain('KIND-MASQ-AGENT')
    const table = b.build()
    for (const c of table.chains) expect(chainOf(table, c.name)).toBe(c)
    expect(chainOf(table, 'POSTROUTING')?.policy).toBe('ACCEPT')
    expect(chainOf(table, 'KUBE-SVC-NOPE')).toBeUndefined()
    expect(chainOf(table, 'AAA')).toBeUndefined()
  })

  it('finds chains of a table in any order', () => {
    const table: Table = { name: 'filter', chains: [{ name: 'ZED', rules: [] }, { name: 'INPUT', policy: 'ACCEPT', rules: [] }, { name: 'ALPHA', rules: [] }] }
    expect(chainOf(table, 'ALPHA')).toBe(table.chains[2])
    expect(chainOf(table, 'INPUT')).toBe(table.chains[1])
    expect(chainOf(table, 'ZED')).toBe(table.chains[0])
  })
})
