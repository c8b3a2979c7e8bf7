// kube-controller-manager's garbage collector (pkg/controller/garbagecollector/garbagecollector.go
// attemptToDeleteItem), background propagation only: when an owner goes away, a dependent whose owners are all gone
// is deleted, which cascades down the ownership chain. Owners of kinds kubehop does not serve (StatefulSet, Job, …) are
// assumed present, so the node agents' pods are left alone.
import type { Change, ReadonlyStore } from '../api/store.ts'
import { compareObjects } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf } from '../api/types.ts'
import { KINDS, kindInfo } from '../api/kinds.ts'
import type { Controller, ControllerContext, SyncResult } from './controller.ts'
import { indexesOf } from './informer.ts'

const DEPENDENT_KINDS = KINDS.map((k) => k.kind).filter((k) => k !== 'Pod' && k !== 'Event')

function dependentsOf(uid: string, store: ReadonlyStore): ObjectKey[] {
  const index = indexesOf(store)
  const keys: ObjectKey[] = [...index.ownedBy('Pod', uid).keys()]
  for (const kind of DEPENDENT_KINDS) for (const obj of [...index.ownedBy(kind, uid).values()].sort(compareObjects)) keys.push(keyOf(obj))
  return keys
}

/** Whether the owner a reference names still exists (same uid); owners of unserved kinds count as present. */
function ownerExists(ref: { kind: string; name: string; uid: string }, dependent: KubeObject, store: ReadonlyStore): boolean {
  const info = kindInfo(ref.kind)
  if (!info) return true
  const owner = store.get(ref.kind, info.namespaced ? dependent.metadata.namespace : undefined, ref.name)
  return !!owner && owner.metadata.uid === ref.uid
}

function sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
  const obj = ctx.store.getByKey(key)
  const refs = obj?.metadata.ownerReferences ?? []
  if (!obj || !refs.length) return { writes: [] }
  if (refs.some((r) => ownerExists(r, obj, ctx.store))) return { writes: [] }
  return { writes: [{ op: 'delete', key }] }
}

/** The garbage collector: deletes dependents (by ownerReferences uid) once every owner is gone. */
export function garbageCollector(): Controller {
  return {
    name: 'garbage-collector',
    keysFor(change: Change, store: ReadonlyStore) {
      if (change.type !== 'deleted' || !change.object.metadata.uid || change.object.kind === 'Event') return []
      return dependentsOf(change.object.metadata.uid, store)
    },
    sync,
  }
}
