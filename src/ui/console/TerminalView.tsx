// xterm.js bound to a console session; loaded as its own chunk so it stays out of the first paint.
import { FitAddon } from '@xterm/addon-fit'
import { Terminal, type ITheme } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { useEffect, useRef } from 'react'
import { getApp, useApp, type Theme } from '../store.ts'
import { codeFontSize, onCodeFontSize } from '../theme/codeFont.ts'
import { complete } from './completion.ts'
import { attachConsole } from './consoleBus.ts'
import { startConsoleSession } from './consoleSession.ts'
import type { ShellBridge } from './shellBridge.ts'

const themes: Record<Theme, ITheme> = {
  dark: { background: '#11151c', foreground: '#d8dee9', cursor: '#8fbcbb', selectionBackground: '#3b4252', red: '#ff7b7b' },
  light: { background: '#fbfbfd', foreground: '#1f2430', cursor: '#2f6fdd', selectionBackground: '#cfe0ff', red: '#c62828' },
}

const BANNER = 'kubehop console: kubectl, kind, curl, docker exec ... run against the simulated cluster the editor describes. Tab completes.\n'

export default function TerminalView({ shell }: { shell: ShellBridge }) {
  const host = useRef<HTMLDivElement>(null)
  const term = useRef<Terminal | null>(null)
  const theme = useApp((s) => s.theme)

  useEffect(() => {
    const t = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: codeFontSize(), cursorBlink: true, screenReaderMode: true, scrollback: 2000, theme: themes[getApp().theme],
    })
    const fit = new FitAddon()
    t.loadAddon(fit)
    t.open(host.current!)
    t.textarea?.setAttribute('aria-label', 'Console input')
    fit.fit()
    const session = startConsoleSession(t, shell, {
      banner: BANNER,
      complete: (line, cursor) => complete(line, cursor, { vocabulary: getApp().vocabulary, objects: getApp().snapshot?.objects ?? [] }),
    })
    const input = t.onData((data) => session.input(data))
    const detach = attachConsole((line) => session.runLine(line))
    const resize = new ResizeObserver(() => { try { fit.fit() } catch { /* hidden pane: keep the old size */ } })
    resize.observe(host.current!)
    term.current = t
    const offFont = onCodeFontSize((size) => { t.options.fontSize = size; try { fit.fit() } catch { /* hidden pane */ } }) // presenter mode
    return () => { offFont(); detach(); resize.disconnect(); input.dispose(); t.dispose(); term.current = null }
  }, [shell])

  useEffect(() => { if (term.current) term.current.options.theme = themes[theme] }, [theme])

  return <div className="terminal-host" ref={host} />
}
