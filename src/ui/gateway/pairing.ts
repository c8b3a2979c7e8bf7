// Pairs requests that went in through an Ingress controller with the same requests through a Gateway: the
// entrance is read from the trace's hops (ingress-nginx's hop, or a Gateway's envoy), the request from the
// command line (its Host header, else the URL's host, and the path).
import type { Trace } from '../../engine/trace/types.ts'

export type Entrance = 'ingress' | 'gateway'

export interface EntranceRecord { key: string; entrance: Entrance; line: string; trace: Trace }

/** Which entrance a trace went through, if any. */
export function entranceOf(trace: Trace): Entrance | undefined {
  if (trace.hops.some((h) => h.component === 'gateway')) return 'gateway'
  if (trace.hops.some((h) => h.component === 'ingress-controller')) return 'ingress'
  return undefined
}

/** `kubia.example.com/bar`: the request's host (the Host header wins over the URL) and path, without the query. */
export function requestKey(line: string, trace: Trace): string {
  const header = /-H\s*(['"]?)host:\s*([^'"\s]+)\1/i.exec(line)?.[2]
  const url = /^[a-z]+:\/\/([^/:?#]+)(?::\d+)?([^?#]*)/i.exec(trace.to)
  const host = (header ?? url?.[1] ?? trace.to).replace(/:\d+$/, '').toLowerCase()
  return `${host}${url?.[2] || '/'}`
}

export interface Pair { key: string; ingress?: EntranceRecord; gateway?: EntranceRecord }

/** The latest request through each entrance, per request key, in order of first appearance. */
export function pairRequests(records: EntranceRecord[]): Pair[] {
  const pairs = new Map<string, Pair>()
  for (const r of records) {
    const p = pairs.get(r.key) ?? { key: r.key }
    p[r.entrance] = r
    pairs.set(r.key, p)
  }
  return [...pairs.values()]
}
