// Alt+1/2/3 move focus to the editor, topology and console, so the whole app works from the keyboard.
import { useEffect } from 'react'

const PANES: Record<string, { pane: string; focus: string }> = {
  '1': { pane: 'pane-editor', focus: 'textarea' },
  '2': { pane: 'pane-topology', focus: '.react-flow__node[tabindex="0"], .react-flow' },
  '3': { pane: 'pane-console', focus: 'textarea' },
}

export function usePaneShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const digit = e.code.startsWith('Digit') ? e.code.slice(5) : e.key
      const target = PANES[digit]
      if (!target) return
      const pane = document.getElementById(target.pane)
      if (!pane) return
      e.preventDefault()
      const inner = pane.querySelector<HTMLElement>(target.focus)
      ;(inner ?? pane).focus()
    }
    addEventListener('keydown', onKeyDown, true)
    return () => removeEventListener('keydown', onKeyDown, true)
  }, [])
}
