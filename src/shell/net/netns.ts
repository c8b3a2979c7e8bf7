// The interfaces and IPv4 routes a tool sees in a pod's network namespace, as kindnet's CNI chain builds it
// (/etc/cni/net.d/10-kindnet.conflist: ptp with host-local IPAM over the node's podCIDR, routes [0.0.0.0/0], mtu 1500;
// containernetworking/plugins plugins/main/ptp/ptp.go), or the node's own namespace for a hostNetwork pod.
import type { NetNode, NetPod, NetworkView } from '../../engine/network/view.ts'
import { vethName } from '../../engine/network/routes.ts'
import { cidrHost, intToIp, ipToInt, parseCidr } from '../../engine/net/ip.ts'
import { ipv6Text, linkLocalFor, macFor } from './link-addresses.ts'

export interface Inet4 { ip: string; prefix: number; brd?: string; scope: 'host' | 'global'; dynamic?: boolean }
export interface Inet6 { ip: string; prefix: number; scope: 'host' | 'link' | 'global'; proto?: 'kernel_lo' | 'kernel_ll'; nodad?: boolean }

export interface Iface {
  index: number
  name: string
  /** A veth's peer: its index in the other namespace (`eth0@if6`) and that namespace's id as seen from here. */
  peer?: { index: number; netnsid: number }
  loopback: boolean
  mtu: number
  /** txqueuelen: 1000 for lo and for veths the CNI creates; Docker creates its veths with 0 (not printed). */
  qlen: number
  mac: number[]
  inet: Inet4[]
  inet6: Inet6[]
}

export interface Route4 { dst: string; via?: string; dev: string; proto?: 'kernel'; scope?: 'link' | 'host'; src?: string }

export interface Netns { ifaces: Iface[]; routes: Route4[] }

const LO: Iface = {
  index: 1, name: 'lo', loopback: true, mtu: 65536, qlen: 1000, mac: [0, 0, 0, 0, 0, 0],
  inet: [{ ip: '127.0.0.1', prefix: 8, scope: 'host' }],
  // The kernel adds ::1 itself (IFA_PROTO kernel_lo): nothing in a pod re-adds it as systemd does on hosts.
  inet6: [{ ip: '::1', prefix: 128, scope: 'host', proto: 'kernel_lo' }],
}

/** GKE's VPC has an MTU of 1460 and its ptp config says so; kind and minikube use the docker network's 1500. */
const mtuOf = (view: NetworkView) => (view.profileType === 'gke' ? 1460 : 1500)

/**
 * The node side of a pod's veth. host-local hands addresses out in order from .2 and never at once reuses one, and
 * each sandbox's ADD creates one veth in the node's namespace (lo is 1, the node's own eth0 2), so the Nth sandbox
 * has address .N+1 and host-side index N+2: a pod's offset in the podCIDR plus one.
 */
function hostVethIndex(node: NetNode, podIP: string): number {
  return ipToInt(podIP) - parseCidr(node.podCIDR).base + 1
}

/** The range's last address, as netlink computes `brd` (none for /31 and /32). */
function broadcast(ip: string, prefix: number): string | undefined {
  if (prefix >= 31) return undefined
  const { base, size } = parseCidr(`${ip}/${prefix}`)
  return intToIp(base + size - 1)
}

/**
 * ptp gives eth0 the IPAM address with the range's prefix (brd computed by netlink), deletes the subnet route the
 * kernel added and puts in `GW/32 scope link` and `SUBNET via GW`; host-local's route 0.0.0.0/0 goes via the gateway.
 */
export function podNetns(view: NetworkView, pod: NetPod): Netns {
  const node = view.nodes.find((n) => n.name === pod.nodeName)
  if (!node || pod.hostNetwork) return node ? nodeNetns(view, node) : { ifaces: [LO], routes: [] }
  const { prefix } = parseCidr(node.podCIDR)
  const mac = macFor(`pod:${pod.namespace}/${pod.name}/${pod.ip}`)
  const eth0: Iface = {
    index: 2, name: 'eth0', peer: { index: hostVethIndex(node, pod.ip), netnsid: 0 }, loopback: false, mtu: mtuOf(view), qlen: 1000, mac,
    inet: [{ ip: pod.ip, prefix, brd: broadcast(pod.ip, prefix), scope: 'global' }],
    inet6: [{ ip: ipv6Text(linkLocalFor(mac)), prefix: 64, scope: 'link', proto: 'kernel_ll' }],
  }
  const subnet = `${cidrHost(node.podCIDR, 0)}/${prefix}`
  const routes: Route4[] = [
    { dst: 'default', via: node.gatewayIP, dev: 'eth0' },
    { dst: subnet, via: node.gatewayIP, dev: 'eth0', src: pod.ip },
    { dst: node.gatewayIP, dev: 'eth0', scope: 'link', src: pod.ip },
  ]
  return { ifaces: [LO, eth0], routes }
}

