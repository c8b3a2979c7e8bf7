// kubectl apply's client-side three-way strategic merge, computed as the object the API server ends up
// with: original = the last-applied annotation, modified = the file, current = the live object.
// Fields the file sets win; fields the file dropped since the last apply are removed; fields nobody
// ever applied (allocated nodePort, clusterIP, a replica count from `kubectl scale` when the file has
// none) stay. Lists with a patch merge key merge item by item. Upstream: apimachinery
// pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch + StrategicMergePatch.
import { clone, deepEqual, has, isObject } from './json-value.ts'
import type { Json, JsonObject } from './json-value.ts'
import { describe, fieldRef, rootType } from './patch-meta.ts'
import type { FieldKind } from './patch-meta.ts'
import { setOwn } from '../to-plain.ts'

/** The merged object and whether it differs from `current` (kubectl prints `configured` or `unchanged`). */
export function threeWayMerge(original: JsonObject | undefined, modified: JsonObject, current: JsonObject): { result: JsonObject; changed: boolean } {
  const type = rootType(modified.apiVersion, modified.kind)
  const result = mergeStruct(original, modified, current, type ? { kind: 'struct', type, retainKeys: false } : { kind: 'unknown' })
  return { result, changed: !deepEqual(result, current) }
}

function mergeStruct(o: JsonObject | undefined, m: JsonObject, c: JsonObject, kind: FieldKind): JsonObject {
  const out = clone(c)
  const type = kind.kind === 'struct' ? kind.type : undefined
  for (const [k, mv] of Object.entries(m)) {
    if (mv === null) {
      delete out[k]
      continue
    }
    const ref = kind.kind === 'map' ? kind.value : fieldRef(type, k)
    const child = describe(ref, type, k)
    setOwn(out, k, has(c, k) ? mergeValue(has(o, k) ? o![k] : undefined, mv, c[k], child) : clone(mv))
  }
  for (const k of Object.keys(o ?? {})) if (!has(m, k)) delete out[k]
  if (kind.kind === 'struct' && kind.retainKeys) for (const k of Object.keys(out)) if (!has(m, k)) delete out[k]
  return out
}

function mergeValue(o: Json | undefined, m: Json, c: Json, kind: FieldKind): Json {
  if (isObject(m) && isObject(c) && kind.kind !== 'scalar') return mergeStruct(isObject(o) ? o : undefined, m, c, kind)
  if (Array.isArray(m) && Array.isArray(c) && kind.kind === 'list' && kind.mergeKey) {
    return kind.mergeKey === '*' ? mergeSet(Array.isArray(o) ? o : [], m, c) : mergeKeyed(Array.isArray(o) ? o : [], m, c, kind.mergeKey, kind.item)
  }
  return clone(m)
}

/** Lists of primitives with the merge strategy: union, minus what the file removed. */
function mergeSet(o: Json[], m: Json[], c: Json[]): Json[] {
  const removed = o.filter((x) => !m.some((y) => deepEqual(x, y)))
  const out = m.map(clone)
  for (const x of c) if (!out.some((y) => deepEqual(x, y)) && !removed.some((y) => deepEqual(x, y))) out.push(clone(x))
  return out
}

/** Lists merged by key: the file's items in the file's order, merged with the live ones; live-only items stay unless the file removed them. */
function mergeKeyed(o: Json[], m: Json[], c: Json[], key: string, item: string): Json[] {
  const keyOf = (x: Json) => (isObject(x) ? JSON.stringify(x[key] ?? null) : JSON.stringify(x))
  const itemKind = describe(item)
  const out: Json[] = []
  const used = new Set<string>()
  for (const mi of m) {
    const k = keyOf(mi)
    used.add(k)
    const ci = c.find((x) => keyOf(x) === k)
    const oi = o.find((x) => keyOf(x) === k)
    out.push(ci !== undefined && isObject(mi) && isObject(ci) ? mergeStruct(isObject(oi) ? oi : undefined, mi, ci, itemKind) : clone(mi))
  }
  for (const ci of c) {
    const k = keyOf(ci)
    if (used.has(k) || o.some((x) => keyOf(x) === k)) continue
    out.push(clone(ci))
  }
  return out
}
