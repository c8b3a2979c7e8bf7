// The theme, and the one-slot document save from before workspaces (read once, to migrate it into the first
// workspace: src/ui/persistence/start.ts). Version 1 held one manifest text; it is read as `app.yaml`.
import type { DocFile } from '../worker/protocol.ts'
import type { AppStore, Theme } from './store.ts'
import { validFileName } from './store.ts'
import { DOC_KEY, DOC_KEY_V1 } from './storageKeys.ts'

const THEME_KEY = 'kubehop.theme'
const MAX_FILES = 20

export interface SavedDocument { v: 2; files: DocFile[]; active: string; seed: number }

/** The slice of Web Storage used here (typed locally: unit tests run without DOM types). */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
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

/** Keeps the chosen theme (documents are kept as workspaces: src/ui/persistence/workspaceSession.ts). */
export function saveTheme(store: AppStore, storage: KeyValueStore): () => void {
  return store.subscribe((state, prev) => {
    if (state.theme !== prev.theme) try { storage.setItem(THEME_KEY, state.theme) } catch { /* quota: the theme is a convenience */ }
  })
}
