import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStore } from 'zustand'
import { whenState } from './whenState.ts'

const flagStore = () => createStore<{ ready: boolean }>(() => ({ ready: false }))

describe('whenState', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('runs at once when the state is already reached', () => {
    const store = flagStore()
    store.setState({ ready: true })
    const run = vi.fn()
    whenState(store, (s) => s.ready, run)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs once when the state is reached, not again on later changes or at the fallback', () => {
    const store = flagStore()
    const run = vi.fn()
    whenState(store, (s) => s.ready, run, 1000)
    store.setState({ ready: false })
    expect(run).not.toHaveBeenCalled()
    store.setState({ ready: true })
    store.setState({ ready: true })
    vi.advanceTimersByTime(2000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs once at the fallback when the state never comes, and stops listening', () => {
    const store = flagStore()
    const run = vi.fn()
    whenState(store, (s) => s.ready, run, 1000)
    vi.advanceTimersByTime(999)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
    store.setState({ ready: true })
    expect(run).toHaveBeenCalledTimes(1)
  })
})
