// The kubelets of every node, as one controller keyed by pod: pkg/kubelet/kubelet.go (SyncPod), the container
// runtime manager (pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer's Pulling/Pulled/Created/Started
// events), the prober workers (pkg/kubelet/prober) and the status manager (pkg/kubelet/status).
import type { Controller, ControllerContext, EventRecord, FastForward, SyncResult, Write } from './controller.ts'
import type { KubeObject } from '../api/types.ts'
import { parseKey } from '../api/types.ts'
import { isPodTerminal } from './pod-util.ts'
import type { ContainerState, PodRuntime, ProbeState } from '../node/runtime.ts'
import { allocatePodIP, releasePodIP } from '../node/ipam.ts'
import { containerEnvironmentAtStart } from '../node/service-env.ts'
import { nodeInternalIP, runningPodStatus } from '../node/pod-status.ts'
import { newProbeState, nextProbeAt, probeTiming, recordProbe, runProbe } from '../node/probes.ts'
import { defaultPullPolicy, formatPullDuration, imageSize } from '../node/images.ts'
import { imagePresent, finishPull } from '../node/image-puller.ts'
import { admitContainers, advanceContainers, instanceStarted, killContainer, nextContainerStep, stopForDeletion } from './kubelet-containers.ts'
import { canonicalEqual } from './hash.ts'
import { servedCounts } from '../node/served-counts.ts'
import { terminationStep } from './pod-termination.ts'
import { containersOf, initContainersOf, probedContainersOf } from './kubelet-init-containers.ts'
import { isRestartableInit } from '../api/pod-display-status.ts'
import { firingsBefore, rfc3339 } from '../sim/clock.ts'
import type { Container, NodeCondition, Probe } from 'kubernetes-types/core/v1'

/** Frees what a pod held on its node: the host-local IP lease and the runtime's memory (CNI DEL, sandbox removal). */
function releasePod(ctx: ControllerContext, rt: PodRuntime): void {
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
    watches: ['Pod'],
    keysFor(change) {
      if (change.object.kind !== 'Pod') return []
      if (change.type === 'deleted') return [change.key]
      const pod = change.object
      if (!pod.spec?.nodeName) return []
      const prev = change.previous
      if (change.type === 'added' || !prev?.spec?.nodeName || prev.metadata.uid !== pod.metadata.uid ||
        prev.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || !pod.status?.containerStatuses) return [change.key]
      return []
    },
    sync: (key, ctx) => (parseKey(key).kind === 'Node' ? syncNodeStatus(key, ctx) : syncPod(key, ctx)),
    fastForward: (key, ctx, until, inclusive) => (parseKey(key).kind === 'Pod' ? fastForwardPod(key, ctx, until, inclusive) : undefined),
  }
}

