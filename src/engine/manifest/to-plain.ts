// Turns a YAML syntax tree into plain JSON-like data, the way go-yaml + YAMLToJSON would, but safely:
// keys like `__proto__` become ordinary own properties (no prototype is ever touched), nesting is capped,
// alias expansion is bounded with go-yaml's own "excessive aliasing" rule (yaml.v2 decode.go) and by the work
// done: the size of what it produces (merge keys copy maps, aliases repeat long strings) may not pass the API
// server's request body limit, so a few hundred characters can never expand into megabytes.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Document, Node } from 'yaml'
import { setOwn } from '../util/own.ts'

export class PlainError extends Error {}

/** Deeper documents than this are refused (no real manifest comes close). */
const MAX_DEPTH = 100
/** Hard cap on decoded nodes, aliases included, so a document can never blow up memory. */
const MAX_NODES = 2_000_000

/** k8s.io/apiserver server/config.go MaxRequestBodyBytes: the API server refuses larger request bodies. */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024

/** apiserver handlers/rest.go limitedReadBody: NewRequestEntityTooLargeError(fmt.Sprintf("limit is %d", limit)). */
export const ENTITY_TOO_LARGE = `Request entity too large: limit is ${MAX_REQUEST_BYTES}`

/** The decoded document would be a request body over the API server's limit. */
export class TooLargeError extends PlainError {}

/** go-yaml v2's allowedAliasRatio: generous for small documents, strict for huge ones. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99
  if (decodeCount >= 4_000_000) return 0.1
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000)
}

export { setOwn }

function keyString(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'object') throw new PlainError('yaml: invalid map key')
  return String(value)
}

/** How go-yaml prints a map key in `key %#v already set in map`: strings quoted, numbers and booleans bare. */
function goKey(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null || value === undefined ? '<nil>' : String(value)
}

/**
 * `lineOf` turns an offset of the document into its line: with it, a key written twice in one map is refused as
 * sigs.k8s.io/yaml's strict YAMLToJSON does (`yaml: unmarshal errors:` then `line N: key "x" already set in map`
 * for each, from go-yaml v2's decoder in strict mode); merge keys (`<<`) may repeat.
 */
export function toPlain(doc: Document, root: Node | null, lineOf?: (offset: number) => number): unknown {
  // Bytes of JSON the result would take (an estimate from above): bounds the work whatever the alias count.
  let produced = 0
  const produce = (bytes: number) => {
    produced += bytes
    if (produced > MAX_REQUEST_BYTES) throw new TooLargeError(ENTITY_TOO_LARGE)
  }
  const duplicates: string[] = []
  let decodeCount = 0
  let aliasCount = 0
  let aliasDepth = 0
  const convert = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new PlainError(`yaml: exceeded max depth of ${MAX_DEPTH}`)
    decodeCount++
    if (aliasDepth > 0) aliasCount++
    if (decodeCount > MAX_NODES || (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount))) {
      throw new PlainError('yaml: document contains excessive aliasing')
    }
    if (node === null || node === undefined) return null
    if (isAlias(node)) {
      const target = node.resolve(doc)
      if (!target) throw new PlainError(`yaml: unknown anchor '${node.source}' referenced`)
      aliasDepth++
      try {
        return convert(target, depth + 1)
      } finally {
        aliasDepth--
      }
    }
    if (isScalar(node)) {
      const v = node.value
      produce(typeof v === 'string' ? v.length + 3 : 8)
      // Timestamps and other 1.1 extras stay as written (YAMLToJSON emits them as strings).
      if (v instanceof Date || (typeof v === 'object' && v !== null)) return node.source ?? String(v)
      if (typeof v === 'bigint') return Number(v)
      return v ?? null
    }
    if (isSeq(node)) {
      produce(2 + node.items.length)
      return node.items.map((item) => convert(item, depth + 1))
    }
    if (isMap(node)) {
      produce(2 + node.items.length)
      const out: Record<string, unknown> = {}
      const merged: Record<string, unknown> = {}
      for (const pair of node.items) {
        if (!isPair(pair)) continue
        const rawKey = isScalar(pair.key) ? pair.key.value : pair.key === null ? null : convert(pair.key, depth + 1)
        // YAML 1.1 merge key (`<<: *base`), which go-yaml v2 honours; the parser gives it a symbol value.
        if (typeof rawKey === 'symbol' || (rawKey === '<<' && isScalar(pair.key) && pair.key.source === '<<')) {
          // Merge keys: values from the merged maps never override keys written in this map.
          const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
          for (const src of sources) {
            const v = convert(src, depth + 1)
            if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new PlainError('yaml: map merge requires map or sequence of maps as the value')
            const entries = Object.entries(v)
            // Copying is work too: a merge of a merge of a map copies its keys at every level.
            produce(entries.length * 4)
            for (const [k, val] of entries) if (!Object.prototype.hasOwnProperty.call(merged, k)) setOwn(merged, k, val)
          }
          continue
        }
        const key = keyString(rawKey)
        produce(key.length + 4)
        if (lineOf && Object.prototype.hasOwnProperty.call(out, key) && aliasDepth === 0) {
          const at = (pair.key as Node | null)?.range?.[0]
          duplicates.push(`  line ${at === undefined ? '?' : lineOf(at)}: key ${goKey(rawKey)} already set in map`)
        }
        setOwn(out, key, convert(pair.value, depth + 1))
      }
      for (const [k, v] of Object.entries(merged)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v)
      return out
    }
    throw new PlainError('yaml: unsupported node')
  }
  const value = convert(root, 0)
  if (duplicates.length) throw new PlainError(`yaml: unmarshal errors:\n${duplicates.join('\n')}`)
  return value
}
