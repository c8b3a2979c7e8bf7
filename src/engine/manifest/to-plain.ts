// Turns a YAML syntax tree into plain JSON-like data, the way go-yaml + YAMLToJSON would, but safely:
// keys like `__proto__` become ordinary own properties (no prototype is ever touched), nesting is capped,
// and alias expansion is bounded with go-yaml's own "excessive aliasing" rule (yaml.v2 decode.go).
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Document, Node } from 'yaml'

export class PlainError extends Error {}

/** Deeper documents than this are refused (no real manifest comes close). */
const MAX_DEPTH = 100
/** Hard cap on decoded nodes, aliases included, so a document can never blow up memory. */
const MAX_NODES = 2_000_000

/** go-yaml v2's allowedAliasRatio: generous for small documents, strict for huge ones. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99
  if (decodeCount >= 4_000_000) return 0.1
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000)
}

/** Defines a property as plain data, so `__proto__` and friends are just keys. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function keyString(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'object') throw new PlainError('yaml: invalid map key')
  return String(value)
}

export function toPlain(doc: Document, root: Node | null): unknown {
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
      // Timestamps and other 1.1 extras stay as written (YAMLToJSON emits them as strings).
      if (v instanceof Date || (typeof v === 'object' && v !== null)) return node.source ?? String(v)
      if (typeof v === 'bigint') return Number(v)
      return v ?? null
    }
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1))
    if (isMap(node)) {
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
            for (const [k, val] of Object.entries(v)) if (!Object.prototype.hasOwnProperty.call(merged, k)) setOwn(merged, k, val)
          }
          continue
        }
        setOwn(out, keyString(rawKey), convert(pair.value, depth + 1))
      }
      for (const [k, v] of Object.entries(merged)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v)
      return out
    }
    throw new PlainError('yaml: unsupported node')
  }
  return convert(root, 0)
}
