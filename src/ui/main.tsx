// Entry point: restore the saved document, start the engine worker, render the shell.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { syncEngine } from './engineSync.ts'
import { defaultFiles } from './fixtures/defaultDocument.ts'
import { loadTheme, saveTheme } from './persistence.ts'
import { backendWithin, openBackend } from './persistence/openBackend.ts'
import { chooseStart } from './persistence/start.ts'
import { setStartupReplay, startSession } from './persistence/workspaceSession.ts'
import { initialLink } from './share/linkState.ts'
import { startFromPrecomputed } from './precomputedStart.ts'
import { startEditorAfterTopology } from './editor/startEditor.ts'
import { whenState } from './whenState.ts'
import { viewMode } from './share/viewMode.ts'
import { startEngine } from './startEngine.ts'
import { createAppStore, installStore } from './store.ts'
import { warmUpLayout } from './topology/elkLayouter.ts'
import './styles/app.css'

const theme = loadTheme(localStorage, matchMedia('(prefers-color-scheme: dark)').matches)
document.documentElement.dataset.theme = theme // before the first paint: no flash of the wrong theme
// The document comes from this tab's workspace (IndexedDB, read only when a marker says one is saved), or a link,
// which opens as a new workspace beside the user's own.
const start = await chooseStart({ link: initialLink.doc, hash: location.hash, local: localStorage, tab: sessionStorage, backend: backendWithin,
  defaultDoc: { files: defaultFiles, active: defaultFiles[0].name, seed: 1 } })
const first = start.doc
const store = installStore(createAppStore({ files: first?.files ?? defaultFiles, active: first?.active, seed: first?.seed,
  autoApply: !start.scenario, theme, freeze: import.meta.env.DEV }))
saveTheme(store, localStorage)
startSession({ store, backend: openBackend(), current: start.current, baseRev: start.baseRev, saved: start.saved, local: localStorage,
  tab: sessionStorage, channel: 'BroadcastChannel' in window ? new BroadcastChannel('kubehop.workspaces') : null, page: window, hash: start.hash })
if (start.scenario) setStartupReplay(start.doc)
if (!viewMode.embed) startEditorAfterTopology(store) // the embedded view has no editor
// ELK is needed only when the graph's shape changes: parse its worker once the editor is up and the page idles.
const offEditor = store.subscribe((state) => {
  if (!state.editorReady) return
  offEditor()
  if ('requestIdleCallback' in window) requestIdleCallback(() => warmUpLayout(), { timeout: 3000 })
  else setTimeout(warmUpLayout, 500)
})
const { engine, launch } = startEngine()
engine.onError((message) => console.warn(`kubehop engine: ${message}`))
syncEngine(store, startFromPrecomputed(store, engine))
// A precomputed first screen needs no engine yet: build the cluster once the editor is up, so that on two cores
// it does not compete with the first render and Monaco's start (the embedded view has no editor: after the topology).
if (!store.getState().snapshot) launch()
else if (viewMode.embed) whenState(store, (s) => s.topologyReady, launch, 2000)
else whenState(store, (s) => s.editorReady, launch, 4000) // the editor itself waits for the topology

createRoot(document.getElementById('root')!).render(<StrictMode><App engine={engine} /></StrictMode>)
