// The code font size the editor (Monaco) and the console (xterm) read: 13 px at a desk, 20 px in presenter
// mode (the projector floor). Both take a number, not CSS, so they subscribe here; the CSS variable
// --code-font-size mirrors it for everything styled in CSS.
import { createStore, useStore } from 'zustand'

export const CODE_FONT = { normal: 13, present: 20 }

const store = createStore<{ size: number }>()(() => ({ size: CODE_FONT.normal }))

export const codeFontSize = (): number => store.getState().size

export const useCodeFontSize = (): number => useStore(store, (s) => s.size)

export function setCodeFontSize(size: number): void {
  if (store.getState().size === size) return
  store.setState({ size })
  if (typeof document !== 'undefined') document.documentElement.style.setProperty('--code-font-size', `${size}px`)
}

/** Calls `listener` with every new size; returns the unsubscribe. */
export function onCodeFontSize(listener: (size: number) => void): () => void {
  return store.subscribe((s, old) => { if (s.size !== old.size) listener(s.size) })
}
