// Hashing helpers: FNV-32a (hash/fnv, used by controller.ComputeHash) and apimachinery's rand.SafeEncodeString.
import { utf8Bytes } from '../util/utf8.ts'

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (plus optional raw bytes), as Go's hash/fnv New32a. */
export function fnv32a(text: string, extra: number[] = []): number {
  let h = 0x811c9dc5
  const bytes = [...utf8Bytes(text), ...extra]
  for (const b of bytes) {
    h ^= b
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

/** k8s.io/apimachinery/pkg/util/rand.SafeEncodeString: maps each byte onto the vowel-free alphabet. */
export function safeEncodeString(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length]
  return out
}

/** JSON with object keys sorted at every level: a stable stand-in for Go's spew dump of a struct. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i])
    return out + ']'
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).sort()
  let out = '{'
  let first = true
  for (const k of keys) {
    if (obj[k] === undefined) continue
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(obj[k])
    first = false
  }
  return out + '}'
}

/** canonicalJson's text of a value that is not an object (JSON.stringify, with undefined, NaN and ±Infinity as null). */
const scalarJson = (value: unknown): string => JSON.stringify(value ?? null)

/**
 * Whether canonicalJson(a) === canonicalJson(b), without building the two strings: controllers compare whole
 * objects (a 200-address EndpointSlice, a Deployment with its last-applied annotation) on every sync.
 */
export function canonicalEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  const objectA = a !== null && typeof a === 'object'
  const objectB = b !== null && typeof b === 'object'
  // An object's text starts with { or [; a scalar's never does.
  if (!objectA || !objectB) return !objectA && !objectB && scalarJson(a) === scalarJson(b)
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!canonicalEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  // canonicalJson leaves out keys whose value is undefined: compare the keys that remain, in any order.
  // for-in, not Object.keys: no key array per object compared (plain JSON objects inherit no enumerable keys).
  let count = 0
  for (const k in x) {
    if (x[k] === undefined) continue
    count++
    if (!Object.prototype.propertyIsEnumerable.call(y, k) || y[k] === undefined || !canonicalEqual(x[k], y[k])) return false
  }
  for (const k in y) if (y[k] !== undefined) count--
  return count === 0
}
