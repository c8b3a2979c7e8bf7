// Wires sharing and scenarios into the running app (called once from App): the runtime (engine, console), the
// link the page came from, the live URL hash, the last console request, presenter mode and its keys.
import { useEffect } from 'react'
import type { EngineClient } from '../engineClient.ts'
import { installRuntime } from '../scenarios/runtime.ts'
import { scenarioStore } from '../scenarios/scenarioStore.ts'
import { initialLink } from './linkState.ts'
import { flushWorkspace, setDocumentOpener, takeStartupReplay } from '../persistence/workspaceSession.ts'
import { setShare, useShare } from './shareStore.ts'
import { viewMode } from './viewMode.ts'

let started = false

if (initialLink.error) setShare({ linkError: initialLink.error })
if (viewMode.present) setShare({ present: true })

function presenterKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null
  if (target?.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm, dialog')) return
  const { scenario, cursor, busy } = scenarioStore.getState()
  if (!scenario || busy || event.altKey || event.ctrlKey || event.metaKey) return
  const runner = () => import('../scenarios/scenarioRunner.ts')
  if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') { event.preventDefault(); void runner().then((m) => m.runCurrentStep()) }
  else if (event.key === 'ArrowLeft' || event.key === 'PageUp') { event.preventDefault(); if (cursor > 0) void runner().then((m) => m.goToStep(cursor - 1)) }
}

export function useShareRuntime(engine: EngineClient): void {
  const present = useShare((s) => s.present)
  useEffect(() => {
    installRuntime(engine, viewMode.embed)
    setDocumentOpener((doc) => import('./openShared.ts').then((m) => m.openShared(doc)))
    const off = engine.onTraces((_traces, line) => { if (/^\s*(curl|wget)\s/.test(line)) setShare({ lastRequestLine: line.trim() }) })
    if (!started) {
      started = true
      if (initialLink.doc) {
        setShare({ hashLive: true })
        const doc = initialLink.doc
        // A link whose scenario does not parse is as unreadable as a damaged one: the error view says why.
        // Once it opened, the link is stored as its workspace (listed; a reload of this tab finds it). A link that
        // fails to open stores nothing.
        void import('./openShared.ts').then((m) => m.openShared(doc)).then(() => flushWorkspace())
          .catch((err: unknown) => setShare({ linkError: `its scenario cannot be used (${err instanceof Error ? err.message : String(err)})` }))
      } else {
        // A scenario workspace reopened by a reload: its steps run again up to where the user was.
        const replay = takeStartupReplay()
        if (replay?.scenario) void import('./openShared.ts').then((m) => m.openShared({ v: 2, ...replay, scenario: replay.scenario! })).catch(() => undefined)
      }
    }
    return off
  }, [engine])
  useEffect(() => {
    document.documentElement.classList.toggle('kh-present', present)
    if (!present) return
    addEventListener('keydown', presenterKey)
    return () => removeEventListener('keydown', presenterKey)
  }, [present])
  useEffect(() => { document.documentElement.classList.toggle('kh-embed', viewMode.embed) }, [])
}
