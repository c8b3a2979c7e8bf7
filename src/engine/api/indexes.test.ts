// The store's indexes against a full scan: after any sequence of creates, updates (labels, owners, node, phase,
// selector) and deletes, every look-up returns exactly the objects a scan finds, in the order they were last written.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ObjectStore, compareObjects } from './store.ts'
import type { KubeObject, ObjectKey } from './types.ts'
import { keyOf } from './types.ts'
import { SeededRandom } from '../sim/random.ts'
import { SimClock } from '../sim/clock.ts'
import { fromMap, matches } from './labels.ts'
import { indexesOf, ownedOrOrphans, selectFrom, candidateServices } from '../controllers/informer.ts'

const KINDS = ['Pod', 'ReplicaSet', 'Service'] as const
const NAMESPACES = ['a', 'b']
const NAMES = ['x', 'y', 'z', 'w']
const LABEL_KEYS = ['app', 'tier']
const LABEL_VALUES = ['1', '2']
const NODES = ['n1', 'n2']
const PHASES = [undefined, 'Running', 'Succeeded', 'Failed']

interface Shape {
  kind: (typeof KINDS)[number]; ns: string; name: string
  labels: [string, string][]; owner: number | null; controller: boolean; node: string | null; phase: number; selector: [string, string][]
}

const shape = fc.record({
  kind: fc.constantFrom(...KINDS), ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom(...NAMES),
  labels: fc.array(fc.tuple(fc.constantFrom(...LABEL_KEYS), fc.constantFrom(...LABEL_VALUES)), { maxLength: 2 }),
  owner: fc.option(fc.nat(20)), controller: fc.boolean(), node: fc.option(fc.constantFrom(...NODES)),
  phase: fc.nat(PHASES.length - 1), selector: fc.array(fc.tuple(fc.constantFrom(...LABEL_KEYS), fc.constantFrom(...LABEL_VALUES)), { maxLength: 2 }),
})
const op = fc.oneof(
  fc.record({ type: fc.constant('write' as const), shape }),
  fc.record({ type: fc.constant('delete' as const), kind: fc.constantFrom(...KINDS), ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom(...NAMES) }),
)

/** The object a shape describes; owners are picked among the uids seen so far (or one nobody has). */
function build(s: Shape, uids: string[]): KubeObject {
  const obj: KubeObject = { apiVersion: 'v1', kind: s.kind, metadata: { name: s.name, namespace: s.ns, labels: Object.fromEntries(s.labels) } }
  if (s.owner !== null) {
    const uid = uids.length && s.owner < uids.length * 2 ? uids[s.owner % uids.length] : 'nobody'
    obj.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ReplicaSet', name: 'o', uid, controller: s.controller }]
  }
  if (s.kind === 'Pod') {
    obj.spec = s.node ? { nodeName: s.node } : {}
    if (PHASES[s.phase]) obj.status = { phase: PHASES[s.phase] }
  }
  if (s.kind === 'Service') obj.spec = { selector: Object.fromEntries(s.selector) }
  return obj
}

const keys = (objs: Iterable<KubeObject>) => [...objs].map(keyOf)

