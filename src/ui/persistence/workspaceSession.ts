// This tab's workspace: autosave into it (after a pause in typing, at once when the page hides), opening links,
// imports and scenarios as new workspaces beside it, switching, restoring versions, and two tabs on one workspace.
// Every save names the revision it builds on: if another tab saved since, nothing is overwritten and the user
// chooses ("take theirs" or "keep mine as a copy"). A failed save (full disk, document too large) is reported at
// once and leaves the last saved revision as it was.
import { createStore, useStore } from 'zustand'
import { scenarioStore } from '../scenarios/scenarioStore.ts'
import type { AppStore } from '../store.ts'
import type { ShareDocument } from '../../share/index.ts'
import { LAST_WORKSPACE_KEY, TAB_KEY, WORKSPACES_MARKER } from '../storageKeys.ts'
import type { VersionRecord, WorkspaceBackend, WorkspaceDoc, WorkspaceOrigin, WorkspaceRecord } from './backend.ts'

/** Characters of all files together that one save may hold (IndexedDB takes more; a bigger document is not a manifest). */
const MAX_SAVE_CHARS = 4_000_000
/** Versions kept per workspace for "restore version" (one per save, a save per pause in typing). */
const KEEP_VERSIONS = 20

export interface CurrentWorkspace { id: string; name: string; origin: WorkspaceOrigin; returnTo?: string }
interface SaveProblem { kind: 'quota' | 'size' | 'failed' | 'unavailable'; message: string }

export interface WorkspaceState {
  current: CurrentWorkspace
  /** The saved workspaces (newest first), for the switcher. */
  list: WorkspaceRecord[]
  /** The last save failed (or cannot happen): the status bar says why and offers a way out. */
  problem: SaveProblem | null
  /** Another tab saved this workspace over what this tab started from: its revision, until the user chooses. */
  conflict: WorkspaceRecord | null
  /** When this tab last saved (ms since 1970). */
  savedAt: number | null
  /** The workspaces dialog is open. */
  dialogOpen: boolean
}

export interface KeyValue { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem?(key: string): void }
export interface Channel { postMessage(message: unknown): void; onmessage: ((event: MessageEvent) => void) | null }

type SavedMessage = { type: 'saved' | 'removed'; id: string; rev: number; tab: string }