/** kind's docker network is dual-stack (kind creates it with a ULA /64 derived from its name); minikube's is not. */
const KIND_ULA = 'fc00:f853:ccd:e793'

/**
 * A node's namespace as far as kubehop knows it: lo, the node container's eth0 on the docker network (or, roughly,
 * the VM's on GKE: its /32 and the subnet gateway on-link) and one veth per local pod (ptp puts the gateway as a /32 on it and a `POD dev VETH scope host` route), plus
 * kindnet's route to every other node's podCIDR. What else a real node has (containerd's, docker's) is not listed.
 */
function nodeNetns(view: NetworkView, node: NetNode): Netns {
  const position = view.nodes.indexOf(node)
  const mac = macFor(`node:${node.name}`)
  const docker = view.dockerNetwork
  const prefix = docker ? parseCidr(docker).prefix : 32
  const inet6: Inet6[] = view.profileType === 'kind'
    ? [{ ip: `${KIND_ULA}::${(position + 2).toString(16)}`, prefix: 64, scope: 'global', nodad: true }, { ip: ipv6Text(linkLocalFor(mac)), prefix: 64, scope: 'link', proto: 'kernel_ll' }]
    : []
  // The docker host's end of the node's veth has some index of the host's; kubehop numbers them per node.
  const eth0: Iface = {
    index: 2, name: 'eth0', peer: docker ? { index: 5 + 2 * position, netnsid: 0 } : undefined, loopback: false, mtu: mtuOf(view), qlen: docker ? 0 : 1000, mac,
    inet: [{ ip: node.internalIP, prefix, brd: docker ? broadcast(node.internalIP, prefix) : undefined, scope: 'global' }],
    inet6,
  }
  const pods = view.pods.filter((p) => p.nodeName === node.name && !p.hostNetwork).sort((a, b) => ipToInt(a.ip) - ipToInt(b.ip))
  const veths = pods.map((p, i): Iface => {
    const vmac = macFor(`veth:${p.namespace}/${p.name}/${p.ip}`)
    return {
      index: hostVethIndex(node, p.ip), name: vethName(p), peer: { index: 2, netnsid: i + 1 }, loopback: false, mtu: mtuOf(view), qlen: 1000, mac: vmac,
      inet: [{ ip: node.gatewayIP, prefix: 32, scope: 'global' }],
      inet6: [{ ip: ipv6Text(linkLocalFor(vmac)), prefix: 64, scope: 'link', proto: 'kernel_ll' }],
    }
  }).sort((a, b) => a.index - b.index)
  const gateway = docker ? view.hostIP : '10.128.0.1'
  const routes: Route4[] = [
    { dst: 'default', via: gateway, dev: 'eth0' },
    ...pods.map((p) => ({ dst: p.ip, dev: vethName(p), scope: 'host' as const })),
    // kindnet's routes to the other nodes' pods; on GKE (VPC-native) the VPC routes them, the node has no such route.
    ...(docker ? view.nodes.filter((n) => n !== node).map((n) => ({ dst: n.podCIDR, via: n.internalIP, dev: 'eth0' })) : []),
    ...(docker ? [{ dst: docker, dev: 'eth0', proto: 'kernel' as const, scope: 'link' as const, src: node.internalIP }] : [{ dst: gateway, dev: 'eth0', scope: 'link' as const }]),
  ]
  return { ifaces: [LO, eth0, ...veths], routes: sortRoutes(routes) }
}

/** The FIB's dump order: by destination address, then prefix length. */
function sortRoutes(routes: Route4[]): Route4[] {
  const key = (r: Route4) => {
    if (r.dst === 'default') return [0, 0]
    const [ip, bits] = r.dst.split('/')
    return [ipToInt(ip), bits === undefined ? 32 : Number(bits)]
  }
  return [...routes].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1])
}
