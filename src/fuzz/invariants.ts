// What must hold of a cluster after every command, whatever was typed: the checks the property tests run
// after each step. Each returns human-readable violations (empty when the cluster is sound), so a failing
// property prints what broke rather than `false`. The checks read the API store only, and re-derive what
// they need (label matching, CIDR arithmetic) independently of the controllers they judge.
import type { Cluster } from '../engine/cluster/cluster.ts'
import type { KubeObject } from '../engine/api/types.ts'

const SLICE_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by'
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io'
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m) return undefined
  const parts = m.slice(1).map(Number)
  if (parts.some((p) => p > 255)) return undefined
  return ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3]
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/')
  const n = ipToInt(ip)
  const b = ipToInt(base)
  if (n === undefined || b === undefined) return false
  const size = 2 ** (32 - Number(bits))
  return Math.floor(n / size) === Math.floor(b / size)
}

const selects = (selector: Record<string, string>, labels: Record<string, string> | undefined) =>
  Object.entries(selector).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels ?? {}, k) && labels![k] === v)

const isReady = (pod: KubeObject) => ((pod.status?.conditions ?? []) as any[]).some((c) => c.type === 'Ready' && c.status === 'True')
const isTerminal = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
const podIPOf = (pod: KubeObject): string | undefined => pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined
const nsOf = (o: KubeObject) => o.metadata.namespace ?? 'default'
const id = (o: KubeObject) => `${o.kind} ${o.metadata.namespace ? o.metadata.namespace + '/' : ''}${o.metadata.name}`

/** Pods a Service may publish as ready addresses: selected, with an IP, alive, and Ready unless publishNotReadyAddresses. */
function eligiblePods(pods: KubeObject[], svc: KubeObject, selector: Record<string, string>): Map<string, KubeObject[]> {
  // hostNetwork pods of one node share its IP, so an address may stand for several pods.
  const byIP = new Map<string, KubeObject[]>()
  const anyReady = !!svc.spec?.publishNotReadyAddresses
  for (const pod of pods) {
    if (nsOf(pod) !== nsOf(svc) || !selects(selector, pod.metadata.labels)) continue
    const ip = podIPOf(pod)
    if (!ip || isTerminal(pod)) continue
    if (!anyReady && (pod.metadata.deletionTimestamp || !isReady(pod))) continue
    byIP.set(ip, [...(byIP.get(ip) ?? []), pod])
  }
  return byIP
}

/** The selector the endpoint controllers act on; ExternalName Services get no endpoints from them (kubernetes#105986), so theirs are hand-written. */
const selectorOf = (svc: KubeObject): Record<string, string> | null => {
  if (svc.spec?.type === 'ExternalName') return null
  const sel = svc.spec?.selector
  return sel && typeof sel === 'object' && Object.keys(sel).length ? (sel as Record<string, string>) : null
}

/**
 * How many cases reached each conditional check: a property whose check can be skipped (no Service, no ready pod,
 * no named port in the case) asserts a floor on these, so it cannot pass by checking nothing.
 */
export interface Reached {
  /** (ready selected pod, resolved Service port) pairs checked against the Endpoints object. */
  endpointPorts: number
  /** The same pairs checked against the managed EndpointSlices. */
  slicePorts: number
  /** Of those pairs, the ones whose targetPort is a name, resolved in the pod's own containers. */
  namedPorts: number
  /** Ready selected pods left out for a Service port because no container names that port (checked to be absent). */
  unresolvedNamedPorts: number
  /** Delivered requests to a Service checked against its endpoints and the client IP the server saw. */
  serviceTraffic: number
  /** Ready (serving) Terminating pods a Service selects, checked to be no ready endpoint of it. */
  terminatingPods: number
}
export const newReached = (): Reached => ({ endpointPorts: 0, slicePorts: 0, namedPorts: 0, unresolvedNamedPorts: 0, serviceTraffic: 0, terminatingPods: 0 })
export function addReached(into: Reached, from: Reached): Reached {
  for (const k of Object.keys(into) as (keyof Reached)[]) into[k] += from[k]
  return into
}

/**
 * The container port a Service port sends to on this pod, or undefined when the pod has none: a number as is, a
 * name looked up in the pod's containers (and restartable init containers, "sidecars") with the same protocol.
 * Written from upstream's description (pkg/api/v1/pod FindPort), independently of the engine's copy.
 */
