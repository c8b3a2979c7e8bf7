// Fetches and parses the editor's chunk in the background while the engine builds the first cluster, without
// running it: Monaco's 3.7 MB would otherwise only start downloading once the topology is drawn, and its
// background parse took ~300 ms of the editor's start. The chunk still runs (and mounts) after the topology.

declare global {
  /** The built editor chunk and its stylesheet, set by the inline script vite.config.ts puts in index.html. */
  var __kubehopEditorAssets: { js: string; css: string[] } | undefined
}

let done = false

/** Adds `<link rel=modulepreload>` for the editor chunk (and a style preload for its CSS); once, and only in a build. */
export function preloadEditorChunk(doc: Document = document): void {
  const assets = globalThis.__kubehopEditorAssets
  if (done || !assets) return
  done = true
  const link = (rel: string, href: string, as?: string) => {
    const el = doc.createElement('link')
    el.rel = rel
    el.href = href
    if (as) el.as = as
    doc.head.appendChild(el)
  }
  link('modulepreload', assets.js)
  for (const css of assets.css) link('preload', css, 'style')
}

/** The editor module (Monaco and its setup); React.lazy and the early start below share the one import. */
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
