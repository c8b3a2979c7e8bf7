// How many requests each container process has answered (`namespace/pod/container`), one table per cluster: the
// network's requests and the kubelet's HTTP probes both count (kubia-unhealthy fails from its sixth), and a new
// process starts again from zero. Below both the network and the kubelet, so that each can reach it.
import type { ClusterConfig } from '../api/cluster-config.ts'

const tables = new WeakMap<ClusterConfig, Map<string, number>>()

export function servedCounts(config: ClusterConfig): Map<string, number> {
  let t = tables.get(config)
  if (!t) tables.set(config, (t = new Map()))
  return t
}