function resolvePort(pod: KubeObject, svcPort: any): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port
  if (typeof target === 'number') return target
  const protocol = svcPort.protocol ?? 'TCP'
  const containers = [...(pod.spec?.containers ?? []), ...((pod.spec?.initContainers ?? []) as any[]).filter((c) => c?.restartPolicy === 'Always')]
  for (const c of containers) for (const p of c?.ports ?? []) if (p?.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  return undefined
}

/** `ip name/port/protocol`: one address serving one port, the unit both sides of "exactly" are compared in. */
const pairKey = (ip: string, name: string | undefined, port: unknown, protocol: string | undefined) => `${ip} ${name ?? ''}/${String(port)}/${protocol ?? 'TCP'}`

/** What the endpoint controllers must publish as ready for a Service: every eligible pod's IP with every Service port it resolves. */
function expectedPairs(svc: KubeObject, eligible: Map<string, KubeObject[]>, reached?: Reached): Set<string> {
  const pairs = new Set<string>()
  for (const [ip, pods] of eligible) {
    for (const sp of (svc.spec?.ports ?? []) as any[]) {
      // hostNetwork pods share their node's IP: the address serves the port if any of them resolves it.
      const ports = new Set(pods.map((pod) => resolvePort(pod, sp)).filter((n) => n !== undefined))
      const named = typeof (sp.targetPort ?? sp.port) !== 'number'
      if (!ports.size) { if (named && reached) reached.unresolvedNamedPorts++; continue }
      if (named && reached) reached.namedPorts++
      for (const port of ports) pairs.add(pairKey(ip, sp.name, port, sp.protocol))
    }
  }
  return pairs
}

function compareExactly(owner: string, what: string, listed: Set<string>, expected: Set<string>, selector: Record<string, string>, out: string[]): void {
  for (const key of expected) if (!listed.has(key)) out.push(`${owner}: Ready pod ${key} selected by ${JSON.stringify(selector)} is missing from its ${what}`)
  for (const key of listed) if (!expected.has(key)) out.push(`${owner}: ${what} lists ${key} as ready, which is not a Ready pod selected by ${JSON.stringify(selector)} serving that port`)
}

/**
 * Endpoints and managed EndpointSlices list, as ready, exactly the Service's eligible pods (selected, with an IP,
 * not terminal, Ready and not being deleted unless publishNotReadyAddresses) with exactly the ports each resolves
 * (a named targetPort resolved per pod; a pod whose containers lack that name is left out for that port, as the
 * endpoint controllers do). Each ready address that names its pod names one with that IP. Endpoints and slices
 * that are not the controllers' (selector-less or ExternalName Services, hand-written slices) are left alone.
 */
