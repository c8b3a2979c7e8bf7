// Applies a strategic merge patch as the API server does for `kubectl patch` (the default --type):
// maps merge, `null` deletes, lists with a merge key merge item by item (`$patch: delete` removes one),
// `$patch: replace` replaces a map, other lists are replaced whole.
// Upstream: apimachinery pkg/util/strategicpatch/patch.go (mergeMap, mergeSlice).
import { clone, isObject } from './json-value.ts'
import type { Json, JsonObject } from './json-value.ts'
import { describe, fieldRef, rootType } from './patch-meta.ts'
import type { FieldKind } from './patch-meta.ts'
import { setOwn } from '../to-plain.ts'

export class PatchError extends Error {}

export function applyStrategicPatch(current: JsonObject, patch: JsonObject): JsonObject {
  const type = rootType(current.apiVersion, current.kind)
  return patchMap(current, patch, type ? { kind: 'struct', type, retainKeys: false } : { kind: 'unknown' })
}

function patchMap(c: JsonObject | undefined, p: JsonObject, kind: FieldKind): JsonObject {
  if (p.$patch === 'replace') {
    const out = clone(p)
    delete out.$patch
    return out
  }
  if (p.$patch === 'delete') return {}
  const out = clone(c ?? {})
  const type = kind.kind === 'struct' ? kind.type : undefined
  const retain = Array.isArray(p.$retainKeys) ? (p.$retainKeys as Json[]).map(String) : undefined
  for (const [k, pv] of Object.entries(p)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length)
      if (Array.isArray(out[field]) && Array.isArray(pv)) setOwn(out, field, (out[field] as Json[]).filter((x) => !pv.includes(x)))
      continue
    }
    if (pv === null) {
      delete out[k]
      continue
    }
    const child = describe(kind.kind === 'map' ? kind.value : fieldRef(type, k), type, k)
    const cv = out[k]
    if (isObject(pv) && child.kind !== 'scalar' && child.kind !== 'list') setOwn(out, k, patchMap(isObject(cv) ? cv : undefined, pv, child))
    else if (Array.isArray(pv) && child.kind === 'list' && child.mergeKey) setOwn(out, k, patchList(Array.isArray(cv) ? cv : [], pv, child.mergeKey, child.item))
    else if (isObject(pv) && child.kind === 'list') throw new PatchError(`json: cannot unmarshal object into Go value of type []interface {}`)
    else setOwn(out, k, clone(pv))
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k]
  return out
}

function patchList(c: Json[], p: Json[], key: string, item: string): Json[] {
  if (key === '*') {
    const out = c.map(clone)
    for (const x of p) if (!out.includes(x)) out.push(clone(x))
    return out
  }
  if (p.some((x) => isObject(x) && x.$patch === 'replace')) return p.filter((x) => !(isObject(x) && x.$patch === 'replace')).map(clone)
  const out = c.map(clone)
  for (const pi of p) {
    if (!isObject(pi)) throw new PatchError(`unable to find api field in struct for the merge key "${key}"`)
    if (!(key in pi)) throw new PatchError(`map: ${JSON.stringify(pi)} does not contain declared merge key: ${key}`)
    const at = out.findIndex((x) => isObject(x) && JSON.stringify(x[key]) === JSON.stringify(pi[key]))
    if (pi.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1)
      continue
    }
    if (at >= 0) out[at] = patchMap(out[at] as JsonObject, pi, describe(item))
    else out.push(patchMap(undefined, pi, describe(item)))
  }
  return out
}
