// The heart of client-side `kubectl apply` for one object: create it with the last-applied annotation, or patch the
// live object with a three-way strategic merge (original = last-applied, modified = the file, current = live).
// Shared by `kubectl apply` and the playground's document apply. API errors are thrown as ApiError.
import type { Cluster } from '../../../engine/cluster/cluster.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { threeWayMerge } from '../../../engine/manifest/index.ts'
import type { JsonObject } from '../../../engine/manifest/index.ts'
import { lastAppliedOf, withLastApplied } from './last-applied.ts'

type ApplyOperation = 'created' | 'configured' | 'unchanged'

export interface AppliedObject {
  object: KubeObject
  operation: ApplyOperation
  warnings: string[]
  /** The live object had no last-applied annotation (kubectl warns, then patches anyway). */
  missingAnnotation: boolean
}

/** `dryRun: 'client'` touches nothing; `'server'` runs admission without persisting. */
export function applyObject(cluster: Cluster, obj: Record<string, unknown> & { metadata: Record<string, unknown> }, dryRun: 'none' | 'client' | 'server' = 'none'): AppliedObject {
  const kind = String(obj.kind)
  const live = cluster.store.get(kind, obj.metadata.namespace as string | undefined, String(obj.metadata.name))
  const modified = withLastApplied(obj)
  const none = { warnings: [], missingAnnotation: false }
  if (!live) {
    if (dryRun === 'client') return { ...none, object: modified as unknown as KubeObject, operation: 'created' }
    const res = cluster.api.create(modified as unknown as KubeObject, { dryRun: dryRun === 'server' })
    return { object: res.object, operation: 'created', warnings: res.warnings, missingAnnotation: false }
  }
  if (dryRun === 'client') return { ...none, object: modified as unknown as KubeObject, operation: 'configured' }
  const original = lastAppliedOf(live)
  const { result, changed } = threeWayMerge(original as JsonObject | undefined, modified as JsonObject, live as unknown as JsonObject)
  if (!changed) return { ...none, object: live, operation: 'unchanged', missingAnnotation: !original }
  const res = cluster.api.update(result as unknown as KubeObject, { dryRun: dryRun === 'server' })
  return { object: res.object, operation: 'configured', warnings: res.warnings, missingAnnotation: !original }
}
