// Cross-namespace references and ReferenceGrant (gateway-api apis/v1beta1/referencegrant_types.go): a reference
// from an object in namespace A to one in namespace B is allowed only when a ReferenceGrant in B lists A's kind
// and namespace in `from` and the target's kind (and name, when set) in `to`. Same-namespace references need none.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { GATEWAY_GROUP } from './types.ts'

interface GrantFrom { group: string; kind: string; namespace: string }
interface GrantTo { group: string; kind: string; name?: string }

/** Whether `fromKind` (group `fromGroup`) in `fromNs` may refer to `toKind` `toName` in `toNs`. */
export function referenceAllowed(store: ReadonlyStore, from: { group: string; kind: string; namespace: string }, to: { group: string; kind: string; namespace: string; name: string }): boolean {
  if (from.namespace === to.namespace) return true
  return store.list('ReferenceGrant', to.namespace).some((g: KubeObject) =>
    ((g.spec?.from ?? []) as GrantFrom[]).some((f) => (f.group ?? '') === from.group && f.kind === from.kind && f.namespace === from.namespace)
    && ((g.spec?.to ?? []) as GrantTo[]).some((t) => (t.group ?? '') === to.group && t.kind === to.kind && (!t.name || t.name === to.name)))
}

/** The reference of an HTTPRoute's backendRef to a Service in another namespace is permitted. */
export function backendRefAllowed(store: ReadonlyStore, route: KubeObject, ns: string, name: string): boolean {
  return referenceAllowed(store, { group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: route.metadata.namespace ?? 'default' }, { group: '', kind: 'Service', namespace: ns, name })
}
