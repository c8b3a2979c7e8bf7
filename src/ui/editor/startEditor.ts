// Loading the editor module: React.lazy in EditorPane and the early start here share the one import.

/** The editor module (Monaco and its setup). */
export const loadEditorModule = () => import('./MonacoEditor.tsx')

/**
 * Starts running the editor module as soon as the topology has been painted, from the store's own update
 * rather than after React's next render and Suspense round (~1 frame later).
 */
export function startEditorAfterTopology(store: TopologyReadyStore): void {
  afterTopology(store, () => void loadEditorModule())
}

type TopologyReadyStore = { getState(): { topologyReady: boolean }; subscribe(listener: (state: { topologyReady: boolean }) => void): () => void }

/** Runs `run` once the topology has been painted, or after `fallbackMs` if given (a hidden tab paints no frames). */
export function afterTopology(store: TopologyReadyStore, run: () => void, fallbackMs?: number): void {
  if (store.getState().topologyReady) { run(); return }
  let done = false
  const once = () => {
    if (done) return
    done = true
    off()
    run()
  }
  const off = store.subscribe((state) => { if (state.topologyReady) once() })
  if (fallbackMs !== undefined) setTimeout(once, fallbackMs)
}
