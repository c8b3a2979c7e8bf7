// Which document a tab opens with. A link opens as a new workspace (its reload reopens that same one); otherwise the
// tab's own workspace, or the one last used, or the default document. IndexedDB is asked only when the synchronous
// marker (or a one-slot save from before workspaces, migrated here into the first workspace) says there is
// something to read, so a first visit starts as fast as before.
import type { ShareDocument } from '../../share/index.ts'
import { loadDocument } from '../persistence.ts'
import { DOC_KEY, DOC_KEY_V1, LAST_WORKSPACE_KEY, TAB_KEY, WORKSPACES_MARKER } from '../storageKeys.ts'
import type { WorkspaceBackend, WorkspaceDoc, WorkspaceRecord } from './backend.ts'
import { docOfRecord, newId, sameDoc, type CurrentWorkspace, type KeyValue } from './workspaceSession.ts'

export interface Start {
  current: CurrentWorkspace
  baseRev: number
  /** The document to show first. */
  doc: WorkspaceDoc | null
  /** What is stored already (null: save at the first change, or at once for a link). */
  saved: WorkspaceDoc | null
  /** A stored scenario workspace: its steps are replayed once the app runs. */
  scenario: boolean
  /** The link hash this tab opened (remembered for reloads). */
  hash?: string
}

export interface StartInput {
  link: ShareDocument | null
  hash: string
  local: KeyValue
  tab: KeyValue
  backend: () => Promise<WorkspaceBackend | null>
  defaultDoc: WorkspaceDoc
  now?: () => Date
}

const stamp = (d: Date) => `${d.toISOString().slice(0, 10)} ${d.toTimeString().slice(0, 5)}`

function linkName(doc: ShareDocument, when: Date): string {
  return doc.scenario ? `Link: ${doc.scenario.id} · ${stamp(when)}` : `Link · ${stamp(when)}`
}

const fromRecord = (r: WorkspaceRecord): Start => ({
  current: { id: r.id, name: r.name, origin: r.origin, ...(r.returnTo ? { returnTo: r.returnTo } : {}) },
  baseRev: r.rev, doc: docOfRecord(r), saved: docOfRecord(r), scenario: !!r.scenario,
})

function readTab(tab: KeyValue): { id?: string; hash?: string } | null {
  try { return JSON.parse(tab.getItem(TAB_KEY) ?? 'null') as { id?: string; hash?: string } | null } catch { return null }
}

export async function chooseStart(input: StartInput): Promise<Start> {
  const { local, tab } = input
  const now = input.now?.() ?? new Date()
  const mine = readTab(tab)
  const last = local.getItem(LAST_WORKSPACE_KEY) ?? undefined
  if (input.link) {
    const doc: WorkspaceDoc = { files: input.link.files, active: input.link.active ?? input.link.files[0].name, seed: input.link.seed, ...(input.link.scenario ? { scenario: input.link.scenario } : {}) }
    // A reload of the link this tab opened (or last wrote while editing) goes on in the same workspace.
    if (mine?.id && mine.hash === input.hash) {
      const stored = await (await input.backend())?.get(mine.id).catch(() => undefined)
      if (stored) return { ...fromRecord(stored), doc, scenario: false, hash: input.hash }
    }
    // The same link opened again (a workshop link clicked twice) goes back to the workspace it made, unless that was edited.
    if (local.getItem(WORKSPACES_MARKER)) {
      const list = await (await input.backend())?.list().catch(() => [] as WorkspaceRecord[]) ?? []
      const same = list.filter((r) => r.origin === 'link' && sameDoc(docOfRecord(r), doc)).sort((a, b) => b.updated - a.updated)[0]
      if (same) return { ...fromRecord(same), doc, scenario: false, hash: input.hash }
    }
    return { current: { id: newId(), name: linkName(input.link, now), origin: 'link', ...(last ? { returnTo: last } : {}) }, baseRev: 0, doc, saved: null, scenario: false, hash: input.hash }
  }
  const legacy = local.getItem(DOC_KEY) !== null || local.getItem(DOC_KEY_V1) !== null
  if (local.getItem(WORKSPACES_MARKER) || legacy) {
    const backend = await input.backend()
    if (backend) {
      const list = await backend.list().catch(() => [] as WorkspaceRecord[])
      const pick = list.find((r) => r.id === mine?.id) ?? list.find((r) => r.id === last) ?? [...list].sort((a, b) => b.updated - a.updated)[0]
      if (pick) return fromRecord(pick)
      const old = loadDocument(local)
      if (old) return migrate(backend, local, old, now)
    } else {
      // No IndexedDB (a locked-down browser): show the old one-slot save if there is one; the status bar says saving is off.
      const old = loadDocument(local)
      if (old) return { current: { id: newId(), name: 'My workspace', origin: 'mine' }, baseRev: 0, doc: old, saved: old, scenario: false }
    }
  }
  return { current: { id: newId(), name: 'My workspace', origin: 'mine' }, baseRev: 0, doc: null, saved: input.defaultDoc, scenario: false }
}

/** The one-slot save from before workspaces becomes "My workspace"; the old key goes only once that is stored. */
async function migrate(backend: WorkspaceBackend, local: KeyValue, old: WorkspaceDoc, now: Date): Promise<Start> {
  const record: WorkspaceRecord = { id: newId(), name: 'My workspace', origin: 'mine', ...docOfRecord(old), rev: 1, updated: now.getTime(), writer: 'migration' }
  try {
    const result = await backend.commit(record, 0, 20)
    if (result.ok) {
      local.setItem(WORKSPACES_MARKER, '1')
      local.removeItem?.(DOC_KEY)
      local.removeItem?.(DOC_KEY_V1)
      return fromRecord(record)
    }
  } catch { /* keep the old key: next load tries again */ }
  return { current: { id: record.id, name: record.name, origin: 'mine' }, baseRev: 0, doc: old, saved: null, scenario: false }
}
