// The kubelets of every node, as one controller keyed by pod: pkg/kubelet/kubelet.go (SyncPod), the container
// runtime manager (pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer's Pulling/Pulled/Created/Started
// events), the prober workers (pkg/kubelet/prober) and the status manager (pkg/kubelet/status).
import type { Controller, ControllerContext, EventRecord, SyncResult, Write } from './controller.ts'
import type { KubeObject } from '../api/types.ts'
import { parseKey } from '../api/types.ts'
import { observe } from './informer.ts'
import { isPodTerminal } from './pod-util.ts'
import type { ContainerState, PodRuntime } from '../node/runtime.ts'
import { allocatePodIP, releasePodIP } from '../node/ipam.ts'
import { containerEnvironment } from '../node/service-env.ts'
import { nodeInternalIP, runningPodStatus } from '../node/pod-status.ts'
import { newProbeState, nextProbeAt, recordProbe, runProbe } from '../node/probes.ts'
import { defaultPullPolicy, formatPullDuration, imageSize, normalizeImage } from '../node/images.ts'
import { canonicalJson } from './hash.ts'
import { rfc3339 } from '../sim/clock.ts'

/** Images a kind node image ships preloaded (kind's node image bundles the control-plane and add-on images). */
function preloaded(image: string): boolean {
  return /^(registry\.k8s\.io|docker\.io\/kindest)\//.test(normalizeImage(image))
}

/** Frees what a pod held on its node: the host-local IP lease and the runtime's memory (CNI DEL, sandbox removal). */
export function releasePod(ctx: ControllerContext, rt: PodRuntime): void {
  if (rt.leased) releasePodIP(ctx.runtime, rt.nodeName, rt.podIP)
  ctx.runtime.pods.delete(rt.uid)
}

/**
 * The kubelet: for each pod bound to a node it admits the pod, leases an IP (the node's for hostNetwork), pulls
 * images and starts containers with their environment computed at start, runs readiness/liveness probes on the
 * simulated clock, restarts containers that fail liveness, and writes the pod status. Deleted pods release their IP.
 */
export function kubelet(): Controller {
  return {
    name: 'kubelet',
    keysFor(change, store) {
      observe(change, store)
      if (change.object.kind !== 'Pod') return []
      if (change.type === 'deleted') return [change.key]
      const pod = change.object
      if (!pod.spec?.nodeName) return []
      const prev = change.previous
      if (change.type === 'added' || !prev?.spec?.nodeName || prev.metadata.uid !== pod.metadata.uid ||
        !!prev.metadata.deletionTimestamp !== !!pod.metadata.deletionTimestamp || !pod.status?.containerStatuses) return [change.key]
      return []
    },
    sync: syncPod,
  }
}

