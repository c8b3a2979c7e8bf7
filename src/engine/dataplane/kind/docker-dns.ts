// Docker's embedded DNS rules inside a kind node, after kind's entrypoint rewrote them (images/base/files/
// usr/local/bin/entrypoint, enable_network_magic): 127.0.0.11 is replaced by the docker network's gateway so
// pods can reach it, DOCKER_OUTPUT is also entered from PREROUTING, and replies are SNATed back to port 53.
import type { ChainWriter, DockerDNS } from '../types'

/** The jumps, in iptables-restore order (PREROUTING's comes from kind's sed, after OUTPUT's). */
export function writeDockerDNSJumps(t: ChainWriter, dns: DockerDNS): void {
  const d = { cidr: `${dns.gateway}/32` }
  t.add({ chain: 'PREROUTING', destination: d, matches: [], target: { kind: 'jump', chain: 'DOCKER_OUTPUT' } })
  t.add({ chain: 'OUTPUT', destination: d, matches: [], target: { kind: 'jump', chain: 'DOCKER_OUTPUT' } })
  t.add({ chain: 'POSTROUTING', destination: d, matches: [], target: { kind: 'jump', chain: 'DOCKER_POSTROUTING' } })
}

export function writeDockerDNSChains(t: ChainWriter, dns: DockerDNS): void {
  const d = { cidr: `${dns.gateway}/32` }
  t.add({ chain: 'DOCKER_OUTPUT', destination: d, protocol: 'tcp', matches: [{ module: 'tcp', dport: 53 }], target: { kind: 'DNAT', ip: '127.0.0.11', port: dns.tcpPort } })
  t.add({ chain: 'DOCKER_OUTPUT', destination: d, protocol: 'udp', matches: [{ module: 'udp', dport: 53 }], target: { kind: 'DNAT', ip: '127.0.0.11', port: dns.udpPort } })
  t.add({ chain: 'DOCKER_POSTROUTING', source: { cidr: '127.0.0.11/32' }, protocol: 'tcp', matches: [{ module: 'tcp', sport: dns.tcpPort }], target: { kind: 'SNAT', ip: dns.gateway, port: 53 } })
  t.add({ chain: 'DOCKER_POSTROUTING', source: { cidr: '127.0.0.11/32' }, protocol: 'udp', matches: [{ module: 'udp', sport: dns.udpPort }], target: { kind: 'SNAT', ip: dns.gateway, port: 53 } })
}
