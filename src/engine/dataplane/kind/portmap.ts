// The CNI portmap plugin's iptables rules (containernetworking/plugins plugins/meta/portmap/portmap_iptables.go,
// v1.x, as kindnet's CNI config runs it with SNAT on and mark bit 13): a pod's hostPorts become a per-sandbox
// CNI-DN-… chain (DNAT, plus masquerade marks for hairpin and localhost clients) behind CNI-HOSTPORT-DNAT,
// entered from PREROUTING and OUTPUT for local destinations.
import { sha512Hex } from '../../util/sha512.ts'
import type { ChainWriter, HostPortPod } from '../types'

/** The CNI network name in kindnet's conflist. */
const NETWORK = 'kindnet'
const MARK = 0x2000

/** utils.FormatChainNameWithPrefix: `CNI-` + prefix + sha512(name + id) in hex, cut to iptables' 28 characters. */
function cniChainName(prefix: string, network: string, id: string): string {
  return `CNI-${prefix}${sha512Hex(network + id)}`.slice(0, 28)
}

/** The chains every node with at least one hostPort pod has, before kube-proxy's POSTROUTING jump (prepended). */
export function writePortmapMasq(t: ChainWriter): void {
  t.add({ chain: 'POSTROUTING', matches: [{ module: 'comment', comment: 'CNI portfwd requiring masquerade' }], target: { kind: 'jump', chain: 'CNI-HOSTPORT-MASQ' } })
  t.add({ chain: 'CNI-HOSTPORT-MASQ', matches: [{ module: 'mark', value: MARK, mask: MARK }], target: { kind: 'MASQUERADE', randomFully: false } })
  t.add({ chain: 'CNI-HOSTPORT-SETMARK', matches: [{ module: 'comment', comment: 'CNI portfwd masquerade mark' }], target: { kind: 'MARK', value: MARK, mask: MARK } })
}

/** The DNAT side: the entry jumps (appended after kube-proxy's), then each sandbox's chain (newest first in CNI-HOSTPORT-DNAT). */
export function writePortmapDNAT(t: ChainWriter, pods: HostPortPod[]): void {
  for (const chain of ['PREROUTING', 'OUTPUT']) {
    t.add({ chain, matches: [{ module: 'addrtype', dstType: 'LOCAL' }], target: { kind: 'jump', chain: 'CNI-HOSTPORT-DNAT' } })
  }
  for (const pod of [...pods].reverse()) {
    const dn = cniChainName('DN-', NETWORK, pod.sandboxID)
    const protocols = [...new Set(pod.ports.map((p) => p.protocol))].sort()
    for (const protocol of protocols) {
      t.add({
        chain: 'CNI-HOSTPORT-DNAT', protocol,
        matches: [{ module: 'comment', comment: `dnat name: "${NETWORK}" id: "${pod.sandboxID}"` },
          { module: 'multiport', dports: pod.ports.filter((p) => p.protocol === protocol).map((p) => p.hostPort) }],
        target: { kind: 'jump', chain: dn },
      })
    }
  }
  for (const pod of pods) {
    const dn = cniChainName('DN-', NETWORK, pod.sandboxID)
    for (const p of pod.ports) {
      const base = { chain: dn, protocol: p.protocol }
      const l4 = { module: p.protocol, dport: p.hostPort } as const
      // Hairpin (the pod calling its own hostPort) and localhost clients need masquerading.
      t.add({ ...base, source: { cidr: `${pod.podIP}/32` }, matches: [l4], target: { kind: 'jump', chain: 'CNI-HOSTPORT-SETMARK' } })
      t.add({ ...base, source: { cidr: '127.0.0.1/32' }, matches: [l4], target: { kind: 'jump', chain: 'CNI-HOSTPORT-SETMARK' } })
      t.add({ ...base, matches: [l4], target: { kind: 'DNAT', ip: pod.podIP, port: p.containerPort } })
    }
  }
}
