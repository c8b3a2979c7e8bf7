// Loading the editor module: React.lazy in EditorPane and the early start here share the one import.
import { whenState, type WatchedStore } from '../whenState.ts'

/** The editor module (Monaco and its setup). */
export const loadEditorModule = () => import('./MonacoEditor.tsx')

/**
 * Starts running the editor module as soon as the topology has been painted, from the store's own update
 * rather than after React's next render and Suspense round (~1 frame later).
 */
export function startEditorAfterTopology(store: WatchedStore<{ topologyReady: boolean }>): void {
  whenState(store, (s) => s.topologyReady, () => void loadEditorModule())
}
