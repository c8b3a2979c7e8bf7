// The ELK graph for the top-level boxes (client, Services, node groups); pods sit in fixed slots inside groups.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js'
import { CLIENT, LOAD_BALANCER, SERVICE, groupSize, ingressSize } from './geometry.ts'
import type { TopologyModel } from './model.ts'
import { UNSCHEDULED, groupOf, slotCounts, type SlotState } from './slots.ts'

export const CLIENT_ID = 'client'

// Model order drives the order within each layer, so the picture only changes when the cluster does.
const layoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '36',
  'elk.layered.spacing.nodeNodeBetweenLayers': '110',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
}

/** The group boxes to draw: every Node, plus the unscheduled lane when a pod waits without a node. */
export function groupIds(model: TopologyModel): string[] {
  const ids = model.nodes.map((n) => n.id)
  if (model.pods.some((p) => groupOf(p) === UNSCHEDULED)) ids.push(UNSCHEDULED)
  return ids
}

export function toElkGraph(model: TopologyModel, slots: SlotState): ElkNode {
  const counts = slotCounts(slots)
  const groupOfPod = new Map(model.pods.map((p) => [p.id, groupOf(p)]))
  const edges: ElkExtendedEdge[] = []
  const lbOf = new Map(model.loadBalancers.map((lb) => [lb.serviceId, lb]))
  const middle: ElkNode[] = []
  for (const svc of model.services) {
    // A Service's load balancer sits just above it, fed by the client, sending to the nodes' node ports
    // (edges kept while the IP is <pending>, so the layout does not move when the provider assigns one).
    const lb = lbOf.get(svc.id)
    if (lb) {
      middle.push({ id: lb.id, ...LOAD_BALANCER })
      edges.push({ id: `${CLIENT_ID}->${lb.id}`, sources: [CLIENT_ID], targets: [lb.id] })
      for (const t of lb.targets) edges.push({ id: `${lb.id}->${t.nodeId}`, sources: [lb.id], targets: [t.nodeId] })
    }
    middle.push({ id: svc.id, ...SERVICE })
    // Every Service hangs off the client column so Services share one layer, even unexposed ones.
    edges.push({ id: `${CLIENT_ID}->${svc.id}`, sources: [CLIENT_ID], targets: [svc.id] })
    const targets = new Set([...svc.selectedPodIds.map((id) => groupOfPod.get(id)!), ...svc.endpointNodeIds])
    for (const group of [...targets].sort()) edges.push({ id: `${svc.id}->${group}`, sources: [svc.id], targets: [group] })
  }
  for (const ing of model.ingresses) {
    middle.push({ id: ing.id, ...ingressSize(ing.rules.length) })
    edges.push({ id: `${CLIENT_ID}->${ing.id}`, sources: [CLIENT_ID], targets: [ing.id] })
    const groups = new Set(ing.controllerPodIds.map((id) => groupOfPod.get(id)).filter((g): g is string => !!g))
    for (const group of [...groups].sort()) edges.push({ id: `${ing.id}->${group}`, sources: [ing.id], targets: [group] })
  }
  return {
    id: 'root',
    layoutOptions,
    children: [
      { id: CLIENT_ID, ...CLIENT, layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } },
      ...middle,
      ...groupIds(model).map((id) => ({ id, ...groupSize(counts.get(id) ?? 0),
        layoutOptions: { 'elk.layered.layering.layerConstraint': 'LAST' } })),
    ],
    edges,
  }
}

/** Top-left corners from a laid-out ELK graph. */
export function positionsOf(laidOut: ElkNode): Record<string, { x: number; y: number }> {
  return Object.fromEntries((laidOut.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]))
}
