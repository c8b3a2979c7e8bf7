// Fetches and parses the editor's chunk in the background while the engine builds the first cluster, without
// running it: Monaco's 3.7 MB would otherwise only start downloading once the topology is drawn, and its
// background parse took ~300 ms of the editor's start. The chunk still runs (and mounts) after the topology.

declare global {
  /** The built editor chunk and its stylesheet, set by the inline script vite.config.ts puts in index.html. */
  var __kubehopEditorAssets: { js: string; css: string[] } | undefined
}

/** The part of `document` the preload uses (tests pass a fake). */
export interface LinkHost {
  createElement(tag: 'link'): { rel: string; href: string; as: string }
  head: { appendChild(el: never): unknown }
}

let done = false

/** Adds `<link rel=modulepreload>` for the editor chunk (and a style preload for its CSS); once, and only in a build. */
export function preloadEditorChunk(doc: LinkHost): void {
  const assets = globalThis.__kubehopEditorAssets
  if (done || !assets) return
  done = true
  const link = (rel: string, href: string, as?: string) => {
    const el = doc.createElement('link')
    el.rel = rel
    el.href = href
    if (as) el.as = as
    doc.head.appendChild(el as never)
  }
  link('modulepreload', assets.js)
  for (const css of assets.css) link('preload', css, 'style')
}
