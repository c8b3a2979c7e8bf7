import { describe, expect, it } from 'vitest'
import { saveTheme, loadDocument, loadTheme, type KeyValueStore } from './persistence.ts'
import { createAppStore } from './store.ts'

class MemoryStorage implements KeyValueStore {
  data = new Map<string, string>()
  getItem(key: string) { return this.data.get(key) ?? null }
  setItem(key: string, value: string) { this.data.set(key, value) }
}

const files = (text: string) => [{ name: 'app.yaml', text }]

describe('persistence', () => {
  it('reads a version 2 one-slot save (migrated into the first workspace) and keeps the theme', () => {
    const storage = new MemoryStorage()
    storage.setItem('kubehop.document.v2', JSON.stringify({ v: 2, files: files('kind: Service\n'), active: 'app.yaml', seed: 4 }))
    expect(loadDocument(storage)).toEqual({ v: 2, files: files('kind: Service\n'), active: 'app.yaml', seed: 4 })
    const store = createAppStore({ files: files(''), theme: 'dark' })
    saveTheme(store, storage)
    store.getState().setTheme('light')
    expect(storage.getItem('kubehop.theme')).toBe('light')
  })

  it('migrates a version 1 document to app.yaml', () => {
    const storage = new MemoryStorage()
    storage.setItem('kubehop.document.v1', JSON.stringify({ v: 1, text: 'kind: Pod\n' }))
    expect(loadDocument(storage)?.files).toEqual(files('kind: Pod\n'))
  })

  it('ignores a corrupt entry or bad file names and remembers the theme', () => {
    const storage = new MemoryStorage()
    storage.setItem('kubehop.document.v2', '{not json')
    expect(loadDocument(storage)).toBeNull()
    storage.setItem('kubehop.document.v2', JSON.stringify({ v: 2, files: [{ name: '../x', text: '' }], active: 'x', seed: 1 }))
    expect(loadDocument(storage)).toBeNull()
    expect(loadTheme(storage, true)).toBe('dark')
    storage.setItem('kubehop.theme', 'light')
    expect(loadTheme(storage, true)).toBe('light')
  })

  it('the store keeps the active text in step with each edit (the status bar parses it; e2e checks what it shows)', () => {
    const store = createAppStore({ files: files('a: 1\n'), theme: 'light', freeze: true })
    store.getState().setText('a: b: c\n')
    expect(store.getState().text).toBe('a: b: c\n')
    expect(store.getState().files.find((f) => f.name === store.getState().active)?.text).toBe('a: b: c\n')
  })
})
