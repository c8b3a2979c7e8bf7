// Where workspaces are kept: the browser uses IndexedDB (idbBackend.ts), the unit tests an in-memory copy with the
// same contract (memoryBackend.ts). A commit is atomic: the record and its version are written together, or nothing.
import type { SharedScenario } from '../../share/index.ts'
import type { DocFile } from '../../worker/protocol.ts'

/** Where a workspace came from: the user's own, a share link, an import, a gallery scenario. */
export type WorkspaceOrigin = 'mine' | 'link' | 'import' | 'scenario'

export interface WorkspaceDoc { files: DocFile[]; active: string; seed: number; scenario?: SharedScenario }

export interface WorkspaceRecord extends WorkspaceDoc {
  id: string
  name: string
  origin: WorkspaceOrigin
  /** The workspace the user was in when this one opened ("Close scenario" goes back there). */
  returnTo?: string
  /** Bumped by every save: a tab that saves over a revision it has not seen is told, never silently wins. */
  rev: number
  /** Wall-clock time of the last save (ms since 1970), for the list. */
  updated: number
  /** The tab that wrote this revision. */
  writer: string
}

export interface VersionRecord extends WorkspaceDoc { workspace: string; rev: number; at: number }

export type CommitResult = { ok: true } | { ok: false; theirs: WorkspaceRecord }

export interface WorkspaceBackend {
  list(): Promise<WorkspaceRecord[]>
  get(id: string): Promise<WorkspaceRecord | undefined>
  /** Writes `record` (and a version of it) if the stored revision is still `expectedRev` (0: not stored yet). */
  commit(record: WorkspaceRecord, expectedRev: number, keepVersions: number): Promise<CommitResult>
  /** The kept versions of a workspace, newest first. */
  versions(id: string): Promise<VersionRecord[]>
  remove(id: string): Promise<void>
  /** Frees space: keeps only the newest `keep` versions of every workspace. */
  pruneVersions(keep: number): Promise<void>
}

export const versionOf = (r: WorkspaceRecord): VersionRecord => ({ workspace: r.id, rev: r.rev, at: r.updated, files: r.files, active: r.active, seed: r.seed,
  ...(r.scenario ? { scenario: r.scenario } : {}) })
