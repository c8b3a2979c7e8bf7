// Workspaces in IndexedDB (database `kubehop`): `workspaces` by id, `versions` with an index by workspace. A
// commit is one readwrite transaction over both, so a full disk (QuotaExceededError aborts it) leaves the saved
// revision exactly as it was.
import { versionOf, type CommitResult, type VersionRecord, type WorkspaceBackend, type WorkspaceRecord } from './backend.ts'

const DB_NAME = 'kubehop'
const WS = 'workspaces'
const VERSIONS = 'versions'

const done = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
  request.onsuccess = () => resolve(request.result)
  request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
})

const finished = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => {
  tx.oncomplete = () => resolve()
  tx.onabort = () => reject(tx.error ?? new DOMException('the save was aborted', 'AbortError'))
  tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
})

export function openDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      const db = request.result
      db.createObjectStore(WS, { keyPath: 'id' })
      db.createObjectStore(VERSIONS, { autoIncrement: true }).createIndex('workspace', 'workspace')
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'))
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
  })
}

export class IdbBackend implements WorkspaceBackend {
  constructor(private readonly db: IDBDatabase) {}

  list(): Promise<WorkspaceRecord[]> {
    return done(this.db.transaction(WS).objectStore(WS).getAll() as IDBRequest<WorkspaceRecord[]>)
  }

  get(id: string): Promise<WorkspaceRecord | undefined> {
    return done(this.db.transaction(WS).objectStore(WS).get(id) as IDBRequest<WorkspaceRecord | undefined>)
  }

  async commit(record: WorkspaceRecord, expectedRev: number, keepVersions: number): Promise<CommitResult> {
    const tx = this.db.transaction([WS, VERSIONS], 'readwrite')
    const ended = finished(tx)
    const store = tx.objectStore(WS)
    const versions = tx.objectStore(VERSIONS)
    let theirs: WorkspaceRecord | undefined
    try {
      const current = await done(store.get(record.id) as IDBRequest<WorkspaceRecord | undefined>)
      if ((current?.rev ?? 0) !== expectedRev) {
        theirs = current
        tx.abort()
      } else {
        store.put(record)
        versions.add(versionOf(record))
        const keys = await done(versions.index('workspace').getAllKeys(record.id))
        for (const key of keys.slice(0, Math.max(0, keys.length - keepVersions))) versions.delete(key)
      }
    } catch (err) {
      try { tx.abort() } catch { /* already ended */ }
      await ended.catch(() => undefined)
      throw err
    }
    if (theirs) { await ended.catch(() => undefined); return { ok: false, theirs } }
    await ended
    return { ok: true }
  }

  async versions(id: string): Promise<VersionRecord[]> {
    const all = await done(this.db.transaction(VERSIONS).objectStore(VERSIONS).index('workspace').getAll(id) as IDBRequest<VersionRecord[]>)
    return all.reverse()
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction([WS, VERSIONS], 'readwrite')
    const ended = finished(tx)
    tx.objectStore(WS).delete(id)
    const versions = tx.objectStore(VERSIONS)
    for (const key of await done(versions.index('workspace').getAllKeys(id))) versions.delete(key)
    await ended
  }

  async pruneVersions(keep: number): Promise<void> {
    const tx = this.db.transaction(VERSIONS, 'readwrite')
    const ended = finished(tx)
    const versions = tx.objectStore(VERSIONS)
    const all = await done(versions.getAll() as IDBRequest<VersionRecord[]>)
    const keys = await done(versions.getAllKeys())
    const seen = new Map<string, IDBValidKey[]>()
    all.forEach((v, i) => seen.set(v.workspace, [...(seen.get(v.workspace) ?? []), keys[i]]))
    for (const ks of seen.values()) for (const key of ks.slice(0, Math.max(0, ks.length - keep))) versions.delete(key)
    await ended
  }
}
