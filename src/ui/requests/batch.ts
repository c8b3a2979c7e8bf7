// The batch view's numbers: how many requests each pod (and node) served, next to the share kube-proxy's rules
// promise, and which client addresses the pods saw (SNAT).
import type { Trace } from '../../engine/trace/types.ts'
import type { ExpectedShare } from '../../worker/protocol.ts'
import { isDns } from '../animation/schedule.ts'

export interface Bar { key: string; label: string; count: number; share: number; expected: number | null }

export interface BatchSummary {
  total: number
  byPod: Bar[]
  byNode: Bar[]
  /** Connections that got no answer (dropped, refused, unresolved). */
  failed: { outcome: string; count: number }[]
  /** Client address seen by the server → count. */
  clientIPs: { ip: string; count: number }[]
}

/** Tallies the connections (DNS lookups left out) of a batch; `podNode` says which node a pod runs on. */
export function summarize(traces: Trace[], podNode: (pod: string) => string | null, expected: ExpectedShare | null): BatchSummary {
  const requests = traces.filter((t) => !isDns(t))
  const total = requests.length
  const pods = new Map<string, number>()
  const nodes = new Map<string, number>()
  const failed = new Map<string, number>()
  const ips = new Map<string, number>()
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  for (const t of requests) {
    if (t.outcome === 'delivered' || t.outcome === 'http-error') {
      if (t.servedBy) {
        bump(pods, t.servedBy)
        const node = podNode(t.servedBy)
        if (node) bump(nodes, node)
      }
      if (t.clientIPSeenByServer) bump(ips, t.clientIPSeenByServer)
    } else bump(failed, t.outcome)
  }
  const expectedPods = new Map<string, number>()
  const expectedNodes = new Map<string, number>()
  for (const e of expected?.endpoints ?? []) {
    if (e.pod) expectedPods.set(e.pod, (expectedPods.get(e.pod) ?? 0) + e.share)
    if (e.node) expectedNodes.set(e.node, (expectedNodes.get(e.node) ?? 0) + e.share)
  }
  const bars = (counts: Map<string, number>, exp: Map<string, number>, label: (k: string) => string): Bar[] =>
    [...new Set([...counts.keys(), ...exp.keys()])].sort().map((key) => ({
      key, label: label(key), count: counts.get(key) ?? 0, share: total ? (counts.get(key) ?? 0) / total : 0,
      expected: expected ? (exp.get(key) ?? 0) : null,
    }))
  return {
    total,
    byPod: bars(pods, expectedPods, (k) => k.replace(/^pod\//, '')),
    byNode: bars(nodes, expectedNodes, (k) => k),
    failed: [...failed].map(([outcome, count]) => ({ outcome, count })),
    clientIPs: [...ips].map(([ip, count]) => ({ ip, count })).sort((a, b) => b.count - a.count),
  }
}
