// Just enough of resource.Quantity for describe node's requests/limits: parse, add, print canonically.
// Source: k8s.io/apimachinery/pkg/api/resource/quantity.go (suffixes; CanonicalizeBytes keeps binary or decimal SI).

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 }
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 }

export interface Quantity { value: number; binary: boolean }

export function parseQuantity(text: unknown): Quantity {
  const m = /^([+-]?[\d.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(String(text ?? '0').trim())
  if (!m) return { value: 0, binary: false }
  const n = Number(m[1])
  if (m[2] in BINARY) return { value: n * BINARY[m[2]], binary: true }
  return { value: n * (DECIMAL[m[2]] ?? 1), binary: false }
}

export function addQuantities(list: Quantity[]): Quantity {
  return { value: list.reduce((s, q) => s + q.value, 0), binary: list.length > 0 && list.every((q) => q.binary) }
}

/** CPU in the canonical form: whole cores when possible, else millicores. */
export function formatCPU(q: Quantity): string {
  const milli = Math.round(q.value * 1000)
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`
}

/** Bytes in the largest exact unit of the quantity's family (`70Mi`, `128M`, `0`). */
export function formatBytes(q: Quantity): string {
  if (q.value === 0) return '0'
  const units = q.binary ? Object.entries(BINARY).reverse() : Object.entries(DECIMAL).filter(([, f]) => f >= 1).reverse()
  for (const [suffix, factor] of units) {
    if (q.value % factor === 0) return `${q.value / factor}${suffix}`
  }
  return String(q.value)
}
