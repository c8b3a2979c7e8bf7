// `docker network inspect -f '{{.IPAM.Config}}' kind` (kind's LoadBalancer docs read the network's range this
// way): Go's %v of the IPAMConfig list, {Subnet IPRange Gateway AuxAddress}. kind's network also has an IPv6
// subnet (kind pkg/cluster/internal/providers/docker/network.go); minikube's is IPv4 only (192.168.49.0/24).
import type { CommandIO } from '../command.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'

const IPAM: Record<string, string> = {
  kind: '[{172.18.0.0/16  172.18.0.1 map[]} {fc00:f853:ccd:e793::/64   map[]}]',
  minikube: '[{192.168.49.0/24  192.168.49.1 map[]}]',
}

export function dockerNetwork(io: CommandIO, cluster: Cluster | null, args: string[]): number {
  if (args[0] !== 'inspect') {
    io.err(`kubehop: docker network ${args[0] ?? ''} is not simulated (docker network inspect -f '{{.IPAM.Config}}' NAME is)\n`)
    return 1
  }
  const f = args.indexOf('-f') >= 0 ? args.indexOf('-f') : args.indexOf('--format')
  const format = f >= 0 ? args[f + 1] : args.find((a) => a.startsWith('--format='))?.slice(9)
  const names = args.slice(1).filter((a, i) => !a.startsWith('-') && args[i] !== '-f' && args[i] !== '--format')
  if (!names.length) { io.err('"docker network inspect" requires at least 1 argument.\nSee \'docker network inspect --help\'.\n\nUsage:  docker network inspect [OPTIONS] NETWORK [NETWORK...]\n\nDisplay detailed information on one or more networks\n'); return 1 }
  const out: string[] = []
  let code = 0
  for (const name of names) {
    const ipam = cluster && cluster.profile.type === name ? IPAM[name] : undefined
    if (!ipam) { io.err(`Error: No such network: ${name}\n`); code = 1; continue }
    if (format?.replace(/\s/g, '') !== '{{.IPAM.Config}}') { io.err(`kubehop: only -f '{{.IPAM.Config}}' is simulated for docker network inspect\n`); return 1 }
    out.push(ipam)
  }
  if (out.length) io.out(out.join('\n') + '\n')
  return code
}