function checkEndpoints(cluster: Cluster, reached?: Reached): string[] {
  const out: string[] = []
  const store = cluster.store
  const pods = store.list('Pod')
  const slices = store.list('EndpointSlice').filter((slice) => slice.metadata.labels?.[SLICE_MANAGED_BY] === SLICE_CONTROLLER)
  for (const slice of slices) {
    const svcName = slice.metadata.labels?.[SERVICE_NAME_LABEL]
    const svc = svcName ? store.get('Service', slice.metadata.namespace, svcName) : undefined
    if (svc?.spec?.type === 'ExternalName') continue // left as they were, as upstream's controller does
    if (!svc || !selectorOf(svc)) out.push(`${id(slice)}: managed by the EndpointSlice controller but its Service ${svcName ?? '(unnamed)'} is gone or has no selector`)
  }
  for (const svc of store.list('Service')) {
    const selector = selectorOf(svc)
    if (!selector) continue
    // Checked all the same, but not counted: the cluster's own Services (kube-dns) would meet any floor by themselves.
    const tally = nsOf(svc) === 'kube-system' ? undefined : reached
    const eligible = eligiblePods(pods, svc, selector)
    // A Service without ports gets addresses without ports (headless) or none; its addresses are checked one by one below.
    const expected = expectedPairs(svc, eligible, tally)
    const hasPorts = ((svc.spec?.ports ?? []) as any[]).length > 0
    const namesPod = (owner: string, ip: string, ref: any) => {
      const named = eligible.get(ip)
      if (!named) out.push(`${owner}: ready address ${ip} is not a Ready pod selected by ${JSON.stringify(selector)}`)
      else if (ref?.name && !named.some((p) => p.metadata.name === ref.name)) out.push(`${owner}: address ${ip} names pod ${ref.name}, which is not a Ready selected pod with that IP`)
    }

    const ep = store.get('Endpoints', svc.metadata.namespace, svc.metadata.name)
    // Over 1000 addresses the Endpoints controller truncates and says so (endpoints.kubernetes.io/over-capacity).
    if (ep && !ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']) {
      const listed = new Set<string>()
      for (const subset of (ep.subsets ?? []) as any[]) {
        for (const a of subset.addresses ?? []) {
          namesPod(id(ep), a.ip, a.targetRef)
          for (const p of subset.ports ?? []) listed.add(pairKey(a.ip, p.name, p.port, p.protocol))
        }
      }
      if (hasPorts) {
        compareExactly(id(ep), 'Endpoints', listed, expected, selector, out)
        if (tally) tally.endpointPorts += expected.size
      }
    } else if (!ep && expected.size) {
      out.push(`${id(svc)}: ${expected.size} ready pod port(s) selected by ${JSON.stringify(selector)} but no Endpoints`)
    }

    const own = slices.filter((sl) => sl.metadata.namespace === svc.metadata.namespace && sl.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name)
    const listed = new Set<string>()
    for (const slice of own) {
      for (const e of (slice.endpoints ?? []) as any[]) {
        if (e.conditions?.ready !== true) continue
        for (const ip of e.addresses ?? []) {
          namesPod(id(slice), ip, e.targetRef)
          for (const p of (slice.ports ?? []) as any[]) listed.add(pairKey(ip, p.name, p.port, p.protocol))
        }
      }
    }
    if (hasPorts) {
      compareExactly(`EndpointSlices of ${id(svc)}`, 'EndpointSlices', listed, expected, selector, out)
      if (tally) tally.slicePorts += expected.size
    }
    if (!svc.spec?.publishNotReadyAddresses) checkTerminatingNotReady(svc, selector, pods, ep, own, out, tally)
  }
  return out
}

/**
 * A Terminating pod is never a ready endpoint (endpointslice util podToEndpoint: ready = serving && !terminating;
 * the Endpoints controller lists it nowhere): checked by name, whatever its IP, in the Endpoints and the slices.
 */
function checkTerminatingNotReady(svc: KubeObject, selector: Record<string, string>, pods: KubeObject[], ep: KubeObject | undefined, slices: KubeObject[], out: string[], tally?: Reached): void {
  const terminating = pods.filter((p) => nsOf(p) === nsOf(svc) && p.metadata.deletionTimestamp && selects(selector, p.metadata.labels))
  if (!terminating.length) return
  const readyNames = new Set<string>()
  for (const subset of (ep?.subsets ?? []) as any[]) for (const a of subset.addresses ?? []) if (a.targetRef?.name) readyNames.add(a.targetRef.name)
  for (const slice of slices) for (const e of (slice.endpoints ?? []) as any[]) if (e.conditions?.ready === true && e.targetRef?.name) readyNames.add(e.targetRef.name)
  for (const pod of terminating) {
    if (readyNames.has(pod.metadata.name)) out.push(`${id(svc)}: Terminating pod ${pod.metadata.name} is listed as a ready endpoint`)
    // Counted when it bites: a Ready (serving) Terminating pod is the one a careless controller would list.
    if (tally && isReady(pod)) tally.terminatingPods++
  }
}

/** No two live pods share an IP in the pod network (hostNetwork pods use their node's); each IP lies in its node's pod range. */
function checkPodIPs(cluster: Cluster): string[] {
  const out: string[] = []
  const seen = new Map<string, string>()
  const nodeCIDR = new Map(cluster.profile.nodes.map((n) => [n.name, n.podCIDR]))
  for (const pod of cluster.store.list('Pod')) {
    const ip = podIPOf(pod)
    if (!ip || isTerminal(pod) || pod.spec?.hostNetwork) continue
    const other = seen.get(ip)
    if (other) out.push(`pods ${other} and ${nsOf(pod)}/${pod.metadata.name} share IP ${ip}`)
    seen.set(ip, `${nsOf(pod)}/${pod.metadata.name}`)
    if (!inCidr(ip, cluster.config.clusterCIDR)) out.push(`pod ${nsOf(pod)}/${pod.metadata.name} has IP ${ip} outside the pod network ${cluster.config.clusterCIDR}`)
    const podCIDR = nodeCIDR.get(pod.spec?.nodeName)
    if (podCIDR && !inCidr(ip, podCIDR)) out.push(`pod ${nsOf(pod)}/${pod.metadata.name} on ${pod.spec.nodeName} has IP ${ip} outside the node's range ${podCIDR}`)
  }
  return out
}

