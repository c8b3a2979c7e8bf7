// Strategic-merge metadata: which lists merge by a key and which structs keep only the keys sent.
// These are the `patchStrategy`/`patchMergeKey` struct tags of k8s.io/api (core/v1/types.go,
// apps/v1/types.go, meta/v1/types.go), read by kubectl and the API server (apimachinery strategicpatch).
import { API_TYPES, ROOT_TYPES } from '../schema/api-fields.generated.ts'

/** `Type.field` → merge key; a lone `*` merges a list of primitives as a set (finalizers). */
const MERGE_KEYS: Record<string, string> = {
  'core.PodSpec.containers': 'name',
  'core.PodSpec.initContainers': 'name',
  'core.PodSpec.ephemeralContainers': 'name',
  'core.PodSpec.volumes': 'name',
  'core.PodSpec.imagePullSecrets': 'name',
  'core.PodSpec.hostAliases': 'ip',
  'core.PodSpec.topologySpreadConstraints': 'topologyKey',
  'core.PodSpec.schedulingGates': 'name',
  'core.PodSpec.resourceClaims': 'name',
  'core.Container.ports': 'containerPort',
  'core.Container.env': 'name',
  'core.Container.volumeMounts': 'mountPath',
  'core.Container.volumeDevices': 'devicePath',
  'core.EphemeralContainer.ports': 'containerPort',
  'core.EphemeralContainer.env': 'name',
  'core.EphemeralContainer.volumeMounts': 'mountPath',
  'core.ServiceSpec.ports': 'port',
  'core.PodStatus.conditions': 'type',
  'core.NodeStatus.conditions': 'type',
  'core.NodeStatus.addresses': 'type',
  'apps.DeploymentStatus.conditions': 'type',
  'apps.ReplicaSetStatus.conditions': 'type',
  'core.ReplicationControllerStatus.conditions': 'type',
  'meta.ObjectMeta.ownerReferences': 'uid',
  'meta.ObjectMeta.finalizers': '*',
}

/** Structs tagged `patchStrategy:"retainKeys"`: after a patch only the keys it names survive. */
const RETAIN_KEYS = new Set(['apps.DeploymentStrategy', 'core.Volume', 'core.PersistentVolumeSource'])

export type FieldKind =
  | { kind: 'struct'; type: string; retainKeys: boolean }
  | { kind: 'map'; value: string }
  | { kind: 'list'; item: string; mergeKey?: string }
  | { kind: 'scalar' }
  | { kind: 'unknown' }

/** The root type of an object (`core.Service`), or undefined for kinds without a table. */
export function rootType(apiVersion: unknown, kind: unknown): string | undefined {
  return own(ROOT_TYPES, `${String(apiVersion)}/${String(kind)}`)
}

/** Describes a type reference as found in API_TYPES. */
export function describe(ref: string | undefined, owner?: string, field?: string): FieldKind {
  if (!ref || ref === 'x') return { kind: 'unknown' }
  if (ref.startsWith('a:')) return { kind: 'list', item: ref.slice(2), mergeKey: owner && field ? own(MERGE_KEYS, `${owner}.${field}`) : undefined }
  if (ref.startsWith('m:')) return { kind: 'map', value: ref.slice(2) }
  if (own(API_TYPES, ref)) return { kind: 'struct', type: ref, retainKeys: RETAIN_KEYS.has(ref) }
  return { kind: 'scalar' }
}

/** The type reference of `field` inside struct `type`. */
export function fieldRef(type: string | undefined, field: string): string | undefined {
  // Own properties only: a field named `constructor` or `__proto__` is user text, not a way into Object.prototype.
  const fields = type ? own(API_TYPES, type) : undefined
  const ref = fields ? own(fields, field) : undefined
  return typeof ref === 'string' ? ref : undefined
}

function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}
