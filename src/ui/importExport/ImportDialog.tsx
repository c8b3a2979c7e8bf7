// Import: drop or choose files, or paste YAML (manifests, a `kubectl get … -o yaml` List, a kind config, or a
// kubehop share file). Manifests become tabs; a share file opens like its link.
import { useCallback, useState, type ClipboardEvent, type DragEvent } from 'react'
import { Modal } from '../share/Modal.tsx'
import { openShared } from '../share/openShared.ts'
import { setShare, useShare } from '../share/shareStore.ts'
import { beginWorkspace } from '../persistence/workspaceSession.ts'
import { getApp } from '../store.ts'
import { MAX_IMPORT_CHARS, importText, mergeFiles } from './importFiles.ts'
import { clipboardText } from '../editor/inputGuard.ts'

export function ImportDialog() {
  const open = useShare((s) => s.importOpen)
  const close = useCallback(() => setShare({ importOpen: false }), [])
  if (!open) return null
  return <Modal label="Import" onClose={close} className="import-dialog"><ImportBody onDone={close} /></Modal>
}

async function importAll(items: { name: string; text: string }[]): Promise<string[]> {
  const notes: string[] = []
  const incoming = []
  for (const item of items) {
    const r = importText(item.name, item.text)
    if (r.kind === 'shared') {
      await beginWorkspace('import', `Import: ${item.name}`)
      await openShared(r.doc)
      return [`Opened ${item.name} as a new workspace.`]
    }
    incoming.push(...r.files)
    notes.push(...r.notes)
  }
  // A new workspace: the current tabs with the imported ones; the workspace it came from stays as it was.
  await beginWorkspace('import', `Import: ${incoming.map((f) => f.name).join(', ')}`)
  const app = getApp()
  app.replaceDocument({ files: mergeFiles(app.files, incoming), active: incoming[incoming.length - 1]?.name, seed: app.seed, autoApply: app.autoApply })
  return [`Imported ${incoming.map((f) => f.name).join(', ')}.`, ...notes]
}

function ImportBody({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ error: boolean; lines: string[] } | null>(null)
  const [over, setOver] = useState(false)
  const run = async (items: { name: string; text: string }[]) => {
    try {
      const lines = await importAll(items)
      setMessage({ error: false, lines })
      onDone()
    } catch (err) {
      setMessage({ error: true, lines: [err instanceof Error ? err.message : String(err)] })
    }
  }
  const fromFiles = async (list: FileList | null) => {
    if (!list?.length) return
    // Sizes first: a file over the cap is refused before a byte of it is read.
    const big = [...list].find((f) => f.size > MAX_IMPORT_CHARS)
    if (big) { setMessage({ error: true, lines: [`${big.name} is ${(big.size / 1_000_000).toFixed(1)} MB: files up to ${MAX_IMPORT_CHARS / 1_000_000} MB can be imported.`] }); return }
    await run(await Promise.all([...list].slice(0, 20).map(async (f) => ({ name: f.name, text: await f.text() }))))
  }
  // A paste is measured before the text area takes it: 20 MB laid out in a text area freezes the page.
  const guardPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = clipboardText(e.clipboardData).length
    if (pasted + text.length <= MAX_IMPORT_CHARS) return
    e.preventDefault()
    setMessage({ error: true, lines: [`Paste refused: ${(pasted / 1_000_000).toFixed(1)} MB of text (up to ${MAX_IMPORT_CHARS / 1_000_000} MB can be imported).`] })
  }
  const drop = (e: DragEvent) => { e.preventDefault(); setOver(false); void fromFiles(e.dataTransfer.files) }
  return (
    <div className={over ? 'import import--over' : 'import'} onDragOver={(e) => { e.preventDefault(); setOver(true) }} onDragLeave={() => setOver(false)} onDrop={drop}>
      <p>Drop YAML files here, choose them, or paste YAML below: manifests, the output of <code>kubectl get … -o yaml</code>,
        a kind config, or a file from Share’s download.</p>
      <label className="share__field">Files
        <input type="file" multiple accept=".yaml,.yml,.json,text/yaml,application/json" onChange={(e) => void fromFiles(e.currentTarget.files)} />
      </label>
      <label className="share__field">YAML to import
        <textarea rows={10} value={text} onChange={(e) => setText(e.currentTarget.value)} onPaste={guardPaste} spellCheck={false} />
      </label>
      <div className="share__actions">
        <button type="button" className="button button--primary" disabled={!text.trim()} onClick={() => void run([{ name: 'imported.yaml', text }])}>Import pasted YAML</button>
      </div>
      {message && <div role={message.error ? 'alert' : 'status'}>{message.lines.map((l, i) => <p key={i}>{l}</p>)}</div>}
    </div>
  )
}