/** Cluster IPs unique and inside the service range; node ports (and health-check node ports) unique and in range, and only on NodePort/LoadBalancer Services. */
function checkServices(cluster: Cluster): string[] {
  const out: string[] = []
  const { base, size } = cluster.profile.nodePortRange
  const clusterIPs = new Map<string, string>()
  const nodePorts = new Map<number, string>()
  for (const svc of cluster.store.list('Service')) {
    const name = `${nsOf(svc)}/${svc.metadata.name}`
    const spec = svc.spec ?? {}
    const type = spec.type ?? 'ClusterIP'
    const ip: unknown = spec.clusterIP
    if (type === 'ExternalName') {
      if (ip && ip !== 'None') out.push(`ExternalName Service ${name} has a cluster IP ${String(ip)}`)
    } else if (typeof ip !== 'string' || !ip) {
      out.push(`Service ${name} of type ${type} has no cluster IP`)
    } else if (ip !== 'None') {
      if (!inCidr(ip, cluster.config.serviceCIDR)) out.push(`Service ${name} has cluster IP ${ip} outside ${cluster.config.serviceCIDR}`)
      const other = clusterIPs.get(ip)
      if (other) out.push(`Services ${other} and ${name} share cluster IP ${ip}`)
      clusterIPs.set(ip, name)
      if (Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] !== ip) out.push(`Service ${name}: clusterIPs[0] ${spec.clusterIPs[0]} differs from clusterIP ${ip}`)
    }
    const external = type === 'NodePort' || type === 'LoadBalancer'
    const own = new Map<number, Set<string>>()
    // An ExternalName Service's nodePort is kept as written, never allocated nor proxied (upstream validation has no
    // check for it; registry/core/service/storage/alloc.go allocates only for NodePort/LoadBalancer).
    if (type === 'ExternalName') continue
    for (const p of (spec.ports ?? []) as any[]) {
      if (p.nodePort === undefined || p.nodePort === null) {
        if (external && spec.allocateLoadBalancerNodePorts !== false) out.push(`Service ${name} of type ${type}: port ${p.port} has no node port`)
        continue
      }
      if (!external) out.push(`Service ${name} of type ${type} has node port ${p.nodePort}`)
      if (!Number.isInteger(p.nodePort) || p.nodePort < base || p.nodePort >= base + size) out.push(`Service ${name}: node port ${p.nodePort} outside ${base}-${base + size - 1}`)
      const protocols = own.get(p.nodePort) ?? new Set<string>()
      const proto = p.protocol ?? 'TCP'
      // One Service may reuse a node port for another protocol (TCP and UDP DNS); never the same one twice.
      if (protocols.has(proto)) out.push(`Service ${name}: node port ${p.nodePort}/${proto} used twice`)
      protocols.add(proto)
      own.set(p.nodePort, protocols)
    }
    const hc = spec.healthCheckNodePort
    if (hc !== undefined && hc !== null) {
      if (!(type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local')) out.push(`Service ${name} has healthCheckNodePort ${hc} without being LoadBalancer + Local`)
      if (!Number.isInteger(hc) || hc < base || hc >= base + size) out.push(`Service ${name}: health-check node port ${hc} out of range`)
      if (own.has(hc)) out.push(`Service ${name}: health-check node port ${hc} is also a service node port`)
      own.set(hc, new Set(['health']))
    }
    for (const port of own.keys()) {
      const other = nodePorts.get(port)
      if (other) out.push(`Services ${other} and ${name} share node port ${port}`)
      nodePorts.set(port, name)
    }
  }
  return out
}

/** Owner kinds the simulation runs controllers for (system pods also name DaemonSets and mirror-pod Nodes it does not model). */
const OWNER_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'Job', 'Service'])

