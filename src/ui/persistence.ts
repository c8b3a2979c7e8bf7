// Autosave: the document (files, active tab, seed) and theme go to localStorage (debounced) so an edit
// survives reloads and crashes. Version 1 held one manifest text; it is migrated to `app.yaml`.
import type { DocFile } from '../worker/protocol.ts'
import type { AppStore, Theme } from './store.ts'
import { validFileName } from './store.ts'
import { DOC_KEY, DOC_KEY_V1 } from './storageKeys.ts'

const THEME_KEY = 'kubehop.theme'
const MAX_CHARS = 1_000_000 // stays well under the ~5 MB localStorage quota
const MAX_FILES = 20

export interface SavedDocument { v: 2; files: DocFile[]; active: string; seed: number }

/** The slice of Web Storage used here (typed locally: unit tests run without DOM types). */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** Where `pagehide` fires (the window); optional so tests can leave it out. */
export interface PageEvents {
  addEventListener(type: 'pagehide', listener: () => void): void
  removeEventListener(type: 'pagehide', listener: () => void): void
}

/** Reads the saved document; anything malformed counts as nothing saved (a corrupt entry must not stop the app). */
export function loadDocument(storage: KeyValueStore): SavedDocument | null {
  try {
    const saved = JSON.parse(storage.getItem(DOC_KEY) ?? 'null') as Partial<SavedDocument> | null
    if (saved && saved.v === 2 && Array.isArray(saved.files)) {
      const files = saved.files.filter((f): f is DocFile => !!f && typeof f.name === 'string' && validFileName(f.name) && typeof f.text === 'string')
        .slice(0, MAX_FILES)
      if (!files.length) return null
      const seed = typeof saved.seed === 'number' && Number.isSafeInteger(saved.seed) ? saved.seed : 1
      return { v: 2, files, active: typeof saved.active === 'string' ? saved.active : files[0].name, seed }
    }
    const old = JSON.parse(storage.getItem(DOC_KEY_V1) ?? 'null') as { v?: number; text?: unknown } | null
    if (old && old.v === 1 && typeof old.text === 'string') return { v: 2, files: [{ name: 'app.yaml', text: old.text }], active: 'app.yaml', seed: 1 }
  } catch { /* corrupt: start from the default */ }
  return null
}

export function loadTheme(storage: KeyValueStore, prefersDark: boolean): Theme {
  const saved = storage.getItem(THEME_KEY)
  return saved === 'light' || saved === 'dark' ? saved : prefersDark ? 'dark' : 'light'
}

/** Saves document changes after `delayMs` of quiet, and at once when the page is hidden or closed. */
export function autosave(store: AppStore, storage: KeyValueStore, page?: PageEvents, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const { files, active, seed } = store.getState()
    if (files.reduce((n, f) => n + f.text.length, 0) > MAX_CHARS) return
    try { storage.setItem(DOC_KEY, JSON.stringify({ v: 2, files, active, seed } satisfies SavedDocument)) } catch { /* quota: keep running */ }
  }
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.files !== prev.files || state.active !== prev.active || state.seed !== prev.seed) { clearTimeout(timer); timer = setTimeout(flush, delayMs) }
    if (state.theme !== prev.theme) storage.setItem(THEME_KEY, state.theme)
  })
  const onHide = () => { if (timer !== undefined) flush() }
  page?.addEventListener('pagehide', onHide)
  return () => { unsubscribe(); page?.removeEventListener('pagehide', onHide); onHide() }
}
