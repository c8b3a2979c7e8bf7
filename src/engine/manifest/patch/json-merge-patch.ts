// RFC 7386 JSON merge patch (`kubectl patch --type merge`): maps merge, null deletes, lists replace.
import { clone, isObject } from './json-value.ts'
import type { Json } from './json-value.ts'
import { setOwn } from '../to-plain.ts'

export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return clone(patch)
  const out = isObject(target) ? clone(target) : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else setOwn(out, k, applyMergePatch(out[k] ?? null, v))
  }
  return out
}
