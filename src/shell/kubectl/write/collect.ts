// The "infos" phase of apply/create/delete -f: every source parsed in order into objects with their
// namespace settled, plus the errors kubectl's visitors collect along the way (a bad document ends its
// own file; an unknown kind or a namespace mismatch skips one object). Upstream: cli-runtime
// resource/builder.go (ContinueOnError, EagerVisitorList, SetNamespace/RequireNamespace).
import { kindInfo } from '../../../engine/api/kinds.ts'
import { parseManifests } from '../../../engine/manifest/index.ts'
import type { KindResolver } from '../../../engine/manifest/kind-mapping.ts'
import { goQuote } from '../../../engine/validation/go-format.ts'
import type { KubectlError } from './errors.ts'
import { plain } from './errors.ts'
import type { Source } from './sources.ts'

export interface Collected {
  object: Record<string, unknown> & { metadata: Record<string, unknown> }
  source: string
  /** False for kinds kubehop only reports (ingress-nginx's RBAC, Jobs and webhook). */
  served: boolean
}

export interface CollectOptions {
  validate: boolean
  namespace: string
  explicitNamespace: boolean
  /** The cluster's REST mapping (CRD kinds only once installed); defaults to every kind kubehop simulates. */
  resolveKind?: KindResolver
}

export function collectObjects(sources: Source[], opts: CollectOptions): { objects: Collected[]; errors: KubectlError[] } {
  const objects: Collected[] = []
  const errors: KubectlError[] = []
  const settle = (raw: Record<string, unknown>, source: string, served: boolean) => {
    const metadata = { ...((raw.metadata ?? {}) as Record<string, unknown>) }
    const object = { ...raw, metadata }
    const namespaced = kindInfo(String(raw.kind))?.namespaced ?? typeof metadata.namespace === 'string'
    if (!namespaced) {
      delete metadata.namespace
    } else {
      const own = typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : undefined
      if (own && opts.explicitNamespace && own !== opts.namespace) {
        errors.push(plain(`the namespace from the provided object ${goQuote(own)} does not match the namespace ${goQuote(opts.namespace)}. You must pass '--namespace=${own}' to perform this operation.`))
        return
      }
      metadata.namespace = own ?? opts.namespace
    }
    objects.push({ object, source, served })
  }
  for (const src of sources) {
    if (src.kind === 'static') {
      // The add-on manifests' Jobs (ingress-nginx's admission certgen) are spec-less stubs: reported, not run.
      for (const obj of src.manifest.objects) settle(obj, src.name, !!kindInfo(String(obj.kind)) && !(obj.kind === 'Job' && !obj.spec))
      continue
    }
    const parsed = parseManifests(src.text, src.name, { validate: opts.validate, resolveKind: opts.resolveKind })
    // Objects and errors interleave in stream order only through the fatal error, which always comes last.
    for (const d of parsed.docs) settle(d.object, src.name, true)
    for (const e of parsed.errors) errors.push(plain(e.message))
  }
  return { objects, errors }
}
