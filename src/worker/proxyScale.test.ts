import { describe, expect, it } from 'vitest'
import { ProxyScale, SCALE_COUNTS } from './proxyScale.ts'

describe('ProxyScale', () => {
  it('computes each point in a task of its own, answers every waiter once, then answers from its cache', () => {
    const tasks: (() => void)[] = []
    let clock = 0
    const scale = new ProxyScale((fn) => tasks.push(fn), () => (clock += 5))
    const answers: number[][] = []
    scale.request((points) => answers.push(points.map((p) => p.services)))
    scale.request((points) => answers.push(points.map((p) => p.services)))
    let ran = 0
    while (tasks.length) { tasks.shift()!(); ran++ }
    expect(ran).toBe(SCALE_COUNTS.length * 2)
    expect(answers).toEqual([SCALE_COUNTS, SCALE_COUNTS])
    let ms = -1
    scale.request((points, spent) => { answers.push(points.map((p) => p.services)); ms = spent })
    expect(tasks).toHaveLength(0)
    expect(answers).toHaveLength(3)
    expect(ms).toBe(SCALE_COUNTS.length * 2 * 5)
  })
})
