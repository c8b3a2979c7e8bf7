// The browser's workspace backend, opened once and on demand. Saves wait for it however long it takes (null if the
// browser has no IndexedDB: the status bar says saving is off); the first screen waits at most START_WAIT_MS for it
// (a loaded machine can take seconds to open a database) and shows the default document if it never answers.
import type { WorkspaceBackend } from './backend.ts'
import { IdbBackend, openDatabase } from './idbBackend.ts'

const START_WAIT_MS = 10_000
let opened: Promise<WorkspaceBackend | null> | null = null

export function openBackend(): Promise<WorkspaceBackend | null> {
  opened ??= (async () => {
    try { return new IdbBackend(await openDatabase()) } catch { return null }
  })()
  return opened
}

/** The backend, or null when it has not answered within `ms` (the app must still start). */
export function backendWithin(ms = START_WAIT_MS): Promise<WorkspaceBackend | null> {
  return Promise.race([openBackend(), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))])
}
