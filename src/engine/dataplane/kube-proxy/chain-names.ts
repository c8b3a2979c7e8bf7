// kube-proxy's per-service chain names: a prefix plus the first 16 base32 characters of a sha256.
// Source: pkg/proxy/iptables/proxier.go (portProtoHash, servicePortEndpointChainName), v1.32.
import { base32 } from './base32'
import { sha256 } from '../../util/sha256.ts'

// Every node's kube-proxy hashes the same service ports and endpoints on every sync: remember the answers.
const HASH_CACHE_MAX = 100_000
const hashCache = new Map<string, string>()

function hash16(input: string): string {
  let h = hashCache.get(input)
  if (h === undefined) {
    h = base32(sha256(input)).slice(0, 16)
    if (hashCache.size >= HASH_CACHE_MAX) hashCache.clear()
    hashCache.set(input, h)
  }
  return h
}

/**
 * `ServicePortName.String()` from pkg/proxy/types.go: `namespace/name`, plus `:port` when the port is named.
 * This string is both the hash input and the text of kube-proxy's `--comment`s.
 */
export function servicePortName(namespace: string, name: string, portName: string | undefined): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ''}`
}

/**
 * The chains kube-proxy derives from one service port (`svcPortName` as from servicePortName(), protocol
 * lower-case): KUBE-SVC (Cluster policy endpoints), KUBE-SVL (Local policy endpoints), KUBE-EXT (external
 * traffic), KUBE-FW (loadBalancerSourceRanges). They share one hash of `svcPortName + protocol`
 * (proxier.go: servicePortPolicyClusterChain, servicePortPolicyLocalChainName, serviceExternalChainName,
 * serviceFirewallChainName).
 */
export function serviceChainNames(svcPortName: string, protocol: string) {
  const hash = hash16(svcPortName + protocol.toLowerCase())
  return {
    cluster: `KUBE-SVC-${hash}`,
    local: `KUBE-SVL-${hash}`,
    external: `KUBE-EXT-${hash}`,
    firewall: `KUBE-FW-${hash}`,
  }
}

/**
 * KUBE-SEP-<hash of svcPortName + protocol + "ip:port">: one chain per endpoint of a service port
 * (proxier.go: servicePortEndpointChainName).
 */
export function endpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(svcPortName + protocol.toLowerCase() + endpoint)}`
}
