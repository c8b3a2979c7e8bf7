// Remembers ELK results per box graph, so a reload draws at once instead of waiting for ELK's worker to boot.
import type { XY } from './geometry.ts'
import type { KeyValueStore } from '../persistence.ts'

const KEY = 'kubehop.layout.v1'
const MAX_ENTRIES = 8

type Positions = Readonly<Record<string, XY>>
type Entries = [hash: string, positions: Positions][]

/** FNV-1a: a short, stable key for a graph's JSON. */
export function hashGraph(json: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193)
  return `${(h >>> 0).toString(36)}-${json.length}`
}

function read(storage: KeyValueStore): Entries {
  try {
    const entries = JSON.parse(storage.getItem(KEY) ?? '[]')
    return Array.isArray(entries) ? entries : []
  } catch {
    return []
  }
}

export function cachedLayout(storage: KeyValueStore, hash: string): Positions | null {
  return read(storage).find(([h]) => h === hash)?.[1] ?? null
}

/** Most recent first; the oldest entries fall off. */
export function rememberLayout(storage: KeyValueStore, hash: string, positions: Positions): void {
  const entries = [[hash, positions] as Entries[number], ...read(storage).filter(([h]) => h !== hash)].slice(0, MAX_ENTRIES)
  try { storage.setItem(KEY, JSON.stringify(entries)) } catch { /* quota: the cache is optional */ }
}
