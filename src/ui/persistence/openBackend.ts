// The browser's workspace backend, opened once and on demand. A browser without IndexedDB (or one that never
// answers) gives null after a short wait: the app runs, and the status bar says saving is off.
import type { WorkspaceBackend } from './backend.ts'
import { IdbBackend, openDatabase } from './idbBackend.ts'

const OPEN_TIMEOUT_MS = 3000
let opened: Promise<WorkspaceBackend | null> | null = null

export function openBackend(): Promise<WorkspaceBackend | null> {
  opened ??= new Promise<WorkspaceBackend | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), OPEN_TIMEOUT_MS)
    try {
      openDatabase().then((db) => { clearTimeout(timer); resolve(new IdbBackend(db)) }, () => { clearTimeout(timer); resolve(null) })
    } catch { clearTimeout(timer); resolve(null) }
  })
  return opened
}
