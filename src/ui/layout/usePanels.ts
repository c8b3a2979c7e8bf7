// Presenter mode scales the code font and collapses what competes with the canvas; Alt+Shift+1/3/4/5 toggle
// the editor, the console, the requests panel and the guide.
import { useEffect } from 'react'
import { useShare } from '../share/shareStore.ts'
import { CODE_FONT, setCodeFontSize } from '../theme/codeFont.ts'
import { PANEL_KEYS, presentPanels, togglePanel } from './panels.ts'

export function usePanels(): void {
  const present = useShare((s) => s.present)
  useEffect(() => {
    setCodeFontSize(present ? CODE_FONT.present : CODE_FONT.normal)
    presentPanels(present)
  }, [present])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return
      const panel = PANEL_KEYS[e.code]
      if (!panel) return
      e.preventDefault()
      togglePanel(panel)
    }
    addEventListener('keydown', onKey, true)
    return () => removeEventListener('keydown', onKey, true)
  }, [])
}
