import { describe, expect, it } from 'vitest'
import { defaultFiles } from '../ui/fixtures/defaultDocument.ts'
import { EngineHost } from './engineHost.ts'
import { keyOf } from '../engine/api/types.ts'
import type { SnapshotDiff } from './protocol.ts'
import { SnapshotAssembler, SnapshotDiffer, inParts, type SnapshotMessage } from './snapshotDiff.ts'
import { eventRows } from '../ui/requests/eventRows.ts'
import type { KubeObject } from '../engine/api/types.ts'

const withReplicas = (n: number) => defaultFiles.map((f) => ({ ...f, text: f.text.replace(/replicas: \d+/, `replicas: ${n}`) }))

describe('snapshot diffs', () => {
  it('rebuild the worker snapshot exactly, sharing unchanged objects', () => {
    const host = new EngineHost()
    const differ = new SnapshotDiffer()
    const ui = new SnapshotAssembler()
    const send = () => {
      const message = structuredClone(differ.next(host.cluster)) as SnapshotMessage // as postMessage does
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
      const diff = (next.message as { diff: SnapshotDiff }).diff
      expect(diff.upserted.length).toBeLessThan(next.snapshot!.objects.length / 2)
      // Only what changed goes out, and only keys the UI holds are removed.
      const before = new Map(prevUi.objects.map((o) => [keyOf(o), o]))
      for (const u of diff.upserted) expect(before.get(u.key)?.metadata.resourceVersion).not.toBe(u.object.metadata.resourceVersion)
      for (const key of diff.removed) expect(before.has(key)).toBe(true)
      // A scale-down's pods are Terminating (graceful deletion): sent as changed, removed only when the kubelet is done.
      if (n === 2) expect(diff.upserted.filter((u) => u.key.startsWith('Pod/default/kubia-') && u.object.metadata.deletionTimestamp)).toHaveLength(3)
      prevUi = next.snapshot!
    }
  })

  it('leaves out an object created and deleted between two messages', () => {
    const host = new EngineHost()
    const differ = new SnapshotDiffer()
    host.apply({ files: defaultFiles, seed: 1 })
    differ.next(host.cluster)
    const cluster = host.cluster!
    cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'brief', namespace: 'default' }, data: {} })
    cluster.api.delete('ConfigMap', 'default', 'brief')
    const message = differ.next(cluster)
    expect(message.type).toBe('snapshotDiff')
    const diff = (message as { diff: SnapshotDiff }).diff
    expect(diff.upserted.map((u) => u.key)).not.toContain('ConfigMap/default/brief')
    expect(diff.removed).not.toContain('ConfigMap/default/brief')
    expect(diff.version).toBe(cluster.store.version)
  })

  it('can go out before the lint: the host calls back once the cluster has converged', () => {
    const host = new EngineHost()
    const seen: (number | undefined)[] = []
    const outcome = host.apply({ files: withReplicas(4), seed: 1 }, () => seen.push(host.cluster?.store.version))
    expect(seen).toEqual([host.cluster!.store.version])
    expect(outcome.applied).toBe(true)
    expect(host.apply({ files: [{ name: 'app.yaml', text: 'kind: [' }], seed: 1 }, () => seen.push(-1)).applied).toBe(false)
    expect(seen).toHaveLength(1)
  })

  it('sends the whole cluster again after a reset', () => {
    const host = new EngineHost()
    const differ = new SnapshotDiffer()
    host.apply({ files: defaultFiles, seed: 1 })
    expect(differ.next(host.cluster).type).toBe('snapshot')
    host.reset(1, defaultFiles)
    expect(differ.next(host.cluster).type).toBe('snapshot')
  })

  it('past the cap, sends only the newest Events the event list can show, and the list shows the same rows', () => {
    const host = new EngineHost()
    const differ = new SnapshotDiffer(60, 10) // the list's 60; the window moves after 10 Event writes
    const ui = new SnapshotAssembler()
    const send = () => {
      const message = structuredClone(differ.next(host.cluster)) as SnapshotMessage
      return message.type === 'snapshot' ? ui.full(message.snapshot)! : ui.apply(message.diff)!
    }
    const notEvents = (objects: readonly KubeObject[]) => objects.filter((o) => o.kind !== 'Event')
    const events = (objects: readonly KubeObject[]) => objects.filter((o) => o.kind === 'Event')
    host.apply({ files: defaultFiles, seed: 1 })
    send()
    for (const n of [6, 2, 9, 1, 7, 3, 8]) {
      host.apply({ files: withReplicas(n), seed: 1 })
      host.advance(40)
      const seen = send()
      const all = host.snapshot()!
      expect(notEvents(seen.objects)).toEqual(notEvents(all.objects))
      expect(eventRows(seen.objects, [])).toEqual(eventRows(all.objects, []))
    }
    const all = host.snapshot()!
    expect(events(all.objects).length).toBeGreaterThan(150)
    expect(events(send().objects).length).toBeLessThan(events(all.objects).length / 2)
  })

  it('a big diff goes out in parts: nothing is published before the last, which rebuilds the same snapshot', () => {
    const host = new EngineHost()
    const differ = new SnapshotDiffer()
    const ui = new SnapshotAssembler()
    host.apply({ files: defaultFiles, seed: 1 })
    const first = structuredClone(differ.next(host.cluster)) as SnapshotMessage
    ui.full(first.type === 'snapshot' ? first.snapshot : null)
    host.apply({ files: withReplicas(9), seed: 1 })
    const whole = differ.next(host.cluster)
    const parts = inParts(whole, 3).map((m) => structuredClone(m) as SnapshotMessage)
    expect(whole.type === 'snapshotDiff' && whole.diff.upserted.length).toBeGreaterThan(6)
    expect(parts.length).toBeGreaterThan(2)
    const published = parts.map((m) => (m.type === 'snapshotDiff' ? ui.apply(m.diff) : null))
    expect(published.slice(0, -1).every((s) => s === null)).toBe(true)
    expect(published.at(-1)).toEqual(host.snapshot())
    expect(parts.flatMap((m) => (m.type === 'snapshotDiff' ? m.diff.upserted.map((u) => u.key) : []))).toEqual(whole.type === 'snapshotDiff' ? whole.diff.upserted.map((u) => u.key) : [])
    expect(inParts(whole, 1000)).toEqual([whole]) // a small one as it is
  })

  it('merges new keys in order around the kept ones, drops removed keys, and an upsert of a removed key keeps it', () => {
    const o = (name: string, v = '1') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'x', resourceVersion: v } }) as KubeObject
    const key = (name: string) => `ConfigMap/x/${name}`
    const ui = new SnapshotAssembler()
    const header = { version: 2, time: 0, seed: 1, profile: null }
    ui.full({ ...header, objects: ['b', 'd', 'f'].map((n) => o(n)) })
    const next = ui.apply({ ...header, upserted: ['g', 'a', 'e', 'c', 'd'].map((n) => ({ key: key(n), object: o(n, '2') })), removed: [key('f'), key('b'), key('d')] })!
    expect(next.objects.map((x) => `${x.metadata.name}${x.metadata.resourceVersion}`)).toEqual(['a2', 'c2', 'd2', 'e2', 'g2'])
    const after = ui.apply({ ...header, upserted: [{ key: key('c'), object: o('c', '3') }], removed: [] })!
    expect(after.objects.map((x) => `${x.metadata.name}${x.metadata.resourceVersion}`)).toEqual(['a2', 'c3', 'd2', 'e2', 'g2']) // the index follows
  })
})
