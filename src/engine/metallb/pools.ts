// MetalLB's address pools and who announces an address: what its controller allocates from (IPAddressPool
// spec.addresses: CIDRs or `a-b` ranges) and which speaker answers ARP for it (L2Advertisement).
// Upstream: metallb/metallb internal/allocator (pool ranges, first free address) and speaker/layer2_controller.go
// (ShouldAnnounce: eligible nodes sorted by a hash of node and address, the first one announces).
import type { KubeObject } from '../api/types.ts'
import type { ReadonlyStore } from '../api/store.ts'
import { intToIp, ipToInt, parseCidr } from '../net/ip.ts'
import { METALLB_NAMESPACE } from './types.ts'

interface Range { first: number; last: number }

/** One `addresses` entry as a range of integers; undefined when it is not IPv4 (IPv6 pools are not simulated). */
function parseRange(entry: string): Range | undefined {
  const dash = entry.indexOf('-')
  if (dash > 0) {
    const a = entry.slice(0, dash).trim(), b = entry.slice(dash + 1).trim()
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(a) || !/^\d+\.\d+\.\d+\.\d+$/.test(b)) return undefined
    return { first: ipToInt(a), last: ipToInt(b) }
  }
  if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(entry)) return undefined
  const c = parseCidr(entry)
  return { first: c.base, last: c.base + c.size - 1 }
}

function pools(store: ReadonlyStore): KubeObject[] {
  return store.list('IPAddressPool', METALLB_NAMESPACE)
}

function rangesOf(pool: KubeObject): Range[] {
  return ((pool.spec?.addresses ?? []) as string[]).map(parseRange).filter((r): r is Range => !!r)
}

/** The pool an address belongs to, if any. */
export function poolOf(store: ReadonlyStore, ip: string): KubeObject | undefined {
  const n = ipToInt(ip)
  return pools(store).find((p) => rangesOf(p).some((r) => n >= r.first && n <= r.last))
}

/** Whether `n` is an address MetalLB avoids with avoidBuggyIPs (a .0 or .255). */
const buggy = (n: number) => (n & 0xff) === 0 || (n & 0xff) === 0xff

/**
 * The address for `svc`: its current one if still valid, a requested one (spec.loadBalancerIP or the
 * `metallb.universe.tf/loadBalancerIPs` annotation), else the first free one of the pools it may use.
 */
export function allocate(store: ReadonlyStore, svc: KubeObject, used: Set<string>): { ip?: string; error?: string } {
  const annotations = svc.metadata.annotations ?? {}
  const wantedPool = annotations['metallb.universe.tf/address-pool']
  const candidates = pools(store).filter((p) => (wantedPool ? p.metadata.name === wantedPool : p.spec?.autoAssign !== false))
  const requested = annotations['metallb.universe.tf/loadBalancerIPs']?.split(',')[0]?.trim() || (svc.spec?.loadBalancerIP as string | undefined)
  if (requested) {
    const pool = poolOf(store, requested)
    if (!pool) return { error: `${requested} is not allowed in config` }
    if (used.has(requested)) return { error: `can't change sharing key for "${svc.metadata.namespace}/${svc.metadata.name}", address also in use by another service` }
    return { ip: requested }
  }
  if (wantedPool && !candidates.length) return { error: `unknown pool "${wantedPool}"` }
  const current = (svc.status?.loadBalancer?.ingress ?? [])[0]?.ip as string | undefined
  if (current && !used.has(current) && candidates.some((p) => p === poolOf(store, current))) return { ip: current }
  for (const pool of candidates) {
    for (const r of rangesOf(pool)) {
      for (let n = r.first; n <= r.last; n++) {
        if (pool.spec?.avoidBuggyIPs && buggy(n)) continue
        const ip = intToIp(n)
        if (!used.has(ip)) return { ip }
      }
    }
  }
  return { error: 'no available IPs' }
}

/** The Running speaker pod on each node (the DaemonSet's), by node name. */
function speakers(store: ReadonlyStore): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>()
  for (const pod of store.list('Pod', METALLB_NAMESPACE)) {
    if (pod.metadata.labels?.component !== 'speaker' || pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) continue
    if (pod.spec?.nodeName) out.set(pod.spec.nodeName, pod)
  }
  return out
}

/** The L2Advertisement that covers `pool` (no ipAddressPools and no selector means every pool). */
function advertisementFor(store: ReadonlyStore, pool: KubeObject): KubeObject | undefined {
  return store.list('L2Advertisement', METALLB_NAMESPACE).find((a) => {
    const names = (a.spec?.ipAddressPools ?? []) as string[]
    const selectors = (a.spec?.ipAddressPoolSelectors ?? []) as unknown[]
    if (!names.length && !selectors.length) return true
    return names.includes(pool.metadata.name)
  })
}

export interface Announcement {
  node: string
  speaker: KubeObject
  pool: KubeObject
  advertisement: KubeObject
}

/** FNV-1a of `node#ip`: a stand-in for the sha256 ordering MetalLB's layer-2 election uses (same shape, stable). */
function electionHash(node: string, ip: string): number {
  let h = 0x811c9dc5
  for (const c of `${node}#${ip}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193)
  return h >>> 0
}

/**
 * The node whose speaker answers ARP for `ip` of `svc`, or undefined: no pool holds it, no L2Advertisement
 * covers the pool, or no eligible node runs a speaker. Nodes labelled exclude-from-external-load-balancers
 * are skipped; with externalTrafficPolicy Local only nodes with a ready local endpoint may announce.
 */
export function announcer(store: ReadonlyStore, svc: KubeObject, ip: string, hasLocalEndpoint: (node: string) => boolean): Announcement | undefined {
  const pool = poolOf(store, ip)
  if (!pool) return undefined
  const advertisement = advertisementFor(store, pool)
  if (!advertisement) return undefined
  const running = speakers(store)
  const local = svc.spec?.externalTrafficPolicy === 'Local'
  const eligible = store.list('Node')
    .filter((n) => running.has(n.metadata.name) && !('node.kubernetes.io/exclude-from-external-load-balancers' in (n.metadata.labels ?? {})))
    .map((n) => n.metadata.name)
    .filter((n) => !local || hasLocalEndpoint(n))
    .sort((a, b) => electionHash(a, ip) - electionHash(b, ip) || a.localeCompare(b))
  const node = eligible[0]
  return node ? { node, speaker: running.get(node)!, pool, advertisement } : undefined
}

