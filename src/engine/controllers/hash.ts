// Hashing helpers: FNV-32a (hash/fnv, used by controller.ComputeHash) and apimachinery's rand.SafeEncodeString.

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (plus optional raw bytes), as Go's hash/fnv New32a. */
export function fnv32a(text: string, extra: number[] = []): number {
  let h = 0x811c9dc5
  const bytes = [...utf8(text), ...extra]
  for (const b of bytes) {
    h ^= b
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** UTF-8 bytes of a string (no TextEncoder in the engine's lib). */
export function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}
