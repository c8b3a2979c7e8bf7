// Autosave: the document and theme go to localStorage (debounced) so an edit survives reloads and crashes.
import type { AppStore, Theme } from './store.ts'

const DOC_KEY = 'kubehop.document.v1'
const THEME_KEY = 'kubehop.theme'
const MAX_CHARS = 1_000_000 // stays well under the ~5 MB localStorage quota

interface SavedDocument { v: 1; text: string }

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

export function loadDocument(storage: KeyValueStore): string | null {
  try {
    const saved = JSON.parse(storage.getItem(DOC_KEY) ?? 'null') as SavedDocument | null
    return saved && saved.v === 1 && typeof saved.text === 'string' ? saved.text : null
  } catch {
    return null // a corrupt entry must not stop the app from starting
  }
}

export function loadTheme(storage: KeyValueStore, prefersDark: boolean): Theme {
  const saved = storage.getItem(THEME_KEY)
  return saved === 'light' || saved === 'dark' ? saved : prefersDark ? 'dark' : 'light'
}

/** Saves text changes after `delayMs` of quiet, and at once when the page is hidden or closed. */
export function autosave(store: AppStore, storage: KeyValueStore, page?: PageEvents, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const { text } = store.getState()
    if (text.length > MAX_CHARS) return
    try { storage.setItem(DOC_KEY, JSON.stringify({ v: 1, text } satisfies SavedDocument)) } catch { /* quota: keep running */ }
  }
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.text !== prev.text) { clearTimeout(timer); timer = setTimeout(flush, delayMs) }
    if (state.theme !== prev.theme) storage.setItem(THEME_KEY, state.theme)
  })
  const onHide = () => { if (timer !== undefined) flush() }
  page?.addEventListener('pagehide', onHide)
  return () => { unsubscribe(); page?.removeEventListener('pagehide', onHide); onHide() }
}
