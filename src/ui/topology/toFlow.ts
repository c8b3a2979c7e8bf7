// Pure mapping from an engine snapshot plus a layout to React Flow's nodes and edges.
import type { Edge, Node } from '@xyflow/react'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { CLIENT_ID, groupIds } from './elkGraph.ts'
import type { IngressInfo, LoadBalancerInfo } from './entryPoints.ts'
import { CLIENT, LOAD_BALANCER, POD, SERVICE, groupSize, ingressSize, slotPosition, type XY } from './geometry.ts'
import { readTopology, type NodeInfo, type PodInfo, type ServiceInfo } from './model.ts'
import { UNSCHEDULED, assignSlots, groupOf, slotCounts, type SlotState } from './slots.ts'
import { stateCounts, viewOf, type TopologyView, type WorkloadBox } from './workloads.ts'

export interface TopologyLayout {
  /** Top-left of each top-level box (client, Services, node groups), as ELK placed them. */
  positions: Readonly<Record<string, XY>>
  slots: SlotState
}

type ClientData = { label: string }
type GroupData = { node: NodeInfo | null; podCount: number }
type PodData = { pod: PodInfo }
type ServiceData = { service: ServiceInfo }
type LoadBalancerData = { lb: LoadBalancerInfo }
type IngressData = { ingress: IngressInfo }
type WorkloadData = { box: WorkloadBox }

export type TopologyNode =
  | Node<ClientData, 'client'>
  | Node<GroupData, 'clusterNode'>
  | Node<PodData, 'pod'>
  | Node<ServiceData, 'service'>
  | Node<LoadBalancerData, 'loadBalancer'>
  | Node<IngressData, 'ingress'>
  | Node<WorkloadData, 'workload'>

export interface Flow {
  nodes: TopologyNode[]
  edges: Edge[]
}

/** How a pod's state is said aloud: kubectl's STATUS, with READY and RESTARTS when they add something. */
export function podStateText(pod: PodInfo): string {
  const parts = [pod.status]
  if (pod.state === 'running') parts.push('ready')
  if (pod.state === 'not-ready') parts.push(`not ready (${pod.readyText})`)
  if (pod.restarts > 0) parts.push(`${pod.restarts} restart${pod.restarts === 1 ? '' : 's'}`)
  return parts.join(', ')
}

/** Boxes ELK has not placed yet (a layout still in flight) get a simple column position instead of vanishing. */
function fallback(column: number, row: number): XY {
  return { x: column * 380, y: row * 140 }
}

const KIND_TEXT: Record<string, string> = { Pod: 'Bare pods' }

/** How a workload box is named aloud: `Deployment default/kubia on kind-worker: 48 pods, 47 ready`. */
function workloadLabel(box: WorkloadBox): string {
  const what = box.kind === 'Pod' ? `${KIND_TEXT.Pod} in ${box.namespace}` : `${box.kind} ${box.namespace}/${box.name}`
  const others = stateCounts(box)
  return `${what} on ${box.nodeName ?? 'no node'}: ${box.total} pods, ${box.ready} ready${others ? `, ${others}` : ''}${box.expanded ? ', expanded' : ''}`
}

