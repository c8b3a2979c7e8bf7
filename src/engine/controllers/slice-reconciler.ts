// The EndpointSlice reconciler both slice controllers use (staging/src/k8s.io/endpointslice/reconciler.go and
// pkg/controller/endpointslicemirroring/reconciler.go, simplified): endpoints are grouped by port mapping, kept in
// the slices that already hold them, new ones fill free room (100 per slice) or new slices named
// `<service>-<5 chars>`; slices no longer needed are reused for new port mappings before being deleted; a Service with
// no endpoints keeps one empty placeholder slice. Nothing is written when nothing changed.
import type { KubeObject, OwnerReference } from '../api/types.ts'
import { keyOf } from '../api/types.ts'
import type { Write } from './controller.ts'
import { canonicalEqual } from './hash.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { ReadonlyStore } from '../api/store.ts'
import { generateName } from './replica-manager.ts'
import type { EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'
import type { ObjectReference } from 'kubernetes-types/core/v1'

const MAX_ENDPOINTS_PER_SLICE = 100

export interface SliceEndpoint { targetRef?: ObjectReference; addresses: string[]; [field: string]: unknown }
export interface SliceGroup { ports: SlicePort[]; endpoints: SliceEndpoint[] }

export interface SliceMeta {
  namespace: string
  serviceName: string
  labels: Record<string, string>
  annotations: Record<string, string>
  owner: OwnerReference
  /** Endpoints tracked by (uid or address) so they stay in the slice that holds them. */
  placeholder: boolean
}

const epId = (e: SliceEndpoint) => e.targetRef?.uid || e.addresses?.join(',')

/** Computes the writes that bring `existing` (the slices this controller manages for one Service) to `groups`. */
export function reconcileSlices(store: ReadonlyStore, rng: SeededRandom, meta: SliceMeta, existing: KubeObject[], groups: SliceGroup[]): Write[] {
  const writes: Write[] = []
  const desired: { name?: string; ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = []
  const pool = [...existing].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
  const used = new Set<string>()
  for (const group of groups) {
    const wanted = new Map(group.endpoints.map((e) => [epId(e), e]))
    const placed = new Set<string>()
    // Keep endpoints where they are, refreshed.
    for (const slice of pool) {
      if (used.has(slice.metadata.name) || !canonicalEqual(slice.ports ?? [], group.ports)) continue
      const kept: SliceEndpoint[] = []
      for (const e of (slice.endpoints ?? []) as SliceEndpoint[]) {
        const id = epId(e)
        const want = wanted.get(id)
        if (want === undefined || placed.has(id)) continue
        placed.add(id)
        kept.push(want)
      }
      if (!kept.length) continue
      used.add(slice.metadata.name)
      desired.push({ name: slice.metadata.name, ports: group.ports, endpoints: kept })
    }
    const rest = group.endpoints.filter((e) => !placed.has(epId(e)))
    // Taken from the front by an index (shift() moved every remaining endpoint for each one placed).
    let next = 0
    for (const d of desired) {
      if (next === rest.length) break
      if (!canonicalEqual(d.ports, group.ports)) continue
      while (next < rest.length && d.endpoints.length < MAX_ENDPOINTS_PER_SLICE) d.endpoints.push(rest[next++])
    }
    while (next < rest.length) {
      desired.push({ ports: group.ports, endpoints: rest.slice(next, next + MAX_ENDPOINTS_PER_SLICE) })
      next += MAX_ENDPOINTS_PER_SLICE
    }
  }
  if (!desired.length && meta.placeholder) desired.push({ ports: [], endpoints: [] })
  // Reuse the names of slices that would be deleted for slices that would be created.
  const spare = pool.filter((s) => !used.has(s.metadata.name))
  for (const d of desired) {
    if (d.name) continue
    const reuse = spare.shift()
    if (reuse) d.name = reuse.metadata.name
  }
  for (const s of spare) writes.push({ op: 'delete', key: keyOf(s) })
  const taken = new Set<string>()
  for (const d of desired) {
    const current = d.name ? existing.find((s) => s.metadata.name === d.name) : undefined
    const name = d.name ?? generateName(`${meta.serviceName}-`, rng, (n) => taken.has(n) || !!store.get('EndpointSlice', meta.namespace, n))
    taken.add(name)
    const slice: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: {
        ...(current?.metadata ?? {}),
        name, namespace: meta.namespace,
        ...(current ? {} : { generateName: `${meta.serviceName}-` }),
        labels: meta.labels,
        ...(Object.keys(meta.annotations).length ? { annotations: meta.annotations } : {}),
        ownerReferences: [meta.owner],
      },
      addressType: 'IPv4',
      endpoints: d.endpoints,
      ports: d.ports,
    }
    if (!Object.keys(meta.annotations).length) delete slice.metadata.annotations
    if (!current) writes.push({ op: 'create', object: slice })
    else if (!canonicalEqual({ ...slice, metadata: { ...slice.metadata, annotations: undefined } }, { ...current, metadata: { ...current.metadata, annotations: undefined } }) ||
      // The trigger-time annotation alone is not a reason to rewrite a slice.
      !canonicalEqual(stripTrigger(slice.metadata.annotations), stripTrigger(current.metadata.annotations))) {
      writes.push({ op: 'update', object: slice })
    }
  }
  return writes
}

function stripTrigger(a: Record<string, string> | undefined): Record<string, string> {
  const out = { ...(a ?? {}) }
  delete out['endpoints.kubernetes.io/last-change-trigger-time']
  return out
}

