// What wakes a workload controller (StatefulSet, DaemonSet, Job): a change to the workload itself, or to a pod it
// controls (the informers' owner handlers in pkg/controller/*: resolveControllerRef on the pod, old or new).
import type { Change } from '../api/store.ts'
import { controllerOf, objectKey, type ObjectKey } from '../api/types.ts'

export function workloadKeysFor(kind: string, change: Change): ObjectKey[] {
  const obj = change.object
  if (obj.kind === kind) return change.type === 'deleted' ? [] : [change.key]
  if (obj.kind !== 'Pod') return []
  const ref = controllerOf(change.previous ?? obj)
  return ref?.kind === kind ? [objectKey(kind, obj.metadata.namespace, ref.name)] : []
}
