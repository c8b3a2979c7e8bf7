// The registry strategies' PrepareForCreate / PrepareForUpdate: status reset on create, Secret stringData, Namespace
// finalizers; generation as ../api/registry-strategy.ts says (the store applies the same rule to every write).
// Upstream: pkg/registry/{apps/deployment,apps/replicaset,core/replicationcontroller,core/service,
// core/namespace,networking/ingress,discovery/endpointslice,core/secret}/strategy.go (v1.32).
import type { KubeObject } from '../api/types.ts'
import { encodeBase64 as base64EncodeUtf8 } from '../util/base64.ts'
import { generationOnCreate, generationOnUpdate } from '../api/registry-strategy.ts'

function setGeneration(obj: KubeObject, generation: number | undefined): void {
  if (generation !== undefined) (obj.metadata as { generation?: number }).generation = generation
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
  setGeneration(obj, generationOnCreate(obj.kind))
  switch (obj.kind) {
    case 'Service': obj.status = { loadBalancer: {} }; break
    case 'Deployment': obj.status = {}; break
    case 'ReplicaSet': case 'ReplicationController': obj.status = { replicas: 0 }; break
    case 'Ingress': obj.status = { loadBalancer: {} }; break
    case 'Namespace':
      obj.spec = { ...(obj.spec ?? {}), finalizers: ['kubernetes'] }
      obj.status = { phase: 'Active' }
      break
  }
}

/** PrepareForUpdate: the strategy's generation; Namespace finalizers are kept. Mutates obj. */
export function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  mergeStringData(obj)
  setGeneration(obj, generationOnUpdate(old, obj))
  if (obj.kind === 'Namespace') obj.spec = { ...(obj.spec ?? {}), finalizers: old.spec?.finalizers ?? ['kubernetes'] }
}
