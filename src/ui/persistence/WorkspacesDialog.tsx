// "Workspaces": every saved workspace (the user's own, links, imports, scenarios) to open or delete, and the kept
// versions of the one on screen to restore (undo that survives a reload).
import { useCallback, useEffect, useState } from 'react'
import { Modal } from '../share/Modal.tsx'
import type { VersionRecord } from './backend.ts'
import { deleteWorkspace, refreshWorkspaces, restoreVersion, switchWorkspace, useWorkspaces, versionsOfCurrent, workspaceStore } from './workspaceSession.ts'

const ORIGIN = { mine: 'yours', link: 'from a link', import: 'imported', scenario: 'scenario' } as const
const when = (ms: number) => new Date(ms).toLocaleString()
const size = (v: { files: { text: string }[] }) => `${v.files.length} file${v.files.length === 1 ? '' : 's'}, ${v.files.reduce((n, f) => n + f.text.length, 0).toLocaleString('en')} characters`

export function WorkspacesDialog() {
  const open = useWorkspaces((s) => s.dialogOpen)
  const close = useCallback(() => workspaceStore.setState({ dialogOpen: false }), [])
  if (!open) return null
  return <Modal label="Workspaces" onClose={close} className="workspaces-dialog"><WorkspacesBody onClose={close} /></Modal>
}

function WorkspacesBody({ onClose }: { onClose: () => void }) {
  const list = useWorkspaces((s) => s.list)
  const current = useWorkspaces((s) => s.current)
  const savedAt = useWorkspaces((s) => s.savedAt)
  const [versions, setVersions] = useState<VersionRecord[] | null>(null)
  useEffect(() => { void refreshWorkspaces() }, [])
  useEffect(() => { versionsOfCurrent().then(setVersions, () => setVersions([])) }, [current.id, savedAt])
  return (
    <div className="workspaces">
      <section aria-label="Saved workspaces">
        <h3>Workspaces</h3>
        {!list.length && <p>Nothing saved yet: your first edit saves “{current.name}”.</p>}
        <ul className="workspaces__list">
          {list.map((w) => (
            <li key={w.id} aria-label={`Workspace ${w.name}`} aria-current={w.id === current.id || undefined}>
              <span className="workspaces__name">{w.name}</span>
              <span className="workspaces__meta">{ORIGIN[w.origin]} · {size(w)} · saved {when(w.updated)}</span>
              {w.id === current.id ? <span className="workspaces__here">open here</span> : <>
                <button type="button" className="button button--small" onClick={() => { onClose(); void switchWorkspace(w.id) }}>Open</button>
                <button type="button" className="button button--small" onClick={() => void deleteWorkspace(w.id)} aria-label={`Delete ${w.name}`}>Delete</button>
              </>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Versions">
        <h3>Versions of “{current.name}”</h3>
        {versions && !versions.length && <p>No versions yet.</p>}
        <ol className="workspaces__versions">
          {versions?.map((v, i) => (
            <li key={`${v.rev}-${i}`} aria-label={`Version ${v.rev}`}>
              <span>{when(v.at)} · {size(v)}</span>
              {i > 0 && <button type="button" className="button button--small" onClick={() => { restoreVersion(v); onClose() }}>Restore</button>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
