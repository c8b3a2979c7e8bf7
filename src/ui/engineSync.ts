// Wires the store to the engine: debounced applies of valid text out, snapshots in.
import type { AppStore } from './store.ts'
import type { EngineClient } from './engineClient.ts'

/** Applies the current text now, then after each `delayMs` pause in typing; invalid YAML is not sent, so the last good snapshot stays. */
export function syncEngine(store: AppStore, engine: EngineClient, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const apply = () => {
    const { text, status } = store.getState()
    if (!status.error) engine.apply(text)
  }
  const offSnapshot = engine.onSnapshot((snapshot) => store.getState().setSnapshot(snapshot))
  const offText = store.subscribe((state, prev) => {
    if (state.text !== prev.text) { clearTimeout(timer); timer = setTimeout(apply, delayMs) }
  })
  apply()
  return () => { clearTimeout(timer); offSnapshot(); offText() }
}