function syncPod(key: string, ctx: ControllerContext): SyncResult {
  const { kind, namespace, name } = parseKey(key)
  if (kind !== 'Pod') return { writes: [] }
  const pod = ctx.store.getByKey(key)
  const stale = ctx.runtime.podByName(namespace ?? 'default', name)
  // A stopped or paused node's kubelet does nothing at all: no status, no probes, no starts, no cleanup.
  const nodeName: string | undefined = pod?.spec?.nodeName ?? stale?.nodeName
  if (nodeName && ctx.runtime.nodeDown(nodeName)) return { writes: [] }
  if (stale && (!pod || pod.metadata.uid !== stale.uid)) releasePod(ctx, stale)
  // A deleted pod turns terminal when its containers stop; its kubelet still removes it after the teardown.
  if (!pod || !pod.spec?.nodeName || (isPodTerminal(pod) && !pod.metadata.deletionTimestamp)) return { writes: [] }
  const node = ctx.store.get('Node', undefined, pod.spec.nodeName)
  if (!node) return { writes: [] }
  const events: EventRecord[] = []
  const writes: Write[] = []
  const host = node.metadata.name
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => events.push({ involved: pod, type, reason, message, source: 'kubelet', host })

  let rt = ctx.runtime.pods.get(pod.metadata.uid!)
  if (pod.metadata.deletionTimestamp) {
    // Containers that died with their node have nothing left to stop (pod-termination.ts: SIGTERM, grace, SIGKILL).
    // A cancelled pull ends the pod worker's sync: the terminating status is generated with the sandbox's IP.
    if (rt) rt.firstSyncPending = undefined
    const step = terminationStep(pod, rt, ctx.now)
    if (step.started) {
      // killPodWithSyncResult stops what runs: with init containers, the regular ones only once started, then the
      // running init containers (a sidecar, or the one still initializing), last first.
      const inits = initContainersOf(pod)
      for (const c of pod.spec.containers ?? []) if (!inits.length || rt?.containers.has(c.name)) event('Normal', 'Killing', `Stopping container ${c.name}`)
      for (const c of [...inits].reverse()) if (rt?.containers.has(c.name)) event('Normal', 'Killing', `Stopping container ${c.name}`)
    }
    if (rt && step.report.length) {
      for (const stopped of step.report) stopForDeletion(rt, stopped)
      pushStatusWrite(writes, pod, node, rt, ctx.now)
    }
    if (step.remaining > 0) return { writes, events, requeueAfter: Math.max(step.nextIn, 0.001) }
    if (rt) releasePod(ctx, rt)
    return { writes: [...writes, { op: 'delete', key, gracePeriodSeconds: 0 }], events }
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
    admitContainers(rt, pod, ctx.now)
    rt.firstSyncPending = true
  } else if (rt.sandboxDiedAt !== undefined) {
    if (!recreateSandbox(ctx, pod, node, rt, event)) return { writes: [], events }
  }
  // Pulls that finished, processes that exited, back-offs that ran out (kubelet-containers.ts).
  advanceContainers(ctx, pod, rt, event, (c, n) => startContainer(ctx, pod, node, rt!, c, n, event))
  if (rt.firstSyncPending && !firstPullsPending(rt)) rt.firstSyncPending = undefined

  // Probes that are due now (worker.doProbe): startup first (liveness and readiness wait for it), then liveness so a
  // kill is decided before readiness.
  let next = Infinity
  const restartsBefore = events.length
  let killed = false
  // A sidecar whose startup probe succeeds lets the next init container start in this sync (computeInitContainerActions).
  let sidecarStarted = false
  for (const c of probedContainersOf(pod)) {
    const state = rt.containers.get(c.name)
    if (!state) continue
    for (const w of probeWorkers(c, state, rt)) {
      const { kind, probe, ps } = w
      if (nextProbeAt(probe, ps, state.startedAt) > ctx.now + 1e-6) continue
      // worker.doProbe returns early for liveness/readiness until the startup probe has succeeded: the tick passes.
      if (w.held) { ps.lastRun = ctx.now; continue }
      const before = probe.exec ? containerFingerprint(state) : ''
      const outcome = runProbe(probe, pod, c, state, rt.podIP, { store: ctx.store, runtime: ctx.runtime, config: ctx.config, now: ctx.now })
      const label = LABEL[kind]
      if (outcome.result === 'failure') event('Warning', 'Unhealthy', `${label} probe failed: ${outcome.message}`)
      if (outcome.result === 'error') event('Warning', 'Unhealthy', `${label} probe errored: ${outcome.message}`)
      const previous = ps.lastOutcome
      const changed = recordProbe(ps, outcome, probe, ctx.now)
      ps.lastOutcome = { result: outcome.result, message: outcome.message }
      const repeats = !changed && previous?.result === outcome.result && previous.message === outcome.message &&
        (outcome.result === 'error' || outcome.result === ps.result) && kind !== 'startup' && !(kind === 'liveness' && outcome.result === 'failure') && !outcome.counted &&
        (!probe.exec || (readOnlyCommand(probe.exec.command) && containerFingerprint(state) === before))
      ps.steadyEpoch = repeats ? ctx.epoch : undefined
      if (kind === 'startup' && changed && ps.result === 'success' && isRestartableInit(c)) sidecarStarted = true
      if (kind !== 'readiness' && changed && ps.result === 'failure') {
        // computePodActions: the container is killed (with its grace period) and, unless restartPolicy is Never,
        // started again through the crash back-off (kuberuntime_manager.go; killContainer's Killing event).
        const restart = (pod.spec.restartPolicy ?? 'Always') !== 'Never'
        if (killContainer(ctx, pod, rt, c, probe.terminationGracePeriodSeconds)) {
          // computeInitContainerActions words a sidecar's kill its own way (and always restarts it).
          event('Normal', 'Killing', isRestartableInit(c) ? `Init container ${c.name} failed ${kind} probe` : `Container ${c.name} failed ${kind} probe${restart ? ', will be restarted' : ''}`)
          killed = true
        }
      }
    }
  }
  // A process that handles SIGTERM is gone at once: its exit (and restart) belong to this sync.
  if (killed || sidecarStarted) advanceContainers(ctx, pod, rt, event, (c, n) => startContainer(ctx, pod, node, rt!, c, n, event))
  // When each worker runs next (the instances as they are now, a restarted one's fresh workers included).
  for (const w of probesOf(pod, rt)) next = Math.min(next, nextProbeAt(w.probe, w.ps, rt.containers.get(w.c.name)!.startedAt))

  const step = nextContainerStep(rt)
  next = Math.min(next, step)
  pushStatusWrite(writes, pod, node, rt, ctx.now)
  // Steady: every probe repeated its last outcome in this epoch, nothing started, nothing to write, and no container
  // step (a pull finishing, an exit, a back-off ending) is pending: fast-forwarding would skip it. The manager may
  // then skip its firings until some object changes (fastForwardPod moves the probe workers' bookkeeping).
  // A container step still ahead (an exit, a back-off running out, a pod-worker retry) is not a repeat: no skipping.
  const steady = ctx.epoch !== undefined && !writes.length && step === Infinity && !events.slice(restartsBefore).some((e) => e.reason === 'Killing') &&
    probesOf(pod, rt).every(({ ps }) => ps.steadyEpoch === ctx.epoch)
  return { writes, events, ...(next < Infinity ? { requeueAfter: Math.max(next - ctx.now, 0.001), ...(steady ? { steady } : {}) } : {}) }
}

