// The search's matching: pods and Services by namespace/name, or a pod by its IP (Services first).
import type { TopologyModel } from './model.ts'

export interface Hit { id: string; name: string; what: string }

const LIMIT = 40

export function searchHits(model: TopologyModel, query: string): Hit[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  const hits: Hit[] = []
  for (const s of model.services) if (`${s.namespace}/${s.name}`.includes(q)) hits.push({ id: s.id, name: `${s.namespace}/${s.name}`, what: `Service ${s.type}` })
  for (const p of model.pods) {
    if (hits.length >= LIMIT) break
    if (`${p.namespace}/${p.name}`.includes(q) || p.ip === q) hits.push({ id: p.id, name: `${p.namespace}/${p.name}`, what: `Pod on ${p.nodeName ?? 'no node'}` })
  }
  return hits.slice(0, LIMIT)
}