export function toFlow(snapshot: ClusterSnapshot, layout: TopologyLayout, view: TopologyView = viewOf(readTopology(snapshot))): Flow {
  const model = view.model
  const slots = assignSlots(layout.slots, { pods: view.items }) // identity when the layout is current
  const counts = slotCounts(slots)
  const at = (id: string, column: number, row: number) => layout.positions[id] ?? fallback(column, row)
  const nodes: TopologyNode[] = []
  const edges: Edge[] = []

  // LoadBalancer Services are reached through their load balancer's box (below), NodePort ones on the nodes.
  const exposed = model.services.filter((s) => s.type === 'NodePort')
  nodes.push({ id: CLIENT_ID, type: 'client', position: at(CLIENT_ID, 0, 0), data: { label: 'Host / internet' },
    ariaLabel: 'Client: host or internet', ...CLIENT, selectable: false })

  model.services.forEach((service, i) => {
    nodes.push({ id: service.id, type: 'service', position: at(service.id, 1, i), data: { service }, ...SERVICE,
      ariaLabel: `Service ${service.namespace}/${service.name}, ${service.type} ${service.clusterIP} ${service.ports}` +
        (service.noEndpoints ? ', no endpoints' : `, ${service.readyEndpoints} ready endpoints`) +
        (service.notReadyEndpoints ? `, ${service.notReadyEndpoints} not ready` : '') })
  })
  model.loadBalancers.forEach((lb, i) => {
    nodes.push({ id: lb.id, type: 'loadBalancer', position: at(lb.id, 1, model.services.length + i), data: { lb }, ...LOAD_BALANCER,
      selectable: false, ariaLabel: `Load balancer for ${lb.namespace}/${lb.name}, ${lb.ip}, ${lb.provider}` })
  })
  model.ingresses.forEach((ingress, i) => {
    nodes.push({ id: ingress.id, type: 'ingress', position: at(ingress.id, 1, model.services.length + model.loadBalancers.length + i),
      data: { ingress }, ...ingressSize(ingress.rules.length),
      ariaLabel: `Ingress ${ingress.namespace}/${ingress.name}, address ${ingress.address || 'none'}` +
        (ingress.controllerPodIds.length ? `, served by ${ingress.controllerPodIds.length} controller pod${ingress.controllerPodIds.length === 1 ? '' : 's'}` : ', no ingress controller serves it') })
  })

  const nodeInfo = new Map(model.nodes.map((n) => [n.id, n]))
  const podsIn = new Map<string, number>()
  for (const p of model.pods) podsIn.set(groupOf(p), (podsIn.get(groupOf(p)) ?? 0) + 1)
  groupIds(model).forEach((id, i) => {
    const node = nodeInfo.get(id) ?? null
    const podCount = podsIn.get(id) ?? 0
    nodes.push({ id, type: 'clusterNode', position: at(id, 2, i), data: { node, podCount },
      ...groupSize(counts.get(id) ?? 0), selectable: id !== UNSCHEDULED,
      ariaLabel: node ? `Node ${node.name}, ${node.ip ?? 'no IP'}${node.controlPlane ? ', control plane' : ''}` : 'Unscheduled pods' })
  })

  // React Flow wants parents before their children.
  for (const box of view.boxes) {
    nodes.push({ id: box.id, type: 'workload', parentId: groupOf(box), extent: 'parent', position: slotPosition(slots.slots[box.id]),
      data: { box }, ...POD, selectable: false, ariaLabel: workloadLabel(box) })
  }
  for (const pod of view.pods) {
    nodes.push({ id: pod.id, type: 'pod', parentId: groupOf(pod), extent: 'parent', position: slotPosition(slots.slots[pod.id]),
      data: { pod }, ...POD,
      ariaLabel: `Pod ${pod.namespace}/${pod.name}, ${pod.ip ?? 'no IP'}, ${podStateText(pod)}` })
  }

  const podById = new Map(model.pods.map((p) => [p.id, p]))
  for (const svc of exposed) {
    edges.push({ id: `${CLIENT_ID}->${svc.id}`, source: CLIENT_ID, target: svc.id, className: 'edge-client',
      label: svc.nodePorts.length ? svc.nodePorts.map((p) => `:${p}`).join(' ') : undefined,
      ariaLabel: `Client reaches Service ${svc.name}${svc.nodePorts.length ? ` on node port ${svc.nodePorts.join(', ')}` : ''}` })
  }
  const serviceById = new Map(model.services.map((s) => [s.id, s]))
  for (const lb of model.loadBalancers) {
    const pending = lb.ip === '<pending>'
    const ports = lb.ports.join(', ')
    edges.push({ id: `${CLIENT_ID}->${lb.id}`, source: CLIENT_ID, target: lb.id, className: `edge-client${pending ? ' edge-pending' : ''}`,
      label: pending ? undefined : `${lb.ip}:${ports}`,
      ariaLabel: pending ? `Load balancer for ${lb.name} has no address yet` : `Client reaches the load balancer ${lb.ip} on port ${ports}` })
    if (pending) continue // nothing listens at the provider yet
    const nodePorts = serviceById.get(lb.serviceId)?.nodePorts ?? []
    for (const t of lb.targets) {
      const name = nodeInfo.get(t.nodeId)?.name ?? t.nodeId
      edges.push({ id: `${lb.id}->${t.nodeId}`, source: lb.id, target: t.nodeId,
        className: t.healthy ? 'edge-lb' : 'edge-lb edge-unready',
        label: nodePorts.length ? nodePorts.map((p) => `:${p}`).join(' ') : undefined,
        ariaLabel: `Load balancer ${lb.ip} sends to node ${name}${nodePorts.length ? ` on node port ${nodePorts.join(', ')}` : ''}` +
          (t.healthy ? '' : lb.local ? ', failing its health check (no local endpoint)' : ', failing its health check') })
    }
  }
  // Edges end at the box that shows a pod: its card, or its workload's box (one edge per box, not per pod).
  const shown = (podId: string) => view.shownAs.get(podId)
  const boxById = new Map(view.boxes.map((b) => [b.id, b]))
  const routed = new Set<string>()
  for (const ing of model.ingresses) {
    for (const ctrlPod of ing.controllerPodIds) {
      const ctrl = shown(ctrlPod)
      if (!ctrl || routed.has(`${ing.id}->${ctrl}`)) continue
      routed.add(`${ing.id}->${ctrl}`)
      edges.push({ id: `${ing.id}->${ctrl}`, source: ing.id, target: ctrl, className: 'edge-ingress',
        ariaLabel: `Ingress ${ing.name} is served by controller pod ${podById.get(ctrlPod)?.name ?? ctrlPod}` })
      // ingress-nginx connects to the backend pods' endpoints itself; the cluster IP is never used.
      for (const b of ing.backends) {
        const target = shown(b.podId)
        const id = `${ctrl}->${target}`
        if (!target || routed.has(id)) continue
        routed.add(id)
        edges.push({ id, source: ctrl, target, className: b.ready ? 'edge-route' : 'edge-route edge-unready',
          ariaLabel: `Controller ${podById.get(ctrlPod)?.name ?? ctrl} proxies to ${target === b.podId ? 'pod' : 'pods of'} ${podById.get(b.podId)?.name ?? b.podId} of Service ${b.service}${b.ready ? '' : ' (not ready)'}` })
      }
    }
  }
  for (const svc of model.services) {
    const drawn = new Set<string>()
    for (const podId of svc.selectedPodIds) {
      const target = shown(podId)
      if (!target || drawn.has(target)) continue
      drawn.add(target)
      const box = boxById.get(target)
      if (box) {
        edges.push({ id: `${svc.id}->${target}`, source: svc.id, target,
          className: box.ready ? 'edge-select' : 'edge-select edge-unready',
          ariaLabel: `Service ${svc.name} selects ${workloadLabel(box)}` })
        continue
      }
      const pod = podById.get(podId)!
      edges.push({ id: `${svc.id}->${podId}`, source: svc.id, target: podId,
        className: pod.state === 'running' ? 'edge-select' : 'edge-select edge-unready',
        ariaLabel: `Service ${svc.name} selects pod ${pod.name}` })
    }
    for (const nodeId of svc.endpointNodeIds) {
      edges.push({ id: `${svc.id}->${nodeId}`, source: svc.id, target: nodeId, className: 'edge-select edge-host',
        ariaLabel: `Service ${svc.name} has an endpoint on node ${nodeInfo.get(nodeId)?.name}` })
    }
  }
  return { nodes, edges }
}