export const newId = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`)

export const workspaceStore = createStore<WorkspaceState>()(() => ({
  current: { id: 'unsaved', name: 'My workspace', origin: 'mine' }, list: [], problem: null, conflict: null, savedAt: null, dialogOpen: false,
}))
export const useWorkspaces = <T,>(selector: (s: WorkspaceState) => T): T => useStore(workspaceStore, selector)

export function sameDoc(a: WorkspaceDoc, b: WorkspaceDoc): boolean {
  return a.active === b.active && a.seed === b.seed && a.files.length === b.files.length
    && a.files.every((f, i) => f.name === b.files[i].name && f.text === b.files[i].text)
    && (a.scenario?.id ?? null) === (b.scenario?.id ?? null) && (a.scenario?.step ?? 0) === (b.scenario?.step ?? 0)
}

export const docOfRecord = (r: WorkspaceDoc): WorkspaceDoc => ({ files: r.files, active: r.active, seed: r.seed, ...(r.scenario ? { scenario: r.scenario } : {}) })

function problemOf(err: unknown): SaveProblem {
  const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : ''
  if (name === 'QuotaExceededError' || /quota/i.test(String(err))) return { kind: 'quota', message: 'Not saved: the browser’s storage is full. Your last saved version is safe.' }
  return { kind: 'failed', message: 'Not saved: the browser refused to store the document. Your last saved version is safe.' }
}

export interface SessionOptions {
  store: AppStore
  backend: Promise<WorkspaceBackend | null>
  current: CurrentWorkspace
  /** The stored revision this tab starts from (0: not stored yet). */
  baseRev: number
  /** What is stored already (nothing to save until the document differs from it). */
  saved: WorkspaceDoc | null
  local: KeyValue
  tab: KeyValue
  channel?: Channel | null
  page?: { addEventListener(type: 'pagehide', l: () => void): void }
  delayMs?: number
  /** The link hash this tab opened (a reload of it reopens this workspace). */
  hash?: string
}

/** One session per tab (main.tsx starts it); the functions below act on it. */
export class Session {
  readonly tabId = newId()
  private timer: ReturnType<typeof setTimeout> | undefined
  private inFlight: Promise<void> | null = null
  private again = false
  baseRev: number
  saved: WorkspaceDoc | null

  constructor(readonly o: SessionOptions) {
    this.baseRev = o.baseRev
    this.saved = o.saved
    workspaceStore.setState({ current: o.current })
    this.remember(o.hash)
    o.store.subscribe((s, p) => { if (s.files !== p.files || s.active !== p.active || s.seed !== p.seed) this.schedule() })
    scenarioStore.subscribe((s, p) => { if (s.scenario !== p.scenario || s.cursor !== p.cursor) this.schedule() })
    o.page?.addEventListener('pagehide', () => { if (this.timer !== undefined) void this.flush() })
    if (o.channel) o.channel.onmessage = (e: { data: unknown }) => void this.heard(e.data as SavedMessage)
  }

  backend() { return this.o.backend }

  /** The document on screen, as a workspace holds it. */
  doc(): WorkspaceDoc {
    const { files, active, seed } = this.o.store.getState()
    const s = scenarioStore.getState()
    const scenario = s.scenario ? { id: s.scenario.id, steps: s.stepsText, step: s.cursor, ...(s.assets.length ? { assets: s.assets } : {}) } : undefined
    return { files, active, seed, ...(scenario ? { scenario } : {}) }
  }

  /** This tab's workspace (and the link hash it shows) for a reload; `last` also makes it the one a new tab opens. */
  remember(hash?: string, last = workspaceStore.getState().current.origin !== 'link') {
    const { id } = workspaceStore.getState().current
    try {
      const before = JSON.parse(this.o.tab.getItem(TAB_KEY) ?? 'null') as { id?: string; hash?: string } | null
      this.o.tab.setItem(TAB_KEY, JSON.stringify({ id, hash: hash ?? (before?.id === id ? before.hash : undefined) }))
      // A link only opened (not yet edited) does not become the workspace a new tab shows: the user's own stays that.
      if (last) this.o.local.setItem(LAST_WORKSPACE_KEY, id)
    } catch { /* storage refused: only convenience is lost */ }
  }

  schedule() {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), this.o.delayMs ?? 300)
  }

  get dirty() { return this.timer !== undefined || this.inFlight !== null || (this.saved !== null && !sameDoc(this.doc(), this.saved)) }

  async flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.inFlight) { this.again = true; return this.inFlight }
    if (workspaceStore.getState().conflict) return
    const doc = this.doc()
    if (this.saved && sameDoc(doc, this.saved)) return
    const chars = [...doc.files, ...(doc.scenario?.assets ?? [])].reduce((n, f) => n + f.text.length, 0) + (doc.scenario?.steps.length ?? 0)
    if (chars > MAX_SAVE_CHARS) {
      workspaceStore.setState({ problem: { kind: 'size', message: `Not saved: the document holds ${chars.toLocaleString('en')} characters (at most ${MAX_SAVE_CHARS.toLocaleString('en')}). Your last saved version is safe.` } })
      return
    }
    this.inFlight = this.write(doc)
    try { await this.inFlight } finally { this.inFlight = null }
    if (this.again) { this.again = false; await this.flush() }
  }

  private async write(doc: WorkspaceDoc): Promise<void> {
    const backend = await this.o.backend
    if (!backend) {
      workspaceStore.setState({ problem: { kind: 'unavailable', message: 'Not saved: this browser gives kubehop no storage (private window?). Export to keep your work.' } })
      return
    }
    const current = workspaceStore.getState().current
    const record: WorkspaceRecord = { ...current, ...doc, rev: this.baseRev + 1, updated: Date.now(), writer: this.tabId }
    try {
      const result = await backend.commit(record, this.baseRev, KEEP_VERSIONS)
      if (!result.ok) { workspaceStore.setState({ conflict: result.theirs }); return }
      this.baseRev = record.rev
      this.saved = doc
      workspaceStore.setState({ problem: null, savedAt: record.updated })
      try { this.o.local.setItem(WORKSPACES_MARKER, '1') } catch { /* the head script then starts the engine later */ }
      if (record.origin !== 'link') this.remember(undefined, true)
      this.o.channel?.postMessage({ type: 'saved', id: record.id, rev: record.rev, tab: this.tabId } satisfies SavedMessage)
      void this.refreshList()
    } catch (err) {
      workspaceStore.setState({ problem: problemOf(err) })
    }
  }

  /** Another tab saved or removed a workspace. */
  private async heard(message: SavedMessage) {
    if (!message || message.tab === this.tabId) return
    void this.refreshList()
    const current = workspaceStore.getState().current
    if (message.type !== 'saved' || message.id !== current.id || message.rev <= this.baseRev) return
    const theirs = await (await this.o.backend)?.get(current.id)
    if (!theirs || theirs.rev <= this.baseRev) return
    if (this.dirty || workspaceStore.getState().conflict) workspaceStore.setState({ conflict: theirs })
    else this.adopt(theirs)
  }

  /** Shows a stored revision of this workspace (another tab's) in place of what is on screen. */
  adopt(record: WorkspaceRecord) {
    this.baseRev = record.rev
    this.saved = docOfRecord(record)
    const app = this.o.store.getState()
    app.replaceDocument({ files: record.files, active: record.active, seed: record.seed, autoApply: app.autoApply })
    workspaceStore.setState({ conflict: null })
  }

  async refreshList() {
    const backend = await this.o.backend
    if (!backend) return
    try {
      const list = (await backend.list()).sort((a, b) => b.updated - a.updated)
      workspaceStore.setState({ list })
    } catch { /* the list is a convenience */ }
  }

  /** Makes `current` this tab's workspace (not stored yet unless `rev` says so). */
  enter(current: CurrentWorkspace, rev: number, saved: WorkspaceDoc | null, chosen = false) {
    clearTimeout(this.timer)
    this.timer = undefined
    this.baseRev = rev
    this.saved = saved
    workspaceStore.setState({ current, conflict: null, problem: null })
    this.remember(undefined, chosen || current.origin !== 'link')
  }
}

let session: Session | null = null

export function startSession(options: SessionOptions): Session {
  session = new Session(options)
  void session.refreshList()
  return session
}

const active = (): Session => {
  if (!session) throw new Error('workspace session not started')
  return session
}

/** Saves now what is on screen (before leaving a workspace, and in tests). */
export const flushWorkspace = (): Promise<void> => active().flush()

/**
 * Opens a new workspace beside the current one (a link, an import, a scenario): saves the current one first, then
 * everything that changes the document lands in the new one. Returns its id.
 */
export async function beginWorkspace(origin: WorkspaceOrigin, name: string): Promise<string> {
  const s = active()
  if (s.baseRev === 0) s.saved = null // the workspace to come back to must exist, even if it is still the default document
  await s.flush()
  const from = workspaceStore.getState().current
  const id = newId()
  s.enter({ id, name: name.slice(0, 80), origin, returnTo: from.id }, 0, null)
  return id
}

/** How a workspace's document is opened (openShared). Set by the share runtime at start, not imported here: the
 * opener imports the scenario runner, which imports this module. */
let openDocument: ((doc: ShareDocument) => Promise<void>) | null = null
export function setDocumentOpener(open: (doc: ShareDocument) => Promise<void>): void { openDocument = open }

/** Opens a stored workspace in this tab: a fresh cluster with its seed, its files applied (or its scenario replayed). */
export async function switchWorkspace(id: string): Promise<boolean> {
  const s = active()
  await s.flush()
  const record = await (await s.backend())?.get(id)
  if (!record) return false
  s.enter({ id: record.id, name: record.name, origin: record.origin, ...(record.returnTo ? { returnTo: record.returnTo } : {}) }, record.rev, docOfRecord(record), true)
  await openDocument?.({ v: 2, files: record.files, active: record.active, seed: record.seed, ...(record.scenario ? { scenario: record.scenario } : {}) })
  return true
}

/** "Take theirs": the other tab's revision replaces what is on screen. */
export function takeTheirs(): void {
  const theirs = workspaceStore.getState().conflict
  if (theirs) active().adopt(theirs)
}

/** "Keep mine as a copy": what is on screen becomes a new workspace; the other tab's revision stays where it is. */
export async function keepMineAsCopy(): Promise<void> {
  const s = active()
  const { current } = workspaceStore.getState()
  s.enter({ id: newId(), name: `${current.name.replace(/ \(copy\)$/, '')} (copy)`.slice(0, 80), origin: current.origin, ...(current.returnTo ? { returnTo: current.returnTo } : {}) }, 0, null)
  await s.flush()
}

/** Puts a kept version back on screen (it is saved as the newest revision; what it replaces stays a version too). */
export function restoreVersion(version: VersionRecord): void {
  const app = active().o.store.getState()
  app.replaceDocument({ files: version.files, active: version.active, seed: version.seed, autoApply: app.autoApply })
}

export async function versionsOfCurrent(): Promise<VersionRecord[]> {
  const backend = await active().backend()
  return backend ? backend.versions(workspaceStore.getState().current.id) : []
}

export async function deleteWorkspace(id: string): Promise<void> {
  const s = active()
  if (id === workspaceStore.getState().current.id) return
  await (await s.backend())?.remove(id)
  s.o.channel?.postMessage({ type: 'removed', id, rev: 0, tab: s.tabId } satisfies SavedMessage)
  await s.refreshList()
}

/** "Free space": drops all but the newest version of every workspace, then tries the save again. */
export async function freeSpace(): Promise<void> {
  const s = active()
  try { await (await s.backend())?.pruneVersions(1) } catch { /* still full: the message stays */ }
  workspaceStore.setState({ problem: null })
  s.saved = null
  await s.flush()
}

export const refreshWorkspaces = (): Promise<void> => active().refreshList()

let startupDoc: WorkspaceDoc | null = null
/** A stored scenario workspace reopened at start-up: its steps are replayed once the runtime is up (useShareRuntime). */
export const setStartupReplay = (doc: WorkspaceDoc | null) => { startupDoc = doc }
export function takeStartupReplay(): WorkspaceDoc | null { const doc = startupDoc; startupDoc = null; return doc }

/** Remembers the link hash this tab shows (hashSync writes it), so a reload reopens this workspace. */
export function rememberHash(hash: string): void { session?.remember(hash) }
