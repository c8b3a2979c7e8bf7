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
