// Routing decisions outside netfilter: a pod's single default route, a kind node's table (kindnet adds one
// route per other node's pod subnet; each local pod has a /32 on its veth), and the host's table.
import type { NetNode, NetPod, NetworkView } from './view.ts'
import { cidrContains, ipToInt, parseCidr } from '../net/ip.ts'

export type NodeRoute =
  | { kind: 'local-pod'; pod: NetPod; rule: string }
  | { kind: 'no-pod'; rule: string }
  | { kind: 'node'; node: NetNode; rule: string }
  | { kind: 'docker'; rule: string }
  | { kind: 'default'; rule: string }

/** A stable veth name for a pod, in the style of the ptp plugin (`veth` + 8 hex chars). */
export function vethName(pod: NetPod): string {
  let name = veths.get(pod)
  if (name === undefined) {
    let h = 0x811c9dc5
    for (const c of `${pod.namespace}/${pod.name}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193)
    name = `veth${(h >>> 0).toString(16).padStart(8, '0')}`
    veths.set(pod, name)
  }
  return name
}

const veths = new WeakMap<NetPod, string>()

const podIndexes = new WeakMap<NetPod[], { length: number; byIP: Map<string, NetPod[]> }>()

/** The view's pods by IP, in view order (built once per list of pods: a view's list does not change). */
function podsByIP(view: NetworkView): Map<string, NetPod[]> {
  let idx = podIndexes.get(view.pods)
  if (!idx || idx.length !== view.pods.length) {
    const byIP = new Map<string, NetPod[]>()
    for (const p of view.pods) {
      const list = byIP.get(p.ip)
      if (list) list.push(p)
      else byIP.set(p.ip, [p])
    }
    idx = { length: view.pods.length, byIP }
    podIndexes.set(view.pods, idx)
  }
  return idx.byIP
}

const subnetIndexes = new WeakMap<NetNode[], { node: NetNode; base: number; size: number }[]>()

/** Each node's pod subnet as numbers, once per list of nodes (a view's list does not change). */
function podSubnets(view: NetworkView): { node: NetNode; base: number; size: number }[] {
  let list = subnetIndexes.get(view.nodes)
  if (!list) {
    list = view.nodes.map((node) => ({ node, ...parseCidr(node.podCIDR) }))
    subnetIndexes.set(view.nodes, list)
  }
  return list
}

/** The node's routing decision for a destination address (`ip route get`). */
export function nodeRoute(view: NetworkView, node: NetNode, dstIp: string): NodeRoute {
  const dst = ipToInt(dstIp)
  const subnets = podSubnets(view)
  const own = subnets.find((s) => s.node === node)
  if (own ? dst >= own.base && dst < own.base + own.size : cidrContains(node.podCIDR, dstIp)) {
    const pod = podsByIP(view).get(dstIp)?.find((p) => p.nodeName === node.name && !p.hostNetwork)
    return pod ? { kind: 'local-pod', pod, rule: `${dstIp} dev ${vethName(pod)} scope host` } : { kind: 'no-pod', rule: `${dstIp} dev eth0 (no pod holds this address)` }
  }
  for (const { node: other, base, size } of subnets) {
    if (other.name !== node.name && dst >= base && dst < base + size) return { kind: 'node', node: other, rule: `${other.podCIDR} via ${other.internalIP} dev eth0` }
  }
  const byIP = view.nodes.find((n) => n.internalIP === dstIp && n.name !== node.name)
  const onLink = view.dockerNetwork ?? (view.profileType === 'gke' ? '10.128.0.0/20' : undefined)
  if (byIP) return { kind: 'node', node: byIP, rule: `${onLink ?? byIP.internalIP} dev eth0 proto kernel scope link src ${node.internalIP}` }
  if (view.dockerNetwork && cidrContains(view.dockerNetwork, dstIp)) return { kind: 'docker', rule: `${view.dockerNetwork} dev eth0 proto kernel scope link src ${node.internalIP}` }
  const gw = view.dockerNetwork ? view.hostIP : '10.128.0.1'
  return { kind: 'default', rule: `default via ${gw} dev eth0` }
}

/** The pod's only route (plus its /32 link route to the gateway), as the ptp plugin configures it. */
export function podDefaultRoute(node: NetNode): string {
  return `default via ${node.gatewayIP} dev eth0`
}
