import { describe, expect, it } from 'vitest'
import { defaultFiles } from '../ui/fixtures/defaultDocument.ts'
import { replay } from './compare.ts'
import { EngineHost } from './engineHost.ts'

describe('EngineHost.advance (the playground clock)', () => {
  it('moves simulated time, records the ticks as one history step, and a replay reaches the same cluster', () => {
    const host = new EngineHost(7)
    host.apply({ files: defaultFiles, seed: 7 })
    const start = host.cluster!.clock.now()
    for (let i = 0; i < 5; i++) host.advance(1)
    host.advance(60)
    expect(host.cluster!.clock.now()).toBe(start + 65)
    expect(host.history.filter((h) => h.kind === 'advance')).toEqual([{ kind: 'advance', seconds: 65 }])
    const out = [...host.run('kubectl get pods')].map((r) => r.chunks.map((c) => c.text).join('')).join('')
    expect(out).toMatch(/\s1m\d+s\s|\s6\ds\s/) // AGE moved with the clock
    const copy = replay(host)
    expect(copy.cluster!.clock.now()).toBe(host.cluster!.clock.now())
    expect(copy.cluster!.store.version).toBe(host.cluster!.store.version)
  })

  it('a step of zero or less records and moves nothing', () => {
    const host = new EngineHost(1)
    host.apply({ files: defaultFiles, seed: 1 })
    const before = host.history.length
    const t0 = host.cluster!.clock.now()
    host.advance(0)
    host.advance(-3)
    expect(host.history.length).toBe(before)
    expect(host.cluster!.clock.now()).toBe(t0)
  })
})
