import { describe, expect, it } from 'vitest'
import { defaultFiles } from '../ui/fixtures/defaultDocument.ts'
import { EngineHost } from './engineHost.ts'
import { SnapshotAssembler, SnapshotDiffer, type SnapshotMessage } from './snapshotDiff.ts'

const withReplicas = (n: number) => defaultFiles.map((f) => ({ ...f, text: f.text.replace(/replicas: \d+/, `replicas: ${n}`) }))

describe('snapshot diffs', () => {
  it('rebuild the worker snapshot exactly, sharing unchanged objects', () => {
    const host = new EngineHost()
    const differ = new SnapshotDiffer()
    const ui = new SnapshotAssembler()
    const send = () => {
      const message = structuredClone(differ.next(host.cluster, host.snapshot())) as SnapshotMessage // as postMessage does
      return { message, snapshot: message.type === 'snapshot' ? ui.full(message.snapshot) : ui.apply(message.diff) }
    }
    host.apply({ files: defaultFiles, seed: 1 })
    const first = send()
    expect(first.message.type).toBe('snapshot')
    expect(first.snapshot).toEqual(host.snapshot())

    let prevUi = first.snapshot!
    for (const n of [5, 2, 5]) {
      host.apply({ files: withReplicas(n), seed: 1 })
      const next = send()
      expect(next.message.type).toBe('snapshotDiff')
      expect(next.snapshot).toEqual(host.snapshot())
      expect(next.snapshot).not.toBe(prevUi)
      const byUid = new Map(prevUi.objects.map((o) => [o.metadata.uid, o]))
      const node = next.snapshot!.objects.find((o) => o.kind === 'Node')!
      expect(byUid.get(node.metadata.uid)).toBe(node) // unchanged: the very same object
      const diff = (next.message as { diff: { upserted: unknown[] } }).diff
      expect(diff.upserted.length).toBeLessThan(next.snapshot!.objects.length / 2)
      prevUi = next.snapshot!
    }
  })

  it('sends the whole cluster again after a reset', () => {
    const host = new EngineHost()
    const differ = new SnapshotDiffer()
    host.apply({ files: defaultFiles, seed: 1 })
    expect(differ.next(host.cluster, host.snapshot()).type).toBe('snapshot')
    host.reset(1, defaultFiles)
    expect(differ.next(host.cluster, host.snapshot()).type).toBe('snapshot')
  })
})
