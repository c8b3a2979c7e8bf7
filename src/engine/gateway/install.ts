// Installing the Gateway API: the standard CRDs (create-if-absent, as cloud-provider-kind's CRD manager does) and
// the provider's GatewayClasses.
import type { KubeObject } from '../api/types.ts'
import type { ReadonlyStore } from '../api/store.ts'
import { gatewayCRDs, gkeGatewayClasses, kindGatewayClass } from './crds.ts'

interface Creator { create(obj: KubeObject): unknown }

function createMissing(api: Creator, store: ReadonlyStore, objects: KubeObject[]): void {
  for (const obj of objects) if (!store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) api.create(obj)
}

/** What cloud-provider-kind does at start: the CRDs, then GatewayClass `cloud-provider-kind`. */
export function installForKind(api: Creator, store: ReadonlyStore): void {
  createMissing(api, store, gatewayCRDs())
  createMissing(api, store, [kindGatewayClass()])
}

/** A GKE cluster with the Gateway API enabled (`--gateway-api=standard`): the CRDs and the gke-l7-* classes. */
export function installForGKE(api: Creator, store: ReadonlyStore): void {
  createMissing(api, store, gatewayCRDs())
  createMissing(api, store, gkeGatewayClasses())
}