function syncPod(key: string, ctx: ControllerContext): SyncResult {
  const { kind, namespace, name } = parseKey(key)
  if (kind !== 'Pod') return { writes: [] }
  const pod = ctx.store.getByKey(key)
  const stale = ctx.runtime.podByName(namespace ?? 'default', name)
  if (stale && (!pod || pod.metadata.uid !== stale.uid)) releasePod(ctx, stale)
  if (!pod || !pod.spec?.nodeName || isPodTerminal(pod)) return { writes: [] }
  const node = ctx.store.get('Node', undefined, pod.spec.nodeName)
  if (!node) return { writes: [] }
  const events: EventRecord[] = []
  const writes: Write[] = []
  const host = node.metadata.name
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => events.push({ involved: pod, type, reason, message, source: 'kubelet', host })

  let rt = ctx.runtime.pods.get(pod.metadata.uid!)
  if (pod.metadata.deletionTimestamp) {
    if (rt) {
      for (const c of pod.spec.containers ?? []) event('Normal', 'Killing', `Stopping container ${c.name}`)
      releasePod(ctx, rt)
    }
    return { writes: [{ op: 'delete', key }], events }
  }
  if (!rt) {
    const hostNetwork = !!pod.spec.hostNetwork
    const ip = hostNetwork ? nodeInternalIP(node) : allocatePodIP(ctx.runtime, host, node.spec?.podCIDR, pod.metadata.uid!)
    if (!ip) {
      event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${node.spec?.podCIDR}`)
      return { writes: [], events }
    }
    rt = { uid: pod.metadata.uid!, namespace: namespace ?? 'default', name, nodeName: host, podIP: ip, containers: new Map(), startTime: ctx.now, leased: !hostNetwork }
    ctx.runtime.pods.set(rt.uid, rt)
    for (const c of pod.spec.containers ?? []) startContainer(ctx, pod, node, rt, c, 0, event)
  }

  // Probes that are due now (worker.doProbe), liveness first so a restart resets readiness.
  let next = Infinity
  for (const c of (pod.spec.containers ?? []) as any[]) {
    for (const kind of ['liveness', 'readiness'] as const) {
      const probe = kind === 'liveness' ? c.livenessProbe : c.readinessProbe
      const state = rt.containers.get(c.name)
      if (!probe || !state) continue
      const ps = kind === 'liveness' ? state.liveness : state.readiness
      if (nextProbeAt(probe, ps, state.startedAt) <= ctx.now + 1e-6) {
        const outcome = runProbe(probe, pod, c, state, rt.podIP, { store: ctx.store, runtime: ctx.runtime, config: ctx.config, now: ctx.now })
        const label = kind === 'liveness' ? 'Liveness' : 'Readiness'
        if (outcome.result === 'failure') event('Warning', 'Unhealthy', `${label} probe failed: ${outcome.message}`)
        if (outcome.result === 'error') event('Warning', 'Unhealthy', `${label} probe errored: ${outcome.message}`)
        const changed = recordProbe(ps, outcome, probe, ctx.now)
        if (kind === 'liveness' && changed && ps.result === 'failure') {
          event('Normal', 'Killing', `Container ${c.name} failed liveness probe, will be restarted`)
          startContainer(ctx, pod, node, rt, c, state.restartCount + 1, event, state)
        }
      }
    }
    const state = rt.containers.get(c.name)!
    if (c.livenessProbe) next = Math.min(next, nextProbeAt(c.livenessProbe, state.liveness, state.startedAt))
    if (c.readinessProbe) next = Math.min(next, nextProbeAt(c.readinessProbe, state.readiness, state.startedAt))
  }

  const status = runningPodStatus(pod, node, rt, ctx.now)
  if (canonicalJson(status) !== canonicalJson(pod.status ?? {})) writes.push({ op: 'update', object: { ...pod, status } })
  return { writes, events, ...(next < Infinity ? { requeueAfter: Math.max(next - ctx.now, 0.001) } : {}) }
}

/** kuberuntime startContainer: pull (per imagePullPolicy), create, start; env is computed now (service links). */
function startContainer(ctx: ControllerContext, pod: KubeObject, node: KubeObject, rt: PodRuntime, c: any, restartCount: number,
  event: (type: 'Normal' | 'Warning', reason: string, message: string) => void, previous?: ContainerState): void {
  const host = node.metadata.name
  let images = ctx.runtime.images.get(host)
  if (!images) ctx.runtime.images.set(host, (images = new Set()))
  const image: string = c.image ?? ''
  const full = normalizeImage(image)
  const present = images.has(full) || preloaded(image)
  const policy = c.imagePullPolicy ?? defaultPullPolicy(image)
  if (policy !== 'Always' && present) event('Normal', 'Pulled', `Container image "${image}" already present on machine`)
  else {
    event('Normal', 'Pulling', `Pulling image "${image}"`)
    const seconds = present ? 0.3 + ctx.rng.float() * 0.7 : 1.5 + ctx.rng.float() * 6
    const d = formatPullDuration(seconds)
    event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${imageSize(image)} bytes.`)
    images.add(full)
  }
  const containerID = Array.from({ length: 64 }, () => ctx.rng.int(0, 15).toString(16)).join('')
  const hostname = pod.spec?.hostNetwork ? host : (pod.spec?.hostname ?? pod.metadata.name)
  const state: ContainerState = {
    files: new Map(), removed: new Set(),
    env: containerEnvironment(ctx.store, pod, c, rt.podIP, nodeInternalIP(node), hostname),
    startedAt: ctx.now, restartCount,
    readiness: newProbeState('readiness'), liveness: newProbeState('liveness'),
    containerID,
    ...(previous ? { lastTermination: { containerID: `containerd://${previous.containerID}`, exitCode: 137, finishedAt: rfc3339(ctx.now), reason: 'Error', startedAt: rfc3339(previous.startedAt) } } : {}),
  }
  rt.containers.set(c.name, state)
  event('Normal', 'Created', `Created container: ${c.name}`)
  event('Normal', 'Started', `Started container ${c.name}`)
}
