// The REST mapping kubectl asks discovery for: is this kind served in this group/version?
// Unknown ones give kubectl's NoKindMatch text (cli-runtime resource/mapper.go infoForData).
import { KINDS } from '../api/kinds.ts'
import type { KindInfo } from '../api/kinds.ts'
import type { ReadonlyStore } from '../api/store.ts'
import { goQuote } from '../validation/go-format.ts'

/** Answers whether the cluster serves `kind` in `apiVersion` (as discovery would). */
export type KindResolver = (apiVersion: string, kind: string) => boolean

export const servedKinds: KindResolver = (apiVersion, kind) =>
  KINDS.some((k) => k.kind === kind && k.acceptedApiVersions.includes(apiVersion))

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

/** The REST mapping of a live cluster: a Gateway maps only once the Gateway API CRDs are installed. */
export function storeKindResolver(store: ReadonlyStore): KindResolver {
  return (apiVersion, kind) => KINDS.some((k) => k.kind === kind && k.acceptedApiVersions.includes(apiVersion) && isServed(store, k))
}
