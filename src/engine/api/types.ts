// Records as the API server stores them. Shapes come from `kubernetes-types` (generated from the OpenAPI spec).
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1'

export type { ObjectMeta, OwnerReference }
export type { Service } from 'kubernetes-types/core/v1'
export type { EndpointSlice } from 'kubernetes-types/discovery/v1'
export type { LabelSelector } from 'kubernetes-types/meta/v1'

/**
 * The kind-specific body of a record. It is the engine's one `any`: its shape depends on `kind`, and the code
 * that reads it casts to kubernetes-types' shapes (Container[], PodCondition[], ServiceSpec…) where it matters.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a union over every kind's spec/status is the next step, not a lint fix
type KindSpecific = any

/** Any API object. Every stored record has apiVersion, kind and metadata.name; the rest depends on the kind. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta & { name: string }
  spec?: KindSpecific
  status?: KindSpecific
  [field: string]: unknown
}

/** A stored record narrowed to a kubernetes-types shape (whose apiVersion/kind/metadata are optional). */
export type Stored<T> = Omit<T, 'apiVersion' | 'kind' | 'metadata' | 'status'> & KubeObject

/** Store key: `Kind/namespace/name`; cluster-scoped kinds have an empty namespace (`Node//kind-worker`). */
export type ObjectKey = string

export function objectKey(kind: string, namespace: string | undefined, name: string): ObjectKey {
  return `${kind}/${namespace ?? ''}/${name}`
}

export function keyOf(obj: KubeObject): ObjectKey {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name)
}

export function parseKey(key: ObjectKey): { kind: string; namespace: string | undefined; name: string } {
  // Every sync parses its key: two slices instead of an array of parts and a join.
  const i = key.indexOf('/')
  const j = i < 0 ? -1 : key.indexOf('/', i + 1)
  if (j < 0) return { kind: i < 0 ? key : key.slice(0, i), namespace: (i < 0 ? '' : key.slice(i + 1)) || undefined, name: '' }
  return { kind: key.slice(0, i), namespace: key.slice(i + 1, j) || undefined, name: key.slice(j + 1) }
}

/** The first ownerReference with controller: true (what `metav1.GetControllerOf` returns). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller)
}