/** After convergence no object points at a controller that no longer exists (the garbage collector removed it). */
function checkOwners(cluster: Cluster): string[] {
  const out: string[] = []
  const uids = new Set(cluster.store.all().map((o) => o.metadata.uid))
  for (const o of cluster.store.all()) {
    for (const ref of o.metadata.ownerReferences ?? []) {
      if (ref.controller && OWNER_KINDS.has(ref.kind) && !uids.has(ref.uid) && !o.metadata.deletionTimestamp) out.push(`${id(o)} is owned by ${ref.kind} ${ref.name} (${ref.uid}), which is gone`)
    }
  }
  return out
}

/**
 * After convergence a ReplicaSet has as many active pods as it asks for, never more. Fewer is allowed when
 * `allowDeficit` is set: after a burst of 500 creations the replica manager pauses (client rate limit), so a
 * session that once asked for hundreds of replicas may legitimately wait before replacing pods.
 */
function checkReplicas(cluster: Cluster, allowDeficit = false): string[] {
  const out: string[] = []
  const pods = cluster.store.list('Pod')
  for (const rs of [...cluster.store.list('ReplicaSet'), ...cluster.store.list('ReplicationController')]) {
    const want = rs.spec?.replicas ?? 1
    if (typeof want !== 'number' || want > 50) continue
    const have = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid) && !isTerminal(p) && !p.metadata.deletionTimestamp).length
    if (have > want || (have < want && !allowDeficit)) out.push(`${id(rs)} wants ${want} replicas and has ${have} active pods`)
  }
  return out
}

/** Nothing reached Object.prototype (a `__proto__` key in a manifest must stay an ordinary key). */
export function checkPrototypes(): string[] {
  const probe = {} as Record<string, unknown>
  const out: string[] = []
  if (probe.polluted !== undefined) out.push(`Object.prototype.polluted is ${JSON.stringify(probe.polluted)}`)
  const extra = Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASE_PROTO_KEYS.has(k))
  if (extra.length) out.push(`Object.prototype gained ${extra.join(', ')}`)
  if ((Array.prototype as unknown as Record<string, unknown>).polluted !== undefined) out.push('Array.prototype.polluted is set')
  return out
}
const BASE_PROTO_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype))

/** Every invariant at once; pass `converged: false` to skip the ones that hold only after the controllers caught up. */
export function checkCluster(cluster: Cluster, converged = true, opts: { allowReplicaDeficit?: boolean; reached?: Reached } = {}): string[] {
  return [
    ...checkPodIPs(cluster), ...checkServices(cluster), ...checkPrototypes(),
    ...(converged ? [...checkEndpoints(cluster, opts.reached), ...checkOwners(cluster), ...checkReplicas(cluster, opts.allowReplicaDeficit)] : []),
  ]
}

/**
 * A container's restartCount never goes down (the kubelet only adds to it; a pod re-created under the same name has a
 * new uid). `seen` carries `uid/container` → the count at the previous step.
 */
export function checkRestartCounts(cluster: Cluster, seen: Map<string, number>): string[] {
  const out: string[] = []
  for (const pod of cluster.store.list('Pod')) {
    for (const cs of (pod.status?.containerStatuses ?? []) as { name: string; restartCount?: number }[]) {
      const key = `${pod.metadata.uid}/${cs.name}`
      const before = seen.get(key)
      const now = cs.restartCount ?? 0
      if (before !== undefined && now < before) out.push(`pod ${pod.metadata.name} container ${cs.name}: restartCount went from ${before} to ${now}`)
      seen.set(key, now)
    }
  }
  return out
}

const OUTCOMES = new Set(['delivered', 'refused', 'timeout', 'unresolved', 'http-error'])
/** Hops that start a new packet exchange (a client's first packet, a proxy's upstream connection, a DNS query). */
const STARTS = /^(connect|send|query|resolve|lookup|request)$/
const PROXIES = /load-?balancer|proxy|ingress|port-forward/

/**
 * Every TRACE a command printed is well formed and ordered: a known outcome, hops with a place, a component
 * and an action, and each hop starting where the previous one left the packet (or at its reverse, for the
 * answer), unless it opens a new exchange. A delivered request names who served it.
 */