/** The sandbox still being created, or a container still in the first pull of its life: the pod worker's first SyncPod blocks on them (EnsureImageExists). */
function firstPullsPending(rt: PodRuntime): boolean {
  for (const life of rt.lives?.values() ?? []) if ((life.phase === 'sandbox' || life.phase === 'pulling') && !life.current) return true
  return false
}

/** The status manager's write of the status the kubelet sees now, when it differs from the stored one. */
function pushStatusWrite(writes: Write[], pod: KubeObject, node: KubeObject, rt: PodRuntime, now: number): void {
  const status = reuseUnchanged(runningPodStatus(pod, node, rt, now), pod.status)
  if (status !== pod.status && !canonicalEqual(status, pod.status ?? {})) writes.push({ op: 'update', object: { ...pod, status } })
}

/**
 * `next` with every part that is the same JSON as in `prev` (same keys in the same order, same values) replaced by
 * prev's part, and prev itself when all of it is: the store then compares and freezes only what changed, and an
 * unchanged status is told by identity. `next` is freshly built here, so it is filled in place (a frozen part, one
 * taken from a stored object, is left as it is).
 */
export function reuseUnchanged<T>(next: T, prev: unknown): T {
  if (next === prev || next === null || typeof next !== 'object' || prev === null || typeof prev !== 'object') return next
  const frozen = Object.isFrozen(next)
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next
    let same = next.length === prev.length
    for (let i = 0; i < next.length; i++) {
      const part = reuseUnchanged(next[i], prev[i])
      if (part !== next[i] && !frozen) next[i] = part
      if (part !== prev[i]) same = false
    }
    return same ? (prev as T) : next
  }
  if (Array.isArray(prev) || !isPlainObject(next) || !isPlainObject(prev)) return next
  const a = next as Record<string, unknown>
  const b = prev as Record<string, unknown>
  // for-in (plain objects): no key arrays unless everything matched and only the key order is left to compare.
  let same = true
  let count = 0
  for (const k in a) {
    count++
    if (!Object.prototype.hasOwnProperty.call(b, k)) { same = false; continue }
    const part = reuseUnchanged(a[k], b[k])
    if (part !== a[k] && !frozen) a[k] = part
    // A scalar is the same JSON when it is the same value (a string, a finite number, a boolean; not undefined).
    if (part !== b[k] || part === undefined) same = false
  }
  if (!same) return next
  for (const _ in b) count--
  if (count !== 0) return next
  const keys = Object.keys(a), prevKeys = Object.keys(b)
  for (let i = 0; i < keys.length; i++) if (keys[i] !== prevKeys[i]) return next
  return prev as T
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

