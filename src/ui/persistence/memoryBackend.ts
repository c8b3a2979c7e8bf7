// The workspace backend's contract in memory, for unit tests (Node has no IndexedDB). `failWith` makes the next
// commits throw, as a full disk does.
import { versionOf, type CommitResult, type VersionRecord, type WorkspaceBackend, type WorkspaceRecord } from './backend.ts'

export class MemoryBackend implements WorkspaceBackend {
  records = new Map<string, WorkspaceRecord>()
  kept: VersionRecord[] = []
  failWith: Error | null = null

  async list() { return [...this.records.values()].map((r) => structuredClone(r)) }
  async get(id: string) { const r = this.records.get(id); return r && structuredClone(r) }
  async commit(record: WorkspaceRecord, expectedRev: number, keepVersions: number): Promise<CommitResult> {
    if (this.failWith) throw this.failWith
    const current = this.records.get(record.id)
    if ((current?.rev ?? 0) !== expectedRev) return { ok: false, theirs: structuredClone(current!) }
    this.records.set(record.id, structuredClone(record))
    this.kept.push(structuredClone(versionOf(record)))
    const mine = this.kept.filter((v) => v.workspace === record.id)
    const drop = new Set(mine.slice(0, Math.max(0, mine.length - keepVersions)))
    this.kept = this.kept.filter((v) => !drop.has(v))
    return { ok: true }
  }
  async versions(id: string) { return this.kept.filter((v) => v.workspace === id).reverse().map((v) => structuredClone(v)) }
  async remove(id: string) { this.records.delete(id); this.kept = this.kept.filter((v) => v.workspace !== id) }
  async pruneVersions(keep: number) {
    const byWs = new Map<string, VersionRecord[]>()
    for (const v of this.kept) byWs.set(v.workspace, [...(byWs.get(v.workspace) ?? []), v])
    this.kept = [...byWs.values()].flatMap((vs) => vs.slice(-keep))
  }
}
