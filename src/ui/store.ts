// The one UI store: the document (files, active tab, seed), engine results (snapshot, markers; read-only),
// selection, inspector, theme, and first-paint milestones.
import { createStore, useStore } from 'zustand'
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { DocFile, EditorMarker, EngineDocument, Inspection, ShellVocabulary } from '../worker/protocol.ts'

export type Theme = 'light' | 'dark'

interface ApplyInfo { applied: boolean; changes: string[]; ms: number }

export interface AppState {
  files: DocFile[]
  /** Name of the file shown in the editor. */
  active: string
  seed: number
  /** Editor changes are applied as you type (the playground); false in a scenario, whose steps apply the files. */
  autoApply: boolean
  /** The active file's text (kept in step with `files`); the status bar parses it for its YAML status, off the keystroke. */
  text: string
  /** The last snapshot the engine sent; replaced whole, never edited (frozen in development). */
  snapshot: ClusterSnapshot | null
  /** Markers of the last apply, for every file. */
  markers: EditorMarker[]
  lastApply: ApplyInfo | null
  vocabulary: ShellVocabulary | null
  /** Object key (`Kind/namespace/name`) of the selected object. */
  selection: string | null
  inspection: Inspection | null
  theme: Theme
  /** Bumped by Ctrl+S in the editor: apply now instead of after the debounce. */
  applyRequests: number
  /** Bumped by a paste into the editor: a paste is a finished edit, applied without waiting out the typing debounce. */
  pastes: number
  /** The first laid-out topology is on screen: the signal to start loading Monaco. */
  topologyReady: boolean
  editorReady: boolean
  /** Bumped whenever the whole document is replaced (a scenario, a link, an import): what the old one showed goes. */
  documentId: number
  setText(text: string): void
  /** Replaces the whole document (opening a scenario, a share link or an import). */
  replaceDocument(doc: { files: DocFile[]; active?: string; seed: number; autoApply: boolean }): void
  setFileText(name: string, text: string): void
  /** "Apply from the console only": the editor stops applying as you type (the console's `kubectl apply -f` does). */
  setAutoApply(on: boolean): void
  openFile(name: string): void
  addFile(name: string, text?: string): boolean
  renameFile(from: string, to: string): boolean
  closeFile(name: string): void
  setSnapshot(snapshot: ClusterSnapshot | null): void
  setApplied(markers: EditorMarker[], info: ApplyInfo): void
  setVocabulary(v: ShellVocabulary): void
  select(key: string | null): void
  setInspection(inspection: Inspection | null): void
  setTheme(theme: Theme): void
  requestApply(): void
  notePaste(): void
  markTopologyReady(): void
  markEditorReady(): void
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export const validFileName = (name: string) => /^[\w.-]{1,64}$/.test(name) && /\.(ya?ml|json)$/i.test(name)

export function documentOf(state: Pick<AppState, 'files' | 'seed'>): EngineDocument {
  return { files: state.files, seed: state.seed }
}

export interface InitialState { files: DocFile[]; active?: string; seed?: number; autoApply?: boolean; theme: Theme; freeze?: boolean }

export function createAppStore(initial: InitialState) {
  const files = initial.files.length ? initial.files : [{ name: 'app.yaml', text: '' }]
  const active = files.some((f) => f.name === initial.active) ? initial.active! : files[0].name
  const textOf = (fs: DocFile[], name: string) => fs.find((f) => f.name === name)?.text ?? ''
  return createStore<AppState>()((set, get) => ({
    files,
    active,
    seed: initial.seed ?? 1,
    autoApply: initial.autoApply ?? true,
    text: textOf(files, active),
    snapshot: null,
    markers: [],
    lastApply: null,
    vocabulary: null,
    selection: null,
    inspection: null,
    theme: initial.theme,
    applyRequests: 0,
    pastes: 0,
    topologyReady: false,
    editorReady: false,
    documentId: 0,
    setText: (text) => get().setFileText(get().active, text),
    replaceDocument: ({ files: next, active: wanted, seed, autoApply }) => {
      const fs = next.length ? next : [{ name: 'app.yaml', text: '' }]
      const name = fs.some((f) => f.name === wanted) ? wanted! : fs[0].name
      // The last apply belonged to the old document: its "applied: …" must not describe the new one.
      set({ files: fs, active: name, seed, autoApply, text: textOf(fs, name), markers: [], selection: null, inspection: null,
        lastApply: null, documentId: get().documentId + 1 })
    },
    setFileText: (name, text) => {
      const s = get()
      const file = s.files.find((f) => f.name === name)
      if (!file || file.text === text) return
      const files = s.files.map((f) => (f.name === name ? { name, text } : f))
      set(name === s.active ? { files, text } : { files })
    },
    setAutoApply: (on) => set({ autoApply: on }),
    openFile: (name) => {
      const s = get()
      if (name === s.active || !s.files.some((f) => f.name === name)) return
      const text = textOf(s.files, name)
      set({ active: name, text })
    },
    addFile: (name, text = '') => {
      const s = get()
      if (!validFileName(name) || s.files.some((f) => f.name === name)) return false
      set({ files: [...s.files, { name, text }], active: name, text })
      return true
    },
    renameFile: (from, to) => {
      const s = get()
      if (from === to) return true
      if (!validFileName(to) || s.files.some((f) => f.name === to)) return false
      set({ files: s.files.map((f) => (f.name === from ? { ...f, name: to } : f)), active: s.active === from ? to : s.active,
        markers: s.markers.filter((m) => m.file !== from) })
      return true
    },
    closeFile: (name) => {
      const s = get()
      if (s.files.length <= 1) return
      const index = s.files.findIndex((f) => f.name === name)
      if (index < 0) return
      const files = s.files.filter((f) => f.name !== name)
      const active = s.active === name ? files[Math.max(0, index - 1)].name : s.active
      const text = textOf(files, active)
      set({ files, active, text, markers: s.markers.filter((m) => m.file !== name) })
    },
    setSnapshot: (snapshot) => set({ snapshot: initial.freeze ? deepFreeze(snapshot) : snapshot }),
    setApplied: (markers, lastApply) => set({ markers, lastApply }),
    setVocabulary: (vocabulary) => set({ vocabulary }),
    select: (selection) => { if (selection !== get().selection) set({ selection, inspection: null }) },
    setInspection: (inspection) => set({ inspection }),
    setTheme: (theme) => set({ theme }),
    requestApply: () => set({ applyRequests: get().applyRequests + 1 }),
    notePaste: () => set({ pastes: get().pastes + 1 }),
    markTopologyReady: () => { if (!get().topologyReady) set({ topologyReady: true }) },
    markEditorReady: () => { if (!get().editorReady) set({ editorReady: true }) },
  }))
}

export type AppStore = ReturnType<typeof createAppStore>

let appStore: AppStore | null = null

/** Installs the app's store once at startup (main.tsx); tests build their own with createAppStore. */
export function installStore(store: AppStore): AppStore {
  appStore = store
  return store
}

export function useApp<T>(selector: (state: AppState) => T): T {
  if (!appStore) throw new Error('store not installed')
  return useStore(appStore, selector)
}

export function getApp(): AppState {
  if (!appStore) throw new Error('store not installed')
  return appStore.getState()
}
