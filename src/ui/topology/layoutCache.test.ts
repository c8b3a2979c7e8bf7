import { describe, expect, it } from 'vitest'
import { cachedLayout, hashGraph, rememberLayout } from './layoutCache.ts'

const memory = () => {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => { data.set(k, v) } }
}

describe('layout cache', () => {
  it('returns what was remembered for the same graph, and keeps only the newest entries', () => {
    const storage = memory()
    rememberLayout(storage, hashGraph('{"a":1}'), { a: { x: 1, y: 2 } })
    expect(cachedLayout(storage, hashGraph('{"a":1}'))).toEqual({ a: { x: 1, y: 2 } })
    expect(cachedLayout(storage, hashGraph('{"a":2}'))).toBeNull()
    for (let i = 0; i < 10; i++) rememberLayout(storage, `h${i}`, {})
    expect(cachedLayout(storage, hashGraph('{"a":1}'))).toBeNull()
    expect(cachedLayout(storage, 'h9')).toEqual({})
  })
})
