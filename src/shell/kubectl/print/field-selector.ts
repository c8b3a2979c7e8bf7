// `--field-selector`: the fields the API server can filter each kind on. Source: the fieldSelector conversion
// funcs in pkg/apis/*/v1/conversion.go (metadata.name/namespace everywhere, plus per-kind fields).
import type { KubeObject } from '../../../engine/api/types.ts'
import type { Stored } from '../../../engine/api/types.ts'
import type { Event, Secret } from 'kubernetes-types/core/v1'

// Event and Secret fields are top-level, so their getters read the record as its kubernetes-types shape.
const ev = (o: KubeObject) => o as Stored<Event>
const FIELDS: Record<string, Record<string, (o: KubeObject) => unknown>> = {
  Pod: {
    'spec.nodeName': (o) => o.spec?.nodeName, 'spec.restartPolicy': (o) => o.spec?.restartPolicy,
    'spec.schedulerName': (o) => o.spec?.schedulerName, 'spec.serviceAccountName': (o) => o.spec?.serviceAccountName,
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork ?? false), 'status.phase': (o) => o.status?.phase,
    'status.podIP': (o) => o.status?.podIP, 'status.nominatedNodeName': (o) => o.status?.nominatedNodeName,
  },
  Event: {
    'involvedObject.kind': (o) => ev(o).involvedObject?.kind, 'involvedObject.namespace': (o) => ev(o).involvedObject?.namespace,
    'involvedObject.name': (o) => ev(o).involvedObject?.name, 'involvedObject.uid': (o) => ev(o).involvedObject?.uid,
    'involvedObject.apiVersion': (o) => ev(o).involvedObject?.apiVersion, 'involvedObject.resourceVersion': (o) => ev(o).involvedObject?.resourceVersion,
    'involvedObject.fieldPath': (o) => ev(o).involvedObject?.fieldPath, reason: (o) => ev(o).reason, reportingComponent: (o) => ev(o).reportingComponent,
    source: (o) => ev(o).source?.component, type: (o) => ev(o).type,
  },
  Service: { 'spec.clusterIP': (o) => o.spec?.clusterIP, 'spec.type': (o) => o.spec?.type },
  Node: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false) },
  Namespace: { 'status.phase': (o) => o.status?.phase ?? 'Active' },
  Secret: { type: (o) => (o as Stored<Secret>).type },
  ReplicaSet: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
  ReplicationController: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
}

export interface FieldRequirement { field: string; value: string; equal: boolean }

class FieldSelectorError extends Error {}

export function parseFieldSelector(text: string): FieldRequirement[] {
  if (!text.trim()) return []
  return text.split(',').map((part) => {
    const m = /^\s*([^!=\s]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(part)
    if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`)
    return { field: m[1], value: m[3], equal: m[2] !== '!=' }
  })
}

/** The field's value, or undefined when the kind cannot be filtered on it (the API server refuses those). */
function fieldValue(obj: KubeObject, field: string): string | undefined | null {
  if (field === 'metadata.name') return obj.metadata.name
  if (field === 'metadata.namespace') return obj.metadata.namespace ?? ''
  const get = FIELDS[obj.kind]?.[field]
  if (!get) return null
  const v = get(obj)
  return v === undefined || v === null ? '' : String(v)
}

/** Throws FieldSelectorError naming the unsupported field, as the API server's BadRequest does. */
export function checkFieldSelector(kind: string, reqs: FieldRequirement[]): void {
  for (const r of reqs) {
    if (r.field !== 'metadata.name' && r.field !== 'metadata.namespace' && !FIELDS[kind]?.[r.field]) {
      throw new FieldSelectorError(`field label not supported: ${r.field}`)
    }
  }
}

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
  return reqs.every((r) => {
    const v = fieldValue(obj, r.field)
    return v !== null && (v === r.value) === r.equal
  })
}
