import { afterEach, describe, expect, it, vi } from 'vitest'
import { autosave, loadDocument, loadTheme, type KeyValueStore } from './persistence.ts'
import { createAppStore } from './store.ts'

class MemoryStorage implements KeyValueStore {
  data = new Map<string, string>()
  getItem(key: string) { return this.data.get(key) ?? null }
  setItem(key: string, value: string) { this.data.set(key, value) }
}

afterEach(() => vi.useRealTimers())

describe('persistence', () => {
  it('saves the text after a quiet period and loads it back', () => {
    vi.useFakeTimers()
    const storage = new MemoryStorage()
    const store = createAppStore({ text: 'kind: Pod\n', theme: 'dark' })
    autosave(store, storage, undefined, 300)
    store.getState().setText('kind: Service\n')
    store.getState().setText('kind: Service\nmetadata: {}\n')
    expect(loadDocument(storage)).toBeNull()
    vi.advanceTimersByTime(300)
    expect(loadDocument(storage)).toBe('kind: Service\nmetadata: {}\n')
  })

  it('ignores a corrupt entry and remembers the theme', () => {
    const storage = new MemoryStorage()
    storage.setItem('kubehop.document.v1', '{not json')
    expect(loadDocument(storage)).toBeNull()
    expect(loadTheme(storage, true)).toBe('dark')
    storage.setItem('kubehop.theme', 'light')
    expect(loadTheme(storage, true)).toBe('light')
  })

  it('the store recomputes the YAML status on each edit', () => {
    const store = createAppStore({ text: 'a: 1\n', theme: 'light', freeze: true })
    store.getState().setText('a: b: c\n')
    expect(store.getState().status.error?.line).toBe(1)
  })
})
