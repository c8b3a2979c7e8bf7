// The YAML editor itself; this module (and Monaco with it) is loaded only after the topology is drawn.
// One Monaco model per file (its own undo stack, kept across applies and tab switches); the engine's
// markers (YAML, API server, lint) are set on each file's model beside monaco-yaml's schema markers.
import Editor from '@monaco-editor/react'
import { useEffect, useMemo } from 'react'
import { useCodeFontSize } from '../theme/codeFont.ts'
import { clipboardText, guardStore, languageRefusal, pasteRefusal, setGuardNotice } from './inputGuard.ts'
import { modelUri, monaco } from './monacoSetup.ts'
import { getApp, useApp } from '../store.ts'
import type { EditorMarker } from '../../worker/protocol.ts'

const options = {
  editContext: false, // Chromium's EditContext drops spaces typed by Playwright (stack notes, pitfall 5)
  ariaLabel: 'YAML manifest',
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  fixedOverflowWidgets: true,
  renderLineHighlight: 'line' as const,
  stickyScroll: { enabled: false }, // its pinned parent lines hide the line a marker points at
  quickSuggestions: { other: true, comments: false, strings: true },
}

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info }
const OWNER = 'kubehop'

function toMonaco(m: EditorMarker): monaco.editor.IMarkerData {
  return { severity: SEVERITY[m.severity], message: m.message, source: m.source === 'lint' ? 'kubehop lint' : m.source === 'api' ? 'API server' : m.source,
    startLineNumber: m.line, startColumn: m.col, endLineNumber: m.endLine, endColumn: Math.max(m.endCol, m.col + 1) }
}

/** Measures a paste before Monaco takes it (capture phase, on the editor's container): too large, it never lands. */
function guardPaste(event: ClipboardEvent | DragEvent): void {
  const text = clipboardText('clipboardData' in event ? event.clipboardData : event.dataTransfer)
  const refusal = pasteRefusal(text.length, getApp().files.reduce((n, f) => n + f.text.length, 0))
  setGuardNotice(refusal)
  if (refusal) { event.preventDefault(); event.stopPropagation() }
}

/** Puts the engine's markers on every open model (a model created later gets them on the next store change). */
function syncMarkers(markers: EditorMarker[]): void {
  for (const model of monaco.editor.getModels()) {
    const file = decodeURIComponent(model.uri.path.replace(/^\/kubehop\//, ''))
    monaco.editor.setModelMarkers(model, OWNER, markers.filter((m) => m.file === file).map(toMonaco))
  }
}

export default function MonacoEditor() {
  const text = useApp((s) => s.text)
  const active = useApp((s) => s.active)
  const theme = useApp((s) => s.theme)
  const markers = useApp((s) => s.markers)
  const files = useApp((s) => s.files)
  const fontSize = useCodeFontSize() // 13 px, 20 in presenter mode
  const sized = useMemo(() => ({ ...options, fontSize }), [fontSize])

  useEffect(() => { syncMarkers(markers) }, [markers, active])
  // A file too large for the YAML language worker, or whose aliases expand into a bomb, is edited as plain text.
  const plain = useMemo(() => languageRefusal(text), [text])
  useEffect(() => { guardStore.setState({ plain }) }, [plain])
  // A closed or renamed file's model goes away with it.
  useEffect(() => {
    const names = new Set(files.map((f) => modelUri(f.name)))
    for (const model of monaco.editor.getModels()) if (model.uri.scheme === 'file' && !names.has(model.uri.toString())) model.dispose()
  }, [files])

  return (
    <Editor
      path={modelUri(active)}
      defaultLanguage="yaml"
      language={plain ? 'plaintext' : 'yaml'}
      value={text}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      options={sized}
      loading={<p className="pane__placeholder">Starting the editor…</p>}
      onChange={(value) => getApp().setText(value ?? '')}
      onMount={(editor) => {
        performance.mark('kubehop:editor-ready')
        getApp().markEditorReady()
        editor.getContainerDomNode().addEventListener('paste', guardPaste, true)
        editor.getContainerDomNode().addEventListener('drop', guardPaste, true) // text dropped into the editor is a paste too
        editor.onDidPaste(() => getApp().notePaste())
        syncMarkers(getApp().markers)
        // Ctrl+S / Ctrl+Enter: apply now (the document is also applied ~250 ms after typing stops).
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => getApp().requestApply())
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => getApp().requestApply())
      }}
    />
  )
}
