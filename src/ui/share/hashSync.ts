// Keeps the URL hash in step with the document (the mermaid live editor's habit): encoded after a pause, written
// with history.replaceState (no history entry per keystroke). Live once Share was used or the page came from a link.
import { useEffect } from 'react'
import { MAX_ENCODED_CHARS, encodeShare } from '../../share/index.ts'
import { useScenario } from '../scenarios/scenarioStore.ts'
import { rememberHash } from '../persistence/workspaceSession.ts'
import { useApp } from '../store.ts'
import { currentShareDocument } from './currentDocument.ts'
import { shareStore, useShare } from './shareStore.ts'

/** `#kh1:…` for the document on screen, or '' when it is too large for a link. */
function hashFor(): string {
  const encoded = encodeShare(currentShareDocument())
  return encoded.length <= MAX_ENCODED_CHARS ? `#${encoded}` : ''
}

function writeHashNow(): void {
  if (!shareStore.getState().hashLive || shareStore.getState().linkError) return
  const hash = hashFor()
  if (hash !== location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`)
  rememberHash(hash) // a reload of this address reopens this tab's workspace, not a new copy
}

function useHashSync(delayMs = 400): void {
  const files = useApp((s) => s.files)
  const seed = useApp((s) => s.seed)
  const active = useApp((s) => s.active)
  const cursor = useScenario((s) => s.cursor)
  const scenario = useScenario((s) => s.scenario)
  const busy = useScenario((s) => s.busy)
  const request = useShare((s) => s.request)
  const live = useShare((s) => s.hashLive)
  useEffect(() => {
    if (!live || busy) return
    const timer = setTimeout(writeHashNow, delayMs)
    addEventListener('pagehide', writeHashNow)
    return () => { clearTimeout(timer); removeEventListener('pagehide', writeHashNow) }
  }, [files, seed, active, cursor, scenario, busy, request, live, delayMs])
}

/** Mounted on its own (it renders nothing): it reads the document's files, so each keystroke re-renders only it,
 * not the component that mounts it (App re-rendered every pane per keystroke when it held this hook). */
export function HashSync(): null {
  useHashSync()
  return null
}
