// `kubectl describe node`. Source: kubectl/pkg/describe/describe.go describeNode, describeNodeLease,
// describeNodeResource (requests/limits per non-terminated pod and in total, as % of allocatable).
import { rfc1123z, since } from '../duration.ts'
import { nodeRoles } from '../tables/node.ts'
import { describeEvents, eventsFor, printAnnotations, printLabels, printTaints, type DescribeContext } from './common.ts'
import { addQuantities, formatBytes, formatCPU, parseQuantity, type Quantity } from './quantity.ts'
import { tabbed, type PrefixWriter } from './writer.ts'
import { rfc3339 } from '../../../../engine/sim/clock.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { Container } from 'kubernetes-types/core/v1'

const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const

/** resourcehelper.PodRequestsAndLimits, without init containers' max and overhead (rare in kubehop). */
function podResources(pod: KubeObject, key: 'requests' | 'limits'): Record<string, Quantity> {
  const out: Record<string, Quantity> = {}
  for (const r of RESOURCES) out[r] = addQuantities((pod.spec?.containers ?? []).map((c: Container) => parseQuantity(c.resources?.[key]?.[r] ?? '0')))
  return out
}

const fmt = (r: string, q: Quantity) => (r === 'cpu' ? formatCPU(q) : formatBytes(q))
const pct = (q: Quantity, total: Quantity) => (total.value ? Math.trunc((q.value / total.value) * 100) : 0)

function describeNodeResources(w: PrefixWriter, node: KubeObject, pods: KubeObject[], now: number): void {
  const alloc = node.status?.allocatable ?? node.status?.capacity ?? {}
  const total = (r: string) => parseQuantity(alloc[r] ?? '0')
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  for (const pod of pods) {
    const req = podResources(pod, 'requests')
    const lim = podResources(pod, 'limits')
    const cell = (q: Quantity, r: string) => `${fmt(r, q)} (${pct(q, total(r))}%)`
    w.write(1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(req.cpu, 'cpu')}\t${cell(lim.cpu, 'cpu')}\t${cell(req.memory, 'memory')}\t${cell(lim.memory, 'memory')}\t${since(pod.metadata.creationTimestamp, now)}\n`)
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(1, 'Resource\tRequests\tLimits\n')
  w.write(1, '--------\t--------\t------\n')
  for (const r of RESOURCES) {
    const req = addQuantities(pods.map((p) => podResources(p, 'requests')[r]))
    const lim = addQuantities(pods.map((p) => podResources(p, 'limits')[r]))
    w.write(1, `${r}\t${fmt(r, req)} (${pct(req, total(r))}%)\t${fmt(r, lim)} (${pct(lim, total(r))}%)\n`)
  }
  for (const r of Object.keys(alloc).filter((k) => k.startsWith('hugepages-')).sort()) w.write(1, `${r}\t0 (0%)\t0 (0%)\n`)
}

export function describeNode(node: KubeObject, ctx: DescribeContext): string {
  const pods = ctx.store.list('Pod').filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
  return tabbed((w) => {
    const spec = node.spec ?? {}
    const status = node.status ?? {}
    w.write(0, `Name:\t${node.metadata.name}\n`)
    w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`)
    printLabels(w, 'Labels', node.metadata.labels)
    printAnnotations(w, 'Annotations', node.metadata.annotations)
    w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`)
    printTaints(w, 'Taints', spec.taints)
    w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`)
    // The kubelet's Lease in kube-node-lease, renewed every 10s; kubehop keeps none, so show what it would hold.
    const lease = ctx.store.get('Lease', 'kube-node-lease', node.metadata.name)
    w.write(0, 'Lease:\n')
    w.write(1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? node.metadata.name}\n`)
    w.write(1, `AcquireTime:\t${lease?.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`)
    const renewed = ctx.leaseRenewedAt?.(node.metadata.name) ?? ctx.now - (ctx.now % 10)
    w.write(1, `RenewTime:\t${rfc1123z(lease?.spec?.renewTime ?? rfc3339(renewed))}\n`)
    if (status.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of status.conditions) {
        // A real kubelet posts heartbeats; records without them show the node's life as the kubelet reports it.
        const heartbeat = c.lastHeartbeatTime ?? rfc3339(ctx.now)
        const transition = c.lastTransitionTime ?? node.metadata.creationTimestamp
        w.write(1, `${c.type} \t${c.status} \t${rfc1123z(heartbeat)} \t${rfc1123z(transition)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
      }
    }
    w.write(0, 'Addresses:\n')
    for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`)
    for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
      const keys = Object.keys(list ?? {}).sort()
      if (!keys.length) continue
      w.write(0, `${title}:\n`)
      for (const k of keys) w.write(0, `  ${k}:\t${list[k]}\n`)
    }
    const info = status.nodeInfo ?? {}
    w.write(0, 'System Info:\n')
    const rows: [string, string][] = [
      ['Machine ID', info.machineID], ['System UUID', info.systemUUID], ['Boot ID', info.bootID], ['Kernel Version', info.kernelVersion],
      ['OS Image', info.osImage], ['Operating System', info.operatingSystem], ['Architecture', info.architecture],
      ['Container Runtime Version', info.containerRuntimeVersion], ['Kubelet Version', info.kubeletVersion], ['Kube-Proxy Version', info.kubeProxyVersion],
    ]
    for (const [k, v] of rows) w.write(0, `  ${k}:\t${v ?? ''}\n`)
    if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`)
    if (spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`)
    if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`)
    describeNodeResources(w, node, pods, ctx.now)
    describeEvents(w, eventsFor(node, ctx, [node.metadata.name]), ctx.now)
  })
}
