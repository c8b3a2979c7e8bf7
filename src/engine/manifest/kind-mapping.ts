// The REST mapping kubectl asks discovery for: is this kind served in this group/version?
// Unknown ones give kubectl's NoKindMatch text (cli-runtime resource/mapper.go infoForData).
import { KINDS } from '../api/kinds.ts'
import type { KindInfo } from '../api/kinds.ts'
import type { ReadonlyStore } from '../api/store.ts'
import { goQuote } from '../validation/go-format.ts'
import { OLDEST_VERSION, servesApi } from '../cluster/k8s-version.ts'

/** Answers whether the cluster serves `kind` in `apiVersion` (as discovery would). */
export type KindResolver = (apiVersion: string, kind: string) => boolean

/** Without a cluster (a file read on its own): what every version kubehop runs serves, so no removed API. */
export const servedKinds: KindResolver = (apiVersion, kind) =>
  KINDS.some((k) => k.kind === kind && k.acceptedApiVersions.includes(apiVersion)) && servesApi(OLDEST_VERSION, apiVersion, kind)

/** `resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"` + hint. */
export function noKindMatchMessage(obj: Record<string, unknown>, source: string): string {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>
  const name = typeof meta.name === 'string' ? meta.name : ''
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : ''
  return `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(source)}: ` +
    `no matches for kind ${goQuote(String(obj.kind))} in version ${goQuote(String(obj.apiVersion))}\nensure CRDs are installed first`
}

/** Whether discovery lists `info` now: built-in kinds always, a CRD's kinds only while the CRD is installed. */
export function isServed(store: ReadonlyStore, info: KindInfo): boolean {
  return !info.crd || !!store.get('CustomResourceDefinition', undefined, info.crd)
}

/**
 * The REST mapping of a live cluster at `version`: a Gateway maps only once the Gateway API CRDs are installed,
 * and a removed group/version (extensions/v1beta1 Ingress from v1.22) not at all.
 */
export function storeKindResolver(store: ReadonlyStore, version: string): KindResolver {
  return (apiVersion, kind) => KINDS.some((k) => k.kind === kind && k.acceptedApiVersions.includes(apiVersion) && isServed(store, k)) && servesApi(version, apiVersion, kind)
}
