// `docker exec NODE ...` on a kind (or minikube) node container: iptables-save and conntrack -L show what
// kube-proxy programmed and what the kernel tracks on that node. `docker ps` lists the node containers.
import type { Command } from '../command.ts'
import { renderConntrackList, renderIptablesSave } from '../../engine/dataplane/index.ts'
import type { TableName } from '../../engine/dataplane/types.ts'
import { compiledRules, worldFor } from '../../engine/network/cluster-world.ts'
import { dockerPull } from '../commands/local-images.ts'
import { nodeShellSession } from '../interactive/node-shell.ts'
import { nftCommand } from './nft.ts'
import { iptablesCommand } from './iptables.ts'
import { curl } from './curl.ts'
import { dockerNetwork } from './docker-network.ts'
import { NODE_LIFECYCLE_VERBS, containerId, containerStatus, dockerNodeLifecycle } from './docker-lifecycle.ts'
import { apiServerURL } from '../kubectl/read/kubeconfig.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'
import { ociExecNotFound } from '../../engine/node/container-exec.ts'

export const docker: Command = (io, host) => {
  const args = io.argv.slice(1)
  const cluster = host.cluster
  if (args[0] === 'exec') {
    let i = 1
    while (i < args.length && args[i].startsWith('-')) i++
    const nodeName = args[i]
    const cmd = args.slice(i + 1)
    if (!nodeName || !cmd.length) { io.err('"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n'); return 1 }
    const node = cluster && cluster.profile.type !== 'gke' ? cluster.profile.nodes.find((n) => n.name === nodeName) : undefined
    if (!node || !cluster) { io.err(`Error response from daemon: No such container: ${nodeName}\n`); return 1 }
    const status = cluster.runtime.nodes.get(node.name)?.status
    if (status === 'exited') { io.err(`Error response from daemon: container ${containerId(cluster, node.name)} is not running\n`); return 1 }
    if (status === 'paused') { io.err(`Error response from daemon: container ${containerId(cluster, node.name)} is paused, unpause the container before exec\n`); return 1 }
    const session = nodeShellSession(io, host, args.slice(1, i), node, cmd)
    if (session !== undefined) return session
    if (cmd[0] === 'iptables-save') {
      const t = cmd.indexOf('-t') >= 0 ? cmd[cmd.indexOf('-t') + 1] : cmd.find((c) => c.startsWith('--table='))?.slice(8)
      if (t && !['nat', 'filter', 'mangle'].includes(t)) { io.err(`iptables-save v1.8.9 (nf_tables): Table \`${t}' does not exist\n`); return 1 }
      io.out(renderIptablesSave(compiledRules(cluster).get(node.name)!, { table: t as TableName | undefined, now: cluster.clock.now() }))
      return 0
    }
    if (cmd[0] === 'nft') return nftCommand(io, cmd.slice(1), compiledRules(cluster).get(node.name)!)
    if (cmd[0] === 'iptables') return iptablesCommand(io, cmd.slice(1), compiledRules(cluster).get(node.name)!)
    // kind's node image ships curl: it runs in the node's own network namespace.
    if (cmd[0] === 'curl') return curl({ ...io, argv: cmd, location: { kind: 'node', node: node.name } }, host)
    if (cmd[0] === 'conntrack' && (cmd.includes('-L') || cmd.includes('--dump'))) {
      const world = worldFor(cluster)
      const r = renderConntrackList(world.nodeState(node.name).conntrack, cluster.clock.now())
      io.out(r.stdout)
      io.err(r.stderr)
      return 0
    }
    io.err(`${ociExecNotFound(cmd[0])}\n`)
    return 126
  }
  if (NODE_LIFECYCLE_VERBS.includes(args[0])) return dockerNodeLifecycle(io, host)
  if (args[0] === 'pull') return dockerPull(io, host, args.slice(1))
  if (args[0] === 'network') return dockerNetwork(io, cluster, args.slice(1))
  if (args[0] === 'ps') {
    if (!cluster || cluster.profile.type === 'gke') { io.out('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n'); return 0 }
    const all = args.includes('-a') || args.includes('--all')
    const rows = cluster.profile.nodes.flatMap((n, idx) => {
      const exited = cluster.runtime.nodes.get(n.name)?.status === 'exited'
      if (exited && !all) return []
      const id = containerId(cluster, n.name).slice(0, 12)
      // A stopped container publishes no ports.
      const ports = exited ? '' : [...n.extraPortMappings.map((m) => `${m.listenAddress}:${m.hostPort}->${m.containerPort}/${m.protocol.toLowerCase()}`),
        ...(n.role === 'control-plane' ? [`127.0.0.1:${apiServerPort(cluster, idx)}->6443/tcp`] : [])].join(', ')
      return [[id, `kindest/node:${cluster.profile.kubernetesVersion}`, '"/usr/local/bin/entr…"', '5 minutes ago', containerStatus(cluster, n.name), ports, n.name]]
    })
    const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
    const line = (r: string[]) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c] + 3))).join('')
    io.out([header, ...rows].map(line).join('\n') + '\n')
    return 0
  }
  io.err(`docker: '${args[0] ?? ''}' is not a docker command.\nSee 'docker --help'\n`)
  return 1
}

/** The host port a control-plane container publishes 6443 on: the kubeconfig's for a single control plane. */
function apiServerPort(cluster: Cluster, idx: number): string {
  const planes = cluster.profile.nodes.filter((n) => n.role === 'control-plane').length
  return planes === 1 ? apiServerURL(cluster).replace(/^.*:/, '') : String(35000 + idx)
}
