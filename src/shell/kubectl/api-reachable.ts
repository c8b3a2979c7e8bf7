// kubectl's failure when the API server's node is down (client-go's transport errors as kubectl prints them,
// kubectl/pkg/cmd/util/helpers.go): a stopped kind control plane publishes no port, so the connection is refused;
// a paused one still completes the TCP handshake in its kernel but never answers TLS (10 s handshake timeout).
import type { Cluster } from '../../engine/cluster/cluster.ts'
import { apiServerState } from '../../engine/node/control-plane.ts'
import { apiServerURL } from './read/kubeconfig.ts'
import { klogHeader } from './klog.ts'
import { kubectlPid } from './write/port-forward-log.ts'

/** Verbs that never talk to the API server. */
const OFFLINE = new Set(['config', 'completion', 'help', 'options', 'plugin', 'kustomize'])

/** kubectl's error line when the API server cannot be reached, or undefined when it answers (or is not needed). */
export function apiServerUnreachable(cluster: Cluster, verb: string, args: string[]): string | undefined {
  if (OFFLINE.has(verb) || args.includes('--help') || args.includes('-h') || (verb === 'version' && args.includes('--client'))) return undefined
  const state = apiServerState(cluster.profile, cluster.runtime)
  if (state === 'up') return undefined
  if (state === 'paused') return 'Unable to connect to the server: net/http: TLS handshake timeout'
  const url = apiServerURL(cluster)
  const hostPort = url.replace(/^https:\/\//, '')
  const refused = `The connection to the server ${hostPort} was refused - did you specify the right host or port?`
  // `kubectl version` asks the server its version only; the other verbs map resources through discovery first, whose
  // cached client logs each failed attempt to fetch the group list (memcache.go) through runtime.HandleError: five
  // lines, a few hundred microseconds apart, in kubectl 1.31+'s structured form.
  if (verb === 'version') return refused
  const now = cluster.clock.now()
  const pid = kubectlPid(`${now}/${verb}/${args.join(' ')}`)
  const err = `couldn't get current server API group list: Get "${url}/api?timeout=32s": dial tcp ${hostPort}: connect: connection refused`
  const lines = Array.from({ length: 5 }, (_, i) => `${klogHeader('E', now + 0.000513 + i * 0.00131, pid, 'memcache.go:265')}"Unhandled Error" err=${JSON.stringify(err)}`)
  return [...lines, refused].join('\n')
}
