// The YAML editor itself; this module (and Monaco with it) is loaded only after the topology is drawn.
import Editor from '@monaco-editor/react'
import './monacoSetup.ts'
import { getApp, useApp } from '../store.ts'
import { MODEL_URI } from './placeholderSchema.ts'

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
}

export default function MonacoEditor() {
  const text = useApp((s) => s.text)
  const theme = useApp((s) => s.theme)
  return (
    <Editor
      path={MODEL_URI}
      defaultLanguage="yaml"
      value={text}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      options={options}
      loading={<p className="pane__placeholder">Starting the editor…</p>}
      onChange={(value) => getApp().setText(value ?? '')}
      onMount={() => {
        performance.mark('kubehop:editor-ready')
        getApp().markEditorReady()
      }}
    />
  )
}
