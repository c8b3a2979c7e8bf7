import { describe, expect, it } from 'vitest'
import { humanDuration, rfc1123z, since } from './duration.ts'

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-5, '<invalid>'], [-1, '0s'], [0, '0s'], [45, '45s'], [119, '119s'], [120, '2m'], [150, '2m30s'], [599, '9m59s'],
    [600, '10m'], [179 * 60, '179m'], [3 * 3600, '3h'], [3 * 3600 + 15 * 60, '3h15m'], [8 * 3600, '8h'], [47 * 3600, '47h'],
    [2 * 86400 + 5 * 3600, '2d5h'], [7 * 86400, '7d'], [10 * 86400, '10d'], [400 * 86400, '400d'], [730 * 86400, '2y'],
    [800 * 86400, '2y70d'], [9 * 365 * 86400, '9y'],
  ])('%i s → %s', (seconds, text) => {
    expect(humanDuration(seconds)).toBe(text)
  })

  it('ages timestamps against the simulated clock, <unknown> without one', () => {
    const now = Date.UTC(2026, 0, 1, 9, 5, 0) / 1000
    expect(since('2026-01-01T09:00:00Z', now)).toBe('5m')
    expect(since(undefined, now)).toBe('<unknown>')
  })

  it('formats describe timestamps as Go RFC1123Z in UTC', () => {
    expect(rfc1123z('2026-01-01T09:00:00Z')).toBe('Thu, 01 Jan 2026 09:00:00 +0000')
  })
})