describe('StoreIndexes and the cached lists', () => {
  it('agree with a full scan, in write order, after any sequence of writes', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const store = new ObjectStore(new SeededRandom(1), new SimClock())
      const index = indexesOf(store)
      const written = new Map<ObjectKey, number>() // the model: when each object was last written
      const uids: string[] = []
      let tick = 0
      const generations = new Map<string, { gen: number; members: string }>()
      for (const o of ops) {
        if (o.type === 'write') {
          const obj = build(o.shape, uids)
          const existing = store.getByKey(keyOf(obj))
          const stored = existing ? store.update({ ...obj, metadata: { ...obj.metadata, uid: existing.metadata.uid } }) : store.create(obj)
          if (stored !== existing) written.set(keyOf(stored), tick++)
          if (!existing) uids.push(stored.metadata.uid!)
        } else {
          const key = `${o.kind}/${o.ns}/${o.name}`
          if (store.remove(key)) written.delete(key)
        }
        // Full scan, ordered as the model says every bucket must be.
        const all = store.all().sort((x, y) => written.get(keyOf(x))! - written.get(keyOf(y))!)
        const scan = (f: (obj: KubeObject) => boolean) => keys(all.filter(f))
        for (const kind of KINDS) {
          for (const ns of NAMESPACES) {
            const inNs = (x: KubeObject) => x.kind === kind && x.metadata.namespace === ns
            expect(keys(index.inNamespace(kind, ns).values())).toEqual(scan(inNs))
            // list() is cached per revision: it must still be the API's sorted list, and a caller's edits stay its own.
            const listed = store.list(kind, ns)
            expect(keys(listed)).toEqual(keys(store.all().filter(inNs).sort(compareObjects)))
            listed.pop()
            expect(store.list(kind, ns).length).toBe(scan(inNs).length)
            expect(keys(index.orphans(kind, ns).values())).toEqual(scan((x) => inNs(x) && !x.metadata.ownerReferences?.some((r) => r.controller)))
            for (const k of LABEL_KEYS) for (const v of LABEL_VALUES) {
              expect(keys(index.withLabel(kind, ns, k, v).values())).toEqual(scan((x) => inNs(x) && x.metadata.labels?.[k] === v))
              if (kind === 'Service') expect(keys(index.servicesSelecting(ns, k, v).values())).toEqual(scan((x) => inNs(x) && x.spec?.selector?.[k] === v))
              const sel = fromMap({ [k]: v })
              expect(keys(selectFrom(store, kind, ns, sel)).sort()).toEqual(scan((x) => inNs(x) && matches(sel, x.metadata.labels)).sort())
            }
            for (const uid of [...uids, 'nobody']) {
              const owned = (x: KubeObject) => inNs(x) && !!x.metadata.ownerReferences?.some((r) => r.uid === uid)
              const claimable = (x: KubeObject) => owned(x) || (inNs(x) && !x.metadata.ownerReferences?.some((r) => r.controller))
              expect(keys(ownedOrOrphans(store, kind, ns, uid, 'write'))).toEqual(scan(claimable))
              expect(keys(ownedOrOrphans(store, kind, ns, uid, 'list'))).toEqual(keys(store.list(kind, ns).filter(claimable)))
            }
          }
          expect(keys(store.list(kind))).toEqual(keys(store.all().filter((x) => x.kind === kind).sort(compareObjects)))
          for (const uid of [...uids, 'nobody']) expect(keys(index.ownedBy(kind, uid).values())).toEqual(scan((x) => x.kind === kind && !!x.metadata.ownerReferences?.some((r) => r.uid === uid)))
        }
        for (const node of [...NODES, '']) {
          expect(keys(index.podsOnNode(node).values())).toEqual(scan((x) => x.kind === 'Pod' && (x.spec?.nodeName ?? '') === node))
          if (!node) continue
          const running = scan((x) => x.kind === 'Pod' && x.spec?.nodeName === node && !['Succeeded', 'Failed'].includes(x.status?.phase))
          expect(keys(index.runningOnNode(node).values())).toEqual(running)
          // The generation moves whenever the running set does (the scheduler's NodeInfo relies on it).
          const before = generations.get(node)
          const now = { gen: index.runningGeneration(node), members: running.join() }
          if (before && before.members !== now.members) expect(now.gen).not.toBe(before.gen)
          generations.set(node, now)
        }
        for (const obj of all) expect(index.byUid(obj.metadata.uid)).toBe(obj)
        for (const ns of NAMESPACES) {
          const pods = all.filter((x) => x.kind === 'Pod' && x.metadata.namespace === ns)
          const selecting = (svc: KubeObject) => Object.keys(svc.spec?.selector ?? {}).length > 0 && pods.some((p) => matches(fromMap(svc.spec.selector), p.metadata.labels))
          // Candidates may include Services that select none of the pods, never miss one that does.
          const candidates = keys(candidateServices(store, ns, pods))
          expect(candidates).toEqual([...candidates].sort())
          for (const svc of store.list('Service', ns)) if (selecting(svc)) expect(candidates).toContain(keyOf(svc))
        }
      }
    }), { numRuns: 150, seed: 16 })
  })

  it('bumps the revision of a kind and namespace on every write there, and only there', () => {
    const store = new ObjectStore(new SeededRandom(1), new SimClock())
    const index = indexesOf(store)
    const svc = store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'a' }, spec: { selector: { app: '1' } } })
    const r1 = index.revision('Service', 'a')
    expect(r1).toBe(store.version)
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'b' } })
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'a' } })
    expect(index.revision('Service', 'a')).toBe(r1)
    store.update({ ...svc, spec: { selector: { app: '2' } } })
    expect(index.revision('Service', 'a')).toBeGreaterThan(r1)
    expect(index.servicesSelecting('a', 'app', '1').size).toBe(0)
    expect(keys(index.servicesSelecting('a', 'app', '2').values())).toEqual(['Service/a/s'])
  })

  it('builds the same buckets for a read-only view without indexes (a snapshot)', () => {
    const store = new ObjectStore(new SeededRandom(1), new SimClock())
    for (const [name, node] of [['p1', 'n1'], ['p2', 'n2'], ['p3', 'n1']]) store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'a', labels: { app: '1' } }, spec: { nodeName: node } })
    const view = { get: store.get.bind(store), getByKey: store.getByKey.bind(store), list: store.list.bind(store), version: store.version }
    const built = indexesOf(view)
    expect(built).not.toBe(store.indexes)
    expect(keys(built.podsOnNode('n1').values()).sort()).toEqual(keys(store.indexes.podsOnNode('n1').values()).sort())
    expect(keys(built.withLabel('Pod', 'a', 'app', '1').values()).sort()).toEqual(['Pod/a/p1', 'Pod/a/p2', 'Pod/a/p3'])
  })

  it('files Events by namespace only: listed and counted, never orphans, labelled or found by uid', () => {
    const store = new ObjectStore(new SeededRandom(1), new SimClock())
    const index = indexesOf(store)
    const event = (name: string, ns: string) => store.create({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: ns, labels: { app: '1' } }, reason: 'R', count: 1 })
    const b = event('b', 'a'), c = event('c', 'a')
    event('a', 'a')
    event('x', 'other')
    const r1 = index.revision('Event', 'a')
    // An update (a repeat's count) keeps the Event where it was and bumps the revision; list() still sorts by name.
    store.update({ ...b, count: 2 })
    expect(index.revision('Event', 'a')).toBeGreaterThan(r1)
    expect(keys(index.inNamespace('Event', 'a').values())).toEqual(['Event/a/b', 'Event/a/c', 'Event/a/a'])
    expect(store.list('Event', 'a').map((e) => [e.metadata.name, e.count])).toEqual([['a', 1], ['b', 2], ['c', 1]])
    store.remove(keyOf(c))
    expect(keys(store.list('Event', 'a'))).toEqual(['Event/a/a', 'Event/a/b'])
    expect(keys(store.list('Event'))).toEqual(['Event/a/a', 'Event/a/b', 'Event/other/x'])
    expect(index.orphans('Event', 'a').size).toBe(0)
    expect(index.withLabel('Event', 'a', 'app', '1').size).toBe(0)
    expect(index.byUid(b.metadata.uid)).toBeUndefined()
  })
})