export function checkTraces(traces: unknown[], opts: { strictProxies?: boolean } = {}): string[] {
  const out: string[] = []
  traces.forEach((raw, ti) => {
    const t = raw as { from?: unknown; to?: unknown; outcome?: unknown; servedBy?: unknown; hops?: any[] }
    const name = `trace ${ti} (${String(t.from)} → ${String(t.to)})`
    if (typeof t.from !== 'string' || typeof t.to !== 'string') out.push(`${name}: from/to missing`)
    if (!OUTCOMES.has(String(t.outcome))) out.push(`${name}: unknown outcome ${JSON.stringify(t.outcome)}`)
    if (!Array.isArray(t.hops)) {
      out.push(`${name}: no hops array`)
      return
    }
    if (t.outcome === 'delivered' && String(t.to).includes('://') && !t.servedBy) out.push(`${name}: delivered but servedBy is ${JSON.stringify(t.servedBy)}`)
    let prev: any
    t.hops.forEach((h, i) => {
      if (!h || typeof h.at !== 'string' || typeof h.component !== 'string' || typeof h.action !== 'string' || typeof h.note !== 'string') {
        out.push(`${name}: hop ${i} is malformed: ${JSON.stringify(h).slice(0, 200)}`)
        return
      }
      // An L4 proxy (cloud-provider-kind's envoy, ingress-nginx, docker-proxy) ends one connection and opens
      // another; its hops show the packet before and after (both ways), which `strictProxies` checks. Lenient
      // by default, so that a proxy path without such a hop yet is reported by the strict check alone.
      const proxied = !opts.strictProxies && [prev, h].some((x) => x && (PROXIES.test(String(x.component)) || PROXIES.test(String(x.at)) || x.action === 'proxy'))
      if (prev && !STARTS.test(h.action) && !proxied) {
        const same = h.src === prev.srcAfter && h.dst === prev.dstAfter
        const reversed = h.src === prev.dstAfter && h.dst === prev.srcAfter
        if (!same && !reversed) out.push(`${name}: hop ${i} (${h.at} ${h.component} ${h.action}) starts at ${h.src}→${h.dst}, but hop ${i - 1} (${prev.at} ${prev.action}) left the packet at ${prev.srcAfter}→${prev.dstAfter}`)
      }
      prev = h
    })
  })
  return out
}

/**
 * A request from a pod to a Service (by name or cluster IP) that was delivered was served by one of the
 * Service's endpoints as kube-proxy sees them (ready ones, or serving-terminating ones when none is ready),
 * and, not being masqueraded, the server saw the client pod's own IP (unless the client served itself:
 * hairpin traffic is masqueraded).
 */
export function checkServiceTraffic(cluster: Cluster, traces: unknown[], service: { namespace: string; name: string }, clientPod: string, reached?: Reached): string[] {
  const out: string[] = []
  const svc = cluster.store.get('Service', service.namespace, service.name)
  const client = cluster.store.get('Pod', service.namespace, clientPod)
  const slices = cluster.store.list('EndpointSlice', service.namespace).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === service.name)
  const eps = slices.flatMap((s) => (s.endpoints ?? []) as any[])
  const ready = eps.filter((e) => e.conditions?.ready !== false)
  const usable = new Set((ready.length ? ready : eps.filter((e) => e.conditions?.serving && e.conditions?.terminating)).flatMap((e) => e.addresses ?? []))
  for (const raw of traces) {
    const t = raw as { outcome?: string; servedBy?: string | null; clientIPSeenByServer?: string | null; to?: string }
    if (t.outcome !== 'delivered' && t.outcome !== 'http-error') continue
    if (!String(t.to).startsWith('http')) continue
    if (reached) reached.serviceTraffic++
    const name = String(t.servedBy ?? '').replace(/^pod\//, '')
    const pod = cluster.store.get('Pod', service.namespace, name)
    if (!svc) { out.push(`request to ${t.to} was ${t.outcome} by ${t.servedBy}, but Service ${service.name} does not exist`); continue }
    if (!pod) { out.push(`request to ${t.to} was served by ${t.servedBy}, which is not a pod of ${service.namespace}`); continue }
    const ip = podIPOf(pod)
    if (!ip || !usable.has(ip)) out.push(`request to ${t.to} was served by ${name} (${ip}), which is not a usable endpoint of ${service.name} (${[...usable].join(', ') || 'none'})`)
    const clientIP = client && podIPOf(client)
    if (clientIP && name !== clientPod && t.clientIPSeenByServer !== clientIP) out.push(`request from ${clientPod} (${clientIP}) to ${t.to}: the server saw ${t.clientIPSeenByServer} (pod-to-Service traffic is not masqueraded)`)
  }
  return out
}
