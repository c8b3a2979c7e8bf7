// What containers' servers wrote per request (nginx's access log, kubia's "Received request from …"), kept per
// `namespace/pod/container` beside the network state, and read back by `kubectl logs`. Entries are kept raw and
// formatted when read, so a 10,000-request loop pays one small object per request.
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { RequestLogContext } from '../images/types.ts'

export interface RequestRecord extends RequestLogContext { image: string }

/** What is kept per request: the request's headers as they were, searched for the User-Agent only when a log is read. */
export interface RawRequestRecord extends Omit<RequestRecord, 'userAgent'> {
  headers: readonly (readonly [string, string])[]
}

/** UTF-8 length of `text`, as apps/http.ts's byteLength counts it, without iterating code points (it runs per request). */
export function utf8Length(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    if (c < 0x800) n += 1
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 2; i++ }
    else n += 2
  }
  return n
}

const logs = new WeakMap<ClusterConfig, Map<string, (RequestRecord | RawRequestRecord)[]>>()
/** Kept per container; older requests drop out (kubectl logs is not an archive). */
const KEEP = 2000

export function recordRequest(config: ClusterConfig, key: string, record: RequestRecord | RawRequestRecord): void {
  let byKey = logs.get(config)
  if (!byKey) logs.set(config, (byKey = new Map()))
  let list = byKey.get(key)
  if (!list) byKey.set(key, (list = []))
  list.push(record)
  if (list.length > 2 * KEEP) list.splice(0, list.length - KEEP)
}

/** Requests a container answered in [from, to]. */
export function requestsBetween(config: ClusterConfig, key: string, from: number, to: number): RequestRecord[] {
  const out: RequestRecord[] = []
  for (const r of logs.get(config)?.get(key) ?? []) {
    if (r.now < from - 1e-9 || r.now > to + 1e-9) continue
    if (!('headers' in r)) { out.push(r); continue }
    out.push({ image: r.image, now: r.now, method: r.method, path: r.path, status: r.status, bytes: r.bytes, remoteIP: r.remoteIP, remotePort: r.remotePort,
      localPort: r.localPort, userAgent: r.headers.find(([n]) => n.toLowerCase() === 'user-agent')?.[1] ?? '' })
  }
  return out
}
