// JSON round trips without the text: the store and the controllers compare and copy whole objects on every write
// and sync (a Deployment with its last-applied annotation, a 200-address EndpointSlice). Both functions give exactly
// what the JSON.stringify / JSON.parse they replace gives; anything but plain objects and arrays (a Date, a boxed
// number) takes the JSON path itself.

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol'

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v)
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function'
}

/** The keys JSON.stringify writes for a plain object, in its order. */
function writtenKeys(o: Record<string, unknown>): string[] {
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) {
    if (skipped(o[keys[i]])) return keys.filter((k) => !skipped(o[k]))
  }
  return keys
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  const objectA = a !== null && typeof a === 'object'
  const objectB = b !== null && typeof b === 'object'
  if (!objectA || !objectB) {
    if (objectA || objectB) return JSON.stringify(a) === JSON.stringify(b)
    if (typeof a === 'string' && typeof b === 'string') return false
    if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) return false
    return JSON.stringify(a) === JSON.stringify(b)
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) {
      const x = a[i], y = b[i]
      if (x !== y && !equal(skipped(x) ? null : x, skipped(y) ? null : y)) return false
    }
    return true
  }
  if (Array.isArray(a) || Array.isArray(b) || !isPlain(a as object) || !isPlain(b as object)) return JSON.stringify(a) === JSON.stringify(b)
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  // Values first, with for-in (no key arrays: most compares are of a write that changed something and stop early);
  // the key order, which the text also depends on, only once everything else is equal.
  let count = 0
  for (const k in x) {
    const v = x[k]
    if (skipped(v)) continue
    count++
    const w = y[k]
    if (skipped(w) || !Object.prototype.hasOwnProperty.call(y, k) || !equal(v, w)) return false
  }
  for (const k in y) if (!skipped(y[k])) count--
  if (count !== 0) return false
  const kx = writtenKeys(x)
  const ky = writtenKeys(y)
  for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return false
  return true
}

/** Whether JSON.stringify(a ?? null) === JSON.stringify(b ?? null): same values, same key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return equal(a ?? null, b ?? null)
}

/** JSON.parse(JSON.stringify(value)) for a value JSON.stringify turns into text (an object, array or scalar). */
export function jsonClone<T>(value: T): T {
  return clone(value) as T
}

function clone(v: unknown): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null // -0 comes back as 0
    return v
  }
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length)
    for (let i = 0; i < v.length; i++) out[i] = skipped(v[i]) ? null : clone(v[i])
    return out
  }
  if (!isPlain(v)) return JSON.parse(JSON.stringify(v))
  const o = v as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(o)) {
    const x = o[k]
    if (skipped(x)) continue
    // JSON.parse makes `__proto__` an own property; an assignment would set the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: clone(x), writable: true, enumerable: true, configurable: true })
    else out[k] = clone(x)
  }
  return out
}
