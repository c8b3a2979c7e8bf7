// Run something once the store reaches a state (the topology painted, the editor up), with an optional fallback
// delay for a hidden tab, which paints no frames.

export interface WatchedStore<S> {
  getState(): S
  subscribe(listener: (state: S) => void): () => void
}

/** Runs `run` once, when `reached(state)` first holds (at once if it already does) or after `fallbackMs` if given. */
export function whenState<S>(store: WatchedStore<S>, reached: (state: S) => boolean, run: () => void, fallbackMs?: number): void {
  if (reached(store.getState())) { run(); return }
  let done = false
  const once = () => {
    if (done) return
    done = true
    off()
    clearTimeout(timer)
    run()
  }
  const off = store.subscribe((state) => { if (reached(state)) once() })
  const timer = fallbackMs === undefined ? undefined : setTimeout(once, fallbackMs)
}
