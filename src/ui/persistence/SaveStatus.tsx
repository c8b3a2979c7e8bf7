// The status bar's word on saving: which workspace, saved or not, and when it is not, why and a way out (export,
// free space), or the choice when another tab saved the same workspace.
import { freeSpace, keepMineAsCopy, takeTheirs, useWorkspaces } from './workspaceSession.ts'

const exportNow = () => void import('../importExport/exportDocument.ts').then((m) => m.exportDocument())

export function SaveStatus() {
  const problem = useWorkspaces((s) => s.problem)
  const conflict = useWorkspaces((s) => s.conflict)
  const savedAt = useWorkspaces((s) => s.savedAt)
  const name = useWorkspaces((s) => s.current.name)
  if (conflict) {
    return (
      <div className="save-status is-error" role="alert" aria-label="Save status">
        “{name}” was changed in another tab: not saved here.
        <button type="button" className="button button--small" onClick={takeTheirs}>Take theirs</button>
        <button type="button" className="button button--small" onClick={() => void keepMineAsCopy()}>Keep mine as a copy</button>
      </div>
    )
  }
  if (problem) {
    return (
      <div className="save-status is-error" role="alert" aria-label="Save status">
        {problem.message}
        <button type="button" className="button button--small" onClick={exportNow}>Export</button>
        {problem.kind === 'quota' && <button type="button" className="button button--small" onClick={() => void freeSpace()}>Free space</button>}
      </div>
    )
  }
  return <div className="save-status" role="status" aria-label="Save status">{savedAt ? `saved in “${name}”` : `“${name}”`}</div>
}
