// Which panels are open around the canvas: the editor, the console and the requests panel collapse to give
// the topology room, and so does a scenario's guide (a button in the topology's
// header and a key each: Alt+Shift+1 / 3 / 4 / 5). Presenter mode
// starts with the editor, the console and the requests panel collapsed, and gives them back when it ends.
import { createStore, useStore } from 'zustand'

export type Panel = 'editor' | 'console' | 'requests' | 'guide'

type PanelState = Record<Panel, boolean>

export const panelStore = createStore<PanelState>()(() => ({ editor: true, console: true, requests: true, guide: true }))

export const usePanel = (panel: Panel): boolean => useStore(panelStore, (s) => s[panel])

export function togglePanel(panel: Panel, open = !panelStore.getState()[panel]): void {
  panelStore.setState({ [panel]: open })
}

/** Alt+Shift+digit → the panel it toggles. */
export const PANEL_KEYS: Record<string, Panel> = { Digit1: 'editor', Digit3: 'console', Digit4: 'requests', Digit5: 'guide' }

let beforePresenting: PanelState | null = null

/** Presenter mode on: collapse what competes with the canvas; off: restore what the user had. */
export function presentPanels(on: boolean): void {
  if (on && !beforePresenting) {
    beforePresenting = { ...panelStore.getState() }
    panelStore.setState({ editor: false, console: false, requests: false })
  } else if (!on && beforePresenting) {
    panelStore.setState(beforePresenting)
    beforePresenting = null
  }
}
