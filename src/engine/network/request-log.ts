// What containers' servers wrote per request (nginx's access log, kubia's "Received request from …"), kept per
// `namespace/pod/container` beside the network state, and read back by `kubectl logs`. Entries are kept raw and
// formatted when read, so a 10,000-request loop pays one small object per request.
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { RequestLogContext } from '../images/types.ts'

export interface RequestRecord extends RequestLogContext { image: string }

const logs = new WeakMap<ClusterConfig, Map<string, RequestRecord[]>>()
/** Kept per container; older requests drop out (kubectl logs is not an archive). */
const KEEP = 2000

export function recordRequest(config: ClusterConfig, key: string, record: RequestRecord): void {
  let byKey = logs.get(config)
  if (!byKey) logs.set(config, (byKey = new Map()))
  let list = byKey.get(key)
  if (!list) byKey.set(key, (list = []))
  list.push(record)
  if (list.length > 2 * KEEP) list.splice(0, list.length - KEEP)
}

/** Requests a container answered in [from, to]. */
export function requestsBetween(config: ClusterConfig, key: string, from: number, to: number): RequestRecord[] {
  return (logs.get(config)?.get(key) ?? []).filter((r) => r.now >= from - 1e-9 && r.now <= to + 1e-9)
}
