import { afterEach, describe, expect, it } from 'vitest'
import { preloadEditorChunk, type LinkHost } from './preloadEditor.ts'

/** Just enough of a Document for the preload: links appended to head. */
function fakeDocument() {
  const head: { rel: string; href: string; as?: string }[] = []
  return {
    head,
    doc: { createElement: () => ({ rel: '', href: '' }), head: { appendChild: (el: { rel: string; href: string; as?: string }) => head.push(el) } } as unknown as LinkHost,
  }
}

describe('preloadEditorChunk', () => {
  afterEach(() => { globalThis.__kubehopEditorAssets = undefined })

  it('does nothing without the build\'s asset list (dev server)', () => {
    const { head, doc } = fakeDocument()
    preloadEditorChunk(doc)
    expect(head).toEqual([])
  })

  it('preloads the editor chunk as a module and its CSS as a style, once', () => {
    globalThis.__kubehopEditorAssets = { js: '/assets/MonacoEditor-x.js', css: ['/assets/MonacoEditor-y.css'] }
    const { head, doc } = fakeDocument()
    preloadEditorChunk(doc)
    preloadEditorChunk(doc)
    expect(head).toEqual([{ rel: 'modulepreload', href: '/assets/MonacoEditor-x.js' }, { rel: 'preload', href: '/assets/MonacoEditor-y.css', as: 'style' }])
  })
})
