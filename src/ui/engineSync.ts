// Wires the store to the engine: the document goes out after each pause in typing (one apply in flight at a
// time, so a slow cluster never queues stale work), snapshots and markers come back in.
import type { AppStore } from './store.ts'
import { documentOf } from './store.ts'
import type { EngineClient } from './engineClient.ts'
import { readPodsAhead } from './topology/model.ts'

/** A pause in typing this long sends the document ahead for parsing (the apply follows at the end of the debounce). */
const PREPARE_MS = 60
/** Larger documents are not parsed ahead: a parse of text still being typed would hold up the worker. */
const PREPARE_MAX_CHARS = 100_000

/** Applies the document now, then `delayMs` after each change. Returns a stop function. */
export function syncEngine(store: AppStore, engine: EngineClient, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let prepareTimer: ReturnType<typeof setTimeout> | undefined
  let inFlight = false
  let again = false
  let forced = false // Ctrl+S applies even in a scenario, whose steps otherwise apply the files
  const apply = () => {
    if (!store.getState().autoApply && !forced) return
    forced = false
    clearTimeout(prepareTimer)
    if (inFlight) { again = true; return }
    inFlight = true
    const state = store.getState()
    const sent = documentOf(state)
    performance.mark('kubehop:apply-sent')
    void engine.apply(sent).then((result) => {
      inFlight = false
      const now = store.getState()
      store.getState().setApplied(result.markers, { applied: result.applied, changes: result.changes, ms: result.ms })
      if (again || (now.autoApply && (now.files !== sent.files || now.seed !== sent.seed))) { again = false; schedule(0) }
    })
  }
  const schedule = (ms: number) => { clearTimeout(timer); timer = setTimeout(apply, ms) }
  const prepare = () => {
    const state = store.getState()
    if (state.autoApply && state.files.reduce((n, f) => n + f.text.length, 0) <= PREPARE_MAX_CHARS) engine.prepare(documentOf(state))
  }
  const offSnapshot = engine.onSnapshot((snapshot) => {
    performance.mark('kubehop:snapshot')
    store.getState().setSnapshot(snapshot)
  })
  // A big change comes in parts: its pods are read for the topology as each part arrives.
  const offParts = engine.onSnapshotPart?.(readPodsAhead) ?? (() => undefined)
  const offReady = engine.onReady((v) => store.getState().setVocabulary(v))
  // `cat > app.yaml <<EOF` in the console: the file becomes (or updates) an editor tab, as on a real disk.
  const offFiles = engine.onFilesWritten((files) => {
    for (const f of files) {
      const s = store.getState()
      if (s.files.some((x) => x.name === f.name)) { s.setFileText(f.name, f.text); s.openFile(f.name) } else s.addFile(f.name, f.text)
    }
  })
  const offDoc = store.subscribe((state, prev) => {
    if (state.applyRequests !== prev.applyRequests) { forced = true; schedule(0) }
    else if (!state.autoApply) { if (state.files !== prev.files) engine.setFiles(state.files) } // scenario: the steps apply
    else if (state.pastes !== prev.pastes) schedule(0) // the paste's text came just before (onChange, then onDidPaste)
    else if (state.files !== prev.files || state.seed !== prev.seed || !prev.autoApply) {
      schedule(delayMs)
      if (delayMs > PREPARE_MS) { clearTimeout(prepareTimer); prepareTimer = setTimeout(prepare, PREPARE_MS) }
    }
  })
  if (store.getState().autoApply) apply()
  return () => { clearTimeout(timer); clearTimeout(prepareTimer); offSnapshot(); offParts(); offReady(); offFiles(); offDoc() }
}
