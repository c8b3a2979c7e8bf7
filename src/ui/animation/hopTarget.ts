// Where a hop is drawn: a TRACE's `at` (`host`, `node/<name>`, `pod/<name>`, `loadbalancer/<ip>`, `internet`,
// `vpc`) mapped onto a topology box id. Pods the picture leaves out (node agents, host-network pods) are drawn
// on their node; the load balancer is its own box (topology/entryPoints.ts); everything outside the cluster is the client box.
import type { KubeObject } from '../../engine/api/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { CLIENT_ID } from '../topology/elkGraph.ts'
import { lbBoxId } from '../topology/entryPoints.ts'
import { idOf, isDrawnPod } from '../topology/model.ts'

export type HopTargets = (at: string) => string

/** A lookup from `at` to the id of the topology box that shows it (built once per snapshot). */
export function hopTargets(snapshot: ClusterSnapshot | null): HopTargets {
  const pods = new Map<string, KubeObject>()
  const lbs = new Map<string, string>()
  const nodes = new Set<string>()
  for (const o of snapshot?.objects ?? []) {
    if (o.kind === 'Pod') { if (!pods.has(o.metadata.name) || o.metadata.namespace === 'default') pods.set(o.metadata.name, o) }
    else if (o.kind === 'Node') nodes.add(o.metadata.name)
    else if (o.kind === 'Service') for (const ing of (o.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]) if (ing.ip) lbs.set(ing.ip, o.spec?.type === 'LoadBalancer' ? lbBoxId(o) : idOf(o))
  }
  return (at) => {
    const slash = at.indexOf('/')
    const kind = slash < 0 ? at : at.slice(0, slash)
    const name = slash < 0 ? '' : at.slice(slash + 1)
    if (kind === 'node' && nodes.has(name)) return `Node//${name}`
    if (kind === 'pod') {
      const pod = pods.get(name)
      if (pod && isDrawnPod(pod) && !pod.spec?.hostNetwork) return idOf(pod)
      if (pod?.spec?.nodeName) return `Node//${pod.spec.nodeName}`
    }
    if (kind === 'loadbalancer') return lbs.get(name) ?? CLIENT_ID
    return CLIENT_ID
  }
}
