// The conntrack table's index: a flow is found by either direction's tuple, and only under its own protocol
// (the index keys both ports as one int32, so TCP and UDP flows on the same ports share a slot).
import { describe, expect, it } from 'vitest'
import { addConntrack, lookupConntrack, newConntrackTable, removeConntrack } from './conntrack'
import type { Tuple } from './types'

const original: Tuple = { src: '10.244.1.5', dst: '10.96.0.10', sport: 53124, dport: 53 }
const reply: Tuple = { src: '10.244.2.7', dst: '10.244.1.5', sport: 53, dport: 53124 }

describe('conntrack index', () => {
  it('finds a TCP and a UDP flow on the same addresses and ports apart, in both directions', () => {
    const table = newConntrackTable()
    const tcp = addConntrack(table, 'tcp', original, reply, 0)
    const udp = addConntrack(table, 'udp', original, reply, 0)
    expect(lookupConntrack(table, 'tcp', original, 1)).toEqual({ entry: tcp, direction: 'original' })
    expect(lookupConntrack(table, 'udp', original, 1)).toEqual({ entry: udp, direction: 'original' })
    expect(lookupConntrack(table, 'udp', reply, 1)).toEqual({ entry: udp, direction: 'reply' })
    expect(lookupConntrack(table, 'sctp', original, 1)).toBeUndefined()
    removeConntrack(table, tcp)
    expect(lookupConntrack(table, 'tcp', original, 1)).toBeUndefined()
    expect(lookupConntrack(table, 'udp', reply, 1)?.entry).toBe(udp)
  })

  it('keeps ports at both ends of the range apart (the high source port makes a negative key)', () => {
    const table = newConntrackTable()
    const high = { ...original, sport: 65535, dport: 1 }
    const low = { ...original, sport: 1, dport: 65535 }
    const a = addConntrack(table, 'tcp', high, { ...reply, sport: 1, dport: 65535 }, 0)
    const b = addConntrack(table, 'tcp', low, { ...reply, sport: 65535, dport: 1 }, 0)
    expect(lookupConntrack(table, 'tcp', high, 1)?.entry).toBe(a)
    expect(lookupConntrack(table, 'tcp', low, 1)?.entry).toBe(b)
    expect(lookupConntrack(table, 'tcp', { ...original, sport: 65535, dport: 2 }, 1)).toBeUndefined()
  })
})
