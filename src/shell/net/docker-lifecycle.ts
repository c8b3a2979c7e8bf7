// `docker stop|kill|start|pause|unpause NODE...` on kind (and minikube) node containers, and the container facts
// `docker ps` shows for them: ids, `Up 5 minutes`, `Up 3 seconds (Paused)`, `Exited (137) 2 minutes ago`.
// Texts from the docker CLI (cli/command/container/{stop,kill,start,pause,unpause}.go: each name echoed on success,
// errors collected and printed, exit 1) and moby (daemon/errors.go, api/server/router/container/container_routes.go).
import type { CommandIO, ShellHost } from '../command.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'
import { applyNodeAction, nodeContainerState } from '../../engine/network/node-container.ts'
import type { NodeAction } from '../../engine/network/node-container.ts'

export const NODE_LIFECYCLE_VERBS: readonly string[] = ['stop', 'kill', 'start', 'pause', 'unpause']

/** The node containers docker knows about (a cloud cluster's nodes are VMs, not local containers). */
function nodeContainers(cluster: Cluster | null): Cluster['profile']['nodes'] {
  return cluster && cluster.profile.type !== 'gke' ? cluster.profile.nodes : []
}

/** A node container's 64-hex id; `docker ps` shows its first 12 characters. */
export function containerId(cluster: Cluster, name: string): string {
  const idx = cluster.profile.nodes.findIndex((n) => n.name === name)
  const short = (0x3f2a9c1b7e00 + idx * 0x1111111).toString(16).slice(0, 12)
  let h = 0x811c9dc5
  let rest = ''
  while (rest.length < 52) {
    for (const c of `${name}/${rest.length}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193)
    rest += (h >>> 0).toString(16).padStart(8, '0')
  }
  return short + rest.slice(0, 52)
}

/** docker's go-units HumanDuration, as `docker ps` prints ages. */
function humanDuration(seconds: number): string {
  const s = Math.floor(seconds)
  if (s < 1) return 'Less than a second'
  if (s === 1) return '1 second'
  if (s < 60) return `${s} seconds`
  const m = Math.floor(s / 60)
  if (m === 1) return 'About a minute'
  if (m < 60) return `${m} minutes`
  const h = Math.round(s / 3600)
  if (h === 1) return 'About an hour'
  if (h < 48) return `${h} hours`
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`
  return `${Math.floor(h / 24 / 7)} weeks`
}

/** The STATUS column of `docker ps -a` for a node container. */
export function containerStatus(cluster: Cluster, name: string): string {
  const state = nodeContainerState(cluster, name)
  const now = cluster.clock.now()
  if (state.status === 'exited') return `Exited (${state.exitCode ?? 0}) ${humanDuration(now - (state.finishedAt ?? now))} ago`
  const up = state.startedAt === undefined ? '5 minutes' : humanDuration(now - state.startedAt)
  return state.status === 'paused' ? `Up ${up} (Paused)` : `Up ${up}`
}

const USAGE: Record<string, string> = {
  stop: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop one or more running containers',
  kill: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]\n\nKill one or more running containers',
  start: 'docker start [OPTIONS] CONTAINER [CONTAINER...]\n\nStart one or more stopped containers',
  pause: 'docker pause CONTAINER [CONTAINER...]\n\nPause all processes within one or more containers',
  unpause: 'docker unpause CONTAINER [CONTAINER...]\n\nUnpause all processes within one or more containers',
}

/** `docker stop|kill|start|pause|unpause NAME...`: each name is echoed when done; failures are printed and exit 1. */
export function dockerNodeLifecycle(io: CommandIO, host: ShellHost): number {
  const verb = io.argv[1] as NodeAction
  const names: string[] = []
  const args = io.argv.slice(2)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    // Options that take a value (-t/--time, -s/--signal); others (-a, -i) are accepted and ignored.
    if (/^(-t|--time|-s|--signal|--timeout)$/.test(a)) { i++; continue }
    if (a.startsWith('-')) continue
    names.push(a)
  }
  if (!names.length) {
    io.err(`"docker ${verb}" requires at least 1 argument.\nSee 'docker ${verb} --help'.\n\nUsage:  ${USAGE[verb]}\n`)
    return 1
  }
  const cluster = host.cluster
  const known = nodeContainers(cluster)
  const failed: string[] = []
  for (const name of names) {
    const result = cluster && known.some((n) => n.name === name)
      ? applyNodeAction(cluster, name, verb, containerId(cluster, name))
      : { ok: false as const, error: `No such container: ${name}` }
    if (result.ok) io.out(`${name}\n`)
    else {
      io.err(`Error response from daemon: ${result.error}\n`)
      failed.push(name)
    }
  }
  // `docker start` sums up its failures; the others only print each daemon error.
  if (failed.length && verb === 'start') io.err(`Error: failed to start containers: ${failed.join(', ')}\n`)
  return failed.length ? 1 : 0
}
