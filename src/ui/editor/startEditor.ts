// Loading the editor module: React.lazy in EditorPane and the early start here share the one import.

/** The editor module (Monaco and its setup). */
export const loadEditorModule = () => import('./MonacoEditor.tsx')

/**
 * Starts running the editor module as soon as the topology has been painted, from the store's own update
 * rather than after React's next render and Suspense round (~1 frame later).
 */
export function startEditorAfterTopology(store: { getState(): { topologyReady: boolean }; subscribe(listener: (state: { topologyReady: boolean }) => void): () => void }): void {
  if (store.getState().topologyReady) { void loadEditorModule(); return }
  const off = store.subscribe((state) => {
    if (!state.topologyReady) return
    off()
    void loadEditorModule()
  })
}
