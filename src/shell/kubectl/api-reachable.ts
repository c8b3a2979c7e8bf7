// kubectl's failure when the API server's node is down (client-go's transport errors as kubectl prints them,
// kubectl/pkg/cmd/util/helpers.go): a stopped kind control plane publishes no port, so the connection is refused;
// a paused one still completes the TCP handshake in its kernel but never answers TLS (10 s handshake timeout).
import type { Cluster } from '../../engine/cluster/cluster.ts'
import { apiServerState } from '../../engine/node/control-plane.ts'
import { apiServerURL } from './read/kubeconfig.ts'

/** Verbs that never talk to the API server. */
const OFFLINE = new Set(['config', 'completion', 'help', 'options', 'plugin', 'kustomize'])

/** kubectl's error line when the API server cannot be reached, or undefined when it answers (or is not needed). */
export function apiServerUnreachable(cluster: Cluster, verb: string, args: string[]): string | undefined {
  if (OFFLINE.has(verb) || args.includes('--help') || args.includes('-h') || (verb === 'version' && args.includes('--client'))) return undefined
  const state = apiServerState(cluster.profile, cluster.runtime)
  if (state === 'up') return undefined
  if (state === 'paused') return 'Unable to connect to the server: net/http: TLS handshake timeout'
  return `The connection to the server ${apiServerURL(cluster).replace(/^https:\/\//, '')} was refused - did you specify the right host or port?`
}
