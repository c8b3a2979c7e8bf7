// kube-controller-manager's namespace controller (pkg/controller/namespace/deletion/namespaced_resources_deleter.go):
// a Namespace being deleted has all its contents deleted, then goes away itself.
import type { ObjectKey } from '../api/types.ts'
import { keyOf, parseKey } from '../api/types.ts'
import { KINDS } from '../api/kinds.ts'
import type { Controller, ControllerContext, SyncResult, Write } from './controller.ts'

const NAMESPACED = KINDS.filter((k) => k.namespaced).map((k) => k.kind)

function sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
  const { kind, name } = parseKey(key)
  if (kind !== 'Namespace') return { writes: [] }
  const ns = ctx.store.getByKey(key)
  const terminating = !ns || !!ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating'
  if (!terminating) return { writes: [] }
  const writes: Write[] = []
  for (const kind of NAMESPACED) for (const obj of ctx.store.list(kind, name)) writes.push({ op: 'delete', key: keyOf(obj) })
  if (ns && !writes.length) writes.push({ op: 'delete', key })
  return { writes }
}

/** The namespace controller: deleting a Namespace (or marking it Terminating) deletes everything in it. */
export function namespaceController(): Controller {
  return {
    name: 'namespace-controller',
    keysFor(change, store) {
      const obj = change.object
      if (obj.kind === 'Namespace') return change.type === 'deleted' || obj.metadata.deletionTimestamp || obj.status?.phase === 'Terminating' ? [change.key] : []
      // Contents going away let a Terminating namespace finish.
      if (change.type === 'deleted' && obj.metadata.namespace) {
        const ns = store.get('Namespace', undefined, obj.metadata.namespace)
        if (ns && (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating')) return [keyOf(ns)]
      }
      return []
    },
    sync,
  }
}
