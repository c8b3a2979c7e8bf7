// The CNI portmap plugin (containernetworking/plugins plugins/meta/portmap): a pod's `hostPort` becomes a DNAT
// rule in the CNI-HOSTPORT-DNAT chain of the node the pod runs on, and nowhere else.
import type { NetNode, NetPod, NetworkView } from './view.ts'
import type { Pkt } from './packet.ts'

export interface PortmapHit {
  pod: NetPod
  containerPort: number
  rule: string
}

/** The hostPort DNAT a packet to `node` hits, if a pod on that node publishes the destination port. */
export function portmapDNAT(view: NetworkView, node: NetNode, pkt: Pkt): PortmapHit | undefined {
  if (pkt.dst.ip !== node.internalIP || pkt.protocol === 'icmp') return undefined
  for (const pod of view.pods) {
    if (pod.nodeName !== node.name || pod.hostNetwork || !pod.running) continue
    for (const c of pod.containers) {
      for (const port of c.ports ?? []) {
        const hostPort = port.hostPort
        if (hostPort === pkt.dst.port && (port.protocol ?? 'TCP').toLowerCase() === pkt.protocol) {
          return { pod, containerPort: port.containerPort,
            rule: `-A CNI-DN-${chainSuffix(pod)} -p ${pkt.protocol} -m ${pkt.protocol} --dport ${hostPort} -j DNAT --to-destination ${pod.ip}:${port.containerPort}` }
        }
      }
    }
  }
  return undefined
}

function chainSuffix(pod: NetPod): string {
  let h = 0x811c9dc5
  for (const c of pod.obj.metadata.uid ?? pod.name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0').repeat(3).slice(0, 24)
}
