import { describe, expect, it } from 'vitest'
import { effectiveRate, formatClock } from './clockStore.ts'

describe('the playground clock', () => {
  it('runs at the chosen rate unless paused or held by a scenario', () => {
    expect(effectiveRate({ chosen: 10, paused: false, held: false })).toBe(10)
    expect(effectiveRate({ chosen: 10, paused: true, held: false })).toBe(0)
    expect(effectiveRate({ chosen: 60, paused: false, held: true })).toBe(0)
  })

  it('shows the simulated time of day as the API server stamps it', () => {
    expect(formatClock(Date.UTC(2026, 0, 1, 9, 3, 25) / 1000 + 0.7)).toBe('09:03:25')
  })
})
