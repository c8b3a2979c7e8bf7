// The one UI store: document text, engine snapshot (read-only), selection, theme, and first-paint milestones.
import { createStore, useStore } from 'zustand'
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import { docStatus, type DocStatus } from './document/docStatus.ts'

export type Theme = 'light' | 'dark'

export interface AppState {
  text: string
  status: DocStatus
  /** The last snapshot the engine sent; replaced whole, never edited (frozen in development). */
  snapshot: ClusterSnapshot | null
  /** Object key (`Kind/namespace/name`) of the selected object. */
  selection: string | null
  theme: Theme
  /** The first laid-out topology is on screen: the signal to start loading Monaco. */
  topologyReady: boolean
  editorReady: boolean
  setText(text: string): void
  setSnapshot(snapshot: ClusterSnapshot): void
  select(key: string | null): void
  setTheme(theme: Theme): void
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

export function createAppStore(initial: { text: string; theme: Theme; freeze?: boolean }) {
  return createStore<AppState>()((set, get) => ({
    text: initial.text,
    status: docStatus(initial.text),
    snapshot: null,
    selection: null,
    theme: initial.theme,
    topologyReady: false,
    editorReady: false,
    setText: (text) => { if (text !== get().text) set({ text, status: docStatus(text) }) },
    setSnapshot: (snapshot) => set({ snapshot: initial.freeze ? deepFreeze(snapshot) : snapshot }),
    select: (selection) => set({ selection }),
    setTheme: (theme) => set({ theme }),
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
