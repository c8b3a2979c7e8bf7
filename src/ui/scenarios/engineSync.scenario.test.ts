import { describe, expect, it, vi } from 'vitest'
import type { EngineClient } from '../engineClient.ts'
import { syncEngine } from '../engineSync.ts'
import { createAppStore } from '../store.ts'

function fake() {
  const calls: string[] = []
  const engine = {
    apply: vi.fn(async () => { calls.push('apply'); return { markers: [], applied: true, changes: [], ms: 0 } }),
    setFiles: vi.fn(() => { calls.push('setFiles') }),
    onSnapshot: () => () => undefined,
    onReady: () => () => undefined,
    onFilesWritten: () => () => undefined,
  } as unknown as EngineClient
  return { engine, calls }
}

describe('engineSync in a scenario', () => {
  it('does not apply the files (the steps do); the console gets them; Ctrl+S still applies', async () => {
    vi.useFakeTimers()
    const store = createAppStore({ files: [{ name: 'app.yaml', text: 'a' }], theme: 'light', autoApply: false })
    const { engine, calls } = fake()
    const stop = syncEngine(store, engine, 10)
    store.getState().setFileText('app.yaml', 'b')
    await vi.advanceTimersByTimeAsync(50)
    expect(calls).toEqual(['setFiles'])
    store.getState().requestApply()
    await vi.advanceTimersByTimeAsync(50)
    expect(calls).toEqual(['setFiles', 'apply'])
    // Back to the playground: the document is applied again as you type.
    store.getState().replaceDocument({ files: [{ name: 'app.yaml', text: 'c' }], seed: 1, autoApply: true })
    await vi.advanceTimersByTimeAsync(50)
    expect(calls).toEqual(['setFiles', 'apply', 'apply'])
    stop()
    vi.useRealTimers()
  })
})
