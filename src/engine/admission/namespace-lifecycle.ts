// The NamespaceLifecycle admission plugin: no new objects in a missing or terminating namespace.
// Upstream: plugin/pkg/admission/namespace/lifecycle/admission.go.
import { groupOf, kindInfo } from '../api/kinds.ts'
import type { KubeObject } from '../api/types.ts'
import { newForbidden, newNotFound, type StatusError } from '../validation/field-errors.ts'
import type { AdmissionContext } from './types.ts'

// kubehop's bootstrap creates these before anything else; they are never missing.
const immortal = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease'])

/** `namespaces "x" not found` (404), or a Forbidden error when the namespace is terminating. */
export function checkNamespaceLifecycle(obj: KubeObject, ctx: AdmissionContext): StatusError | undefined {
  const info = kindInfo(obj.kind)
  const ns = obj.metadata.namespace
  if (!info?.namespaced || !ns) return undefined
  const namespace = ctx.get('Namespace', undefined, ns)
  if (!namespace) return immortal.has(ns) ? undefined : newNotFound('namespaces', ns)
  if (namespace.status?.phase === 'Terminating') {
    const group = groupOf(info.apiVersion)
    return newForbidden(group ? `${info.plural}.${group}` : info.plural, obj.metadata.name,
      `unable to create new content in namespace ${ns} because it is being terminated`)
  }
  return undefined
}