const LABEL = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' } as const

/**
 * The probe workers of one running container (prober_manager.go AddPod): a startup worker until it succeeds;
 * liveness and readiness, `held` (ticking without probing) while a startup probe has not succeeded; no liveness
 * worker while the kubelet is killing the container after a failure (worker.onHold until the next instance).
 */
type ProbeWorker = { c: Container; kind: 'startup' | 'liveness' | 'readiness'; probe: Probe; ps: ProbeState; held: boolean }
function probeWorkers(c: Container, state: ContainerState, rt: PodRuntime): ProbeWorker[] {
  const out: ProbeWorker[] = []
  const starting = !!c.startupProbe && state.startup.result !== 'success'
  if (starting) out.push({ c, kind: 'startup', probe: c.startupProbe!, ps: state.startup, held: false })
  const killing = !!rt.lives?.get(c.name)?.kill
  if (c.livenessProbe && !killing) out.push({ c, kind: 'liveness', probe: c.livenessProbe, ps: state.liveness, held: starting })
  if (c.readinessProbe) out.push({ c, kind: 'readiness', probe: c.readinessProbe, ps: state.readiness, held: starting })
  if (killing && starting) out.shift()
  return out
}

/** Every probe worker of a pod's running containers. */
function probesOf(pod: KubeObject, rt: PodRuntime): ProbeWorker[] {
  const out: ProbeWorker[] = []
  for (const c of probedContainersOf(pod)) {
    const state = rt.containers.get(c.name)
    if (state) out.push(...probeWorkers(c, state, rt))
  }
  return out
}

