// Entry point: restore the saved document, start the engine worker, render the shell.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { syncEngine } from './engineSync.ts'
import { defaultFiles } from './fixtures/defaultDocument.ts'
import { autosave, loadDocument, loadTheme } from './persistence.ts'
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
const saved = loadDocument(localStorage)
const store = installStore(createAppStore({ files: saved?.files ?? defaultFiles, active: saved?.active, seed: saved?.seed,
  theme, freeze: import.meta.env.DEV }))
autosave(store, localStorage, window)
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
