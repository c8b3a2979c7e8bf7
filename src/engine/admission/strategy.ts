// The registry strategies' PrepareForCreate / PrepareForUpdate: status reset on create, generation,
// Secret stringData, Namespace finalizers.
// Upstream: pkg/registry/{apps/deployment,apps/replicaset,core/replicationcontroller,core/service,
// core/namespace,networking/ingress,discovery/endpointslice,core/secret}/strategy.go (v1.32).
import type { KubeObject } from '../api/types.ts'
import { encodeBase64 as base64EncodeUtf8 } from '../util/base64.ts'

const generationKinds = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'ReplicationController', 'Ingress', 'IngressClass', 'EndpointSlice'])

/** The part of an object whose change bumps metadata.generation. */
function specOf(obj: KubeObject): unknown {
  if (obj.kind === 'EndpointSlice') return [obj.addressType, obj.endpoints, obj.ports]
  return obj.spec
}

function setGeneration(obj: KubeObject, generation: number): void {
  ;(obj.metadata as { generation?: number }).generation = generation
}

/** Secret conversion: stringData entries overwrite data entries, base64-encoded; stringData is never stored. */
function mergeStringData(obj: KubeObject): void {
  if (obj.kind !== 'Secret' || !obj.stringData || typeof obj.stringData !== 'object') return
  const data = { ...((obj.data as Record<string, string>) ?? {}) }
  for (const [k, v] of Object.entries(obj.stringData as Record<string, string>)) data[k] = base64EncodeUtf8(String(v))
  obj.data = data
  delete obj.stringData
}

/** PrepareForCreate (everything except Pods, which pod-admission.ts handles). Mutates obj. */
export function prepareForCreate(obj: KubeObject): void {
  mergeStringData(obj)
  if (generationKinds.has(obj.kind)) setGeneration(obj, 1)
  switch (obj.kind) {
    case 'Service': obj.status = { loadBalancer: {} }; break
    case 'Deployment': obj.status = {}; break
    case 'DaemonSet': obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }; break
    case 'ReplicaSet': case 'ReplicationController': obj.status = { replicas: 0 }; break
    case 'Ingress': obj.status = { loadBalancer: {} }; break
    case 'Namespace':
      obj.spec = { ...(obj.spec ?? {}), finalizers: ['kubernetes'] }
      obj.status = { phase: 'Active' }
      break
  }
}

/** PrepareForUpdate: generation + 1 when the spec changed; Namespace finalizers are kept. Mutates obj. */
export function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  mergeStringData(obj)
  if (generationKinds.has(obj.kind)) {
    const oldGen = old.metadata.generation ?? 1
    setGeneration(obj, JSON.stringify(specOf(obj)) === JSON.stringify(specOf(old)) ? oldGen : oldGen + 1)
  }
  if (obj.kind === 'Namespace') obj.spec = { ...(obj.spec ?? {}), finalizers: old.spec?.finalizers ?? ['kubernetes'] }
}