/** Commands that only read: an exec probe running one of them cannot change what the next run sees. */
const READ_ONLY = new Set(['cat', 'test', '[', 'ls', 'true', 'false', 'stat', 'grep', 'head', 'pgrep', 'which', 'echo'])
function readOnlyCommand(command: unknown): boolean {
  return Array.isArray(command) && typeof command[0] === 'string' && READ_ONLY.has(command[0].replace(/^.*\//, ''))
}

function containerFingerprint(state: ContainerState): string {
  return JSON.stringify([[...state.files], [...state.removed]])
}

/**
 * Skips a steady pod's probe runs before `until` (at it too when `inclusive`): each probe worker's last run and
 * consecutive count move as if it had run every period; a failing readiness probe's Event repeats that often.
 */
function fastForwardPod(key: string, ctx: ControllerContext, until: number, inclusive: boolean): FastForward | undefined {
  const pod = ctx.store.getByKey(key)
  const rt = pod?.metadata.uid ? ctx.runtime.pods.get(pod.metadata.uid) : undefined
  if (!pod || !rt || ctx.runtime.nodeDown(rt.nodeName)) return undefined
  const repeats: FastForward['repeats'] = []
  let next = Infinity
  for (const { kind, probe, ps, c } of probesOf(pod, rt)) {
    const state = rt.containers.get(c.name)!
    const first = nextProbeAt(probe, ps, state.startedAt)
    const period = probeTiming(probe).periodSeconds
    const times = ps.lastOutcome ? firingsBefore(first, period, until, inclusive) : 0
    if (times > 0) {
      ps.lastRun = first + (times - 1) * period
      if (ps.lastOutcome!.result === 'success') ps.consecutiveSuccesses += times
      if (ps.lastOutcome!.result === 'failure') ps.consecutiveFailures += times
      const label = LABEL[kind]
      const verb = ps.lastOutcome!.result === 'failure' ? 'failed' : ps.lastOutcome!.result === 'error' ? 'errored' : undefined
      if (verb) repeats.push({ record: { involved: pod, type: 'Warning', reason: 'Unhealthy', message: `${label} probe ${verb}: ${ps.lastOutcome!.message}`, source: 'kubelet', host: rt.nodeName }, times, lastAt: ps.lastRun })
    }
    next = Math.min(next, nextProbeAt(probe, ps, state.startedAt))
  }
  return { next: next < Infinity ? next : undefined, repeats }
}

/**
 * The node came back (`docker start`) with the pod's sandbox dead: kuberuntime's computePodActions sees the sandbox
 * changed, kills it (CNI DEL frees the IP) and creates a new one (a new host-local lease: the next address), then
 * starts every container again with restartCount + 1. The previous instances show as terminated with reason
 * `Unknown` and exit code 255, as after any node reboot.
 */
function recreateSandbox(ctx: ControllerContext, pod: KubeObject, node: KubeObject, rt: PodRuntime, event: (type: 'Normal' | 'Warning', reason: string, message: string) => void): boolean {
  const diedAt = rt.sandboxDiedAt!
  event('Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.')
  if (rt.leased) {
    releasePodIP(ctx.runtime, rt.nodeName, rt.podIP)
    const ip = allocatePodIP(ctx.runtime, rt.nodeName, node.spec?.podCIDR, rt.uid)
    if (!ip) {
      event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${node.spec?.podCIDR}`)
      return false
    }
    rt.podIP = ip
  }
  delete rt.sandboxDiedAt
  // With init containers: the ones that were running come back, and the regular ones only if they had been admitted
  // (a pod still initializing goes on initializing; completed init containers are not run again here).
  const inits = initContainersOf(pod)
  const restarted = inits.length ? containersOf(pod).filter((c) => rt.containers.has(c.name) || (!inits.includes(c) && rt.lives?.has(c.name))) : (pod.spec?.containers ?? [])
  for (const c of restarted) {
    const previous = rt.containers.get(c.name)
    startContainer(ctx, pod, node, rt, c, (previous?.restartCount ?? -1) + 1, event, previous, { at: diedAt, exitCode: 255, reason: 'Unknown' })
  }
  return true
}

/**
 * The kubelet's node status after it (re)starts on a node that was down (pkg/kubelet/kubelet_node_status.go and
 * nodestatus/setters.go): `Starting kubelet.`, the pressure conditions' events, `NodeAllocatableEnforced`, then a
 * fresh status with Ready=True (`NodeReady` when it was not). After `docker unpause` the same process resumes: only
 * the status and `NodeReady`. A node that never went down keeps its status.
 */
function syncNodeStatus(key: string, ctx: ControllerContext): SyncResult {
  const node = ctx.store.getByKey(key)
  if (!node) return { writes: [] }
  const name = node.metadata.name
  const state = ctx.runtime.nodes.get(name)
  if (!state || state.status !== 'running' || !state.kubeletPending) return { writes: [] }
  const restart = state.kubeletPending === 'restart'
  delete state.kubeletPending
  const events: EventRecord[] = []
  const event = (reason: string, message: string) => events.push({ involved: node, type: 'Normal', reason, message, source: 'kubelet', host: name })
  if (restart) event('Starting', 'Starting kubelet.')
  const now = rfc3339(ctx.now)
  const posted = [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ]
  const previous = (node.status?.conditions ?? []) as NodeCondition[]
  if (restart) {
    for (const c of posted.slice(0, 3)) event(c.reason.replace(/^Kubelet/, 'Node'), `Node ${name} status is now: ${c.reason.replace(/^Kubelet/, 'Node')}`)
    event('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods')
  }
  const conditions = posted.map((c) => {
    const prev = previous.find((p) => p.type === c.type)
    return { ...c, lastHeartbeatTime: now, lastTransitionTime: prev && prev.status === c.status ? (prev.lastTransitionTime ?? now) : now }
  })
  if (previous.find((p) => p.type === 'Ready')?.status !== 'True') event('NodeReady', `Node ${name} status is now: NodeReady`)
  const others = previous.filter((p) => !posted.some((c) => c.type === p.type))
  return { writes: [{ op: 'update', object: { ...node, status: { ...node.status, conditions: [...others, ...conditions] } } }], events }
}

/**
 * A started container's runtime state; its environment is computed when first read (service links as of the start).
 * A class: an object literal with a getter is built on V8's slow path, once per container start.
 */
class StartedContainer implements ContainerState {
  files = new Map<string, string>()
  removed = new Set<string>()
  readiness = newProbeState('readiness')
  liveness = newProbeState('liveness')
  startup = newProbeState('startup')
  lastTermination?: ContainerState['lastTermination']
  constructor(private readonly envAtStart: () => Record<string, string>, readonly startedAt: number, readonly restartCount: number, readonly containerID: string) {}
  get env(): Record<string, string> { return this.envAtStart() }
}

/** A previous container instance that died with its node (docker stop/kill), as `lastState.terminated` shows it. */
interface DeathNote { at: number; exitCode: number; reason: string }

/** kuberuntime startContainer: pull (per imagePullPolicy), create, start; env is computed now (service links). */
function startContainer(ctx: ControllerContext, pod: KubeObject, node: KubeObject, rt: PodRuntime, c: Container, restartCount: number,
  event: (type: 'Normal' | 'Warning', reason: string, message: string) => void, previous?: ContainerState, died?: DeathNote): void {
  const host = node.metadata.name
  // A restart ensures the image again (the first start pulled it over time in kubelet-containers.ts).
  if (restartCount > 0) {
    const image: string = c.image ?? ''
    const present = imagePresent(ctx.runtime, host, image)
    if ((c.imagePullPolicy ?? defaultPullPolicy(image)) !== 'Always' && present) event('Normal', 'Pulled', `Container image "${image}" already present on machine`)
    else {
      event('Normal', 'Pulling', `Pulling image "${image}"`)
      const d = formatPullDuration(present ? 0.3 + ctx.rng.float() * 0.7 : 1.5 + ctx.rng.float() * 6)
      event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${imageSize(image)} bytes.`)
      finishPull(ctx.runtime, host, image)
    }
  }
  const containerID = ctx.rng.hex(64)
  const hostname = pod.spec?.hostNetwork ? host : (pod.spec?.hostname ?? pod.metadata.name)
  const env = containerEnvironmentAtStart(ctx.store, pod, c, rt.podIP, nodeInternalIP(node), hostname)
  const state = new StartedContainer(env, ctx.now, restartCount, containerID)
  if (previous) state.lastTermination = { containerID: `containerd://${previous.containerID}`, exitCode: died?.exitCode ?? 137, finishedAt: rfc3339(died?.at ?? ctx.now), reason: died?.reason ?? 'Error', startedAt: rfc3339(previous.startedAt) }
  rt.containers.set(c.name, state)
  // A new process: an app's request counter (kubia-unhealthy's) starts again from zero.
  servedCounts(ctx.config).delete(`${rt.namespace}/${rt.name}/${c.name}`)
  event('Normal', 'Created', `Created container: ${c.name}`)
  const failed = instanceStarted(ctx, pod, rt, c, `containerd://${containerID}`, restartCount, previous ? died ?? { at: ctx.now, exitCode: 137, reason: 'Error' } : undefined)
  if (failed) event('Warning', 'Failed', `Error: ${failed}`)
  else event('Normal', 'Started', `Started container ${c.name}`)
}
