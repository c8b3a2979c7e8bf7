// The kubelet's container lifecycle on the simulated clock (pkg/kubelet/kuberuntime/kuberuntime_manager.go
// computePodActions/SyncPod and doBackOff, pkg/kubelet/images): image pulls that take time and can fail
// (ErrImagePull → ImagePullBackOff), processes that exit (Completed/Error), restarts under restartPolicy with the
// crash back-off (CrashLoopBackOff, 10 s doubling to 5 min). Which container comes next when a pod has init containers:
// kubelet-init-containers.ts.
import type { ControllerContext } from './controller.ts'
import type { KubeObject } from '../api/types.ts'
import type { PodRuntime } from '../node/runtime.ts'
import type { ContainerLife } from '../node/container-runtime-state.ts'
import { MAX_BACKOFF, goDuration, inBackOff, newLife, nextBackOff } from '../node/container-runtime-state.ts'
import { beginPull, finishPull } from '../node/image-puller.ts'
import { defaultPullPolicy, formatPullDuration, imageSize } from '../node/images.ts'
import { releasePodIP } from '../node/ipam.ts'
import type { Container } from 'kubernetes-types/core/v1'
import { exitsOnSigterm, planProcess, serverArgv } from '../images/process.ts'
import { killExit } from './pod-termination.ts'
import type { StoppedContainer } from './pod-termination.ts'
import { imageFamily, parseImage } from '../images/index.ts'
import { referenceError } from '../images/reference.ts'
import { admitNext, containersOf, podFinished, restartPolicyFor, stopSidecars } from './kubelet-init-containers.ts'

/** pkg/kubelet/kubelet.go backOffPeriod: a pod worker whose sync failed retries after 10 s (jitter left out). */
const POD_WORKER_BACKOFF = 10

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string) => void
/** Starts an instance now (kubelet.ts startContainer): create, start, and the process plan. */
type Start = (c: Container, restartCount: number) => void

function livesOf(rt: PodRuntime): Map<string, ContainerLife> {
  if (!rt.lives) rt.lives = new Map()
  return rt.lives
}

/** format.Pod: `name_namespace(uid)`, as the kubelet names a pod in messages. */
const podRef = (pod: KubeObject) => `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`

/**
 * RunPodSandbox (the pause container, then CNI ADD) on a kind node: about a second before SyncPod turns to the
 * containers, so even a pod whose image is present is ContainerCreating for a moment (fixed, so pods created together
 * start together).
 */
const SANDBOX_SECONDS = 1

/**
 * The pod is new on this node: its sandbox is created, then each container's image is ensured (pulled over time, or
 * present) and it starts; with init containers, only the first of them (kubelet-init-containers.ts admits the rest).
 */
export function admitContainers(rt: PodRuntime, pod: KubeObject, now: number): void {
  admitNext(pod, rt, livesOf(rt), now + SANDBOX_SECONDS)
}

function ensureImage(ctx: ControllerContext, rt: PodRuntime, c: Container, life: ContainerLife, event: Emit, start: Start): void {
  const image = c.image ?? ''
  const badReference = referenceError(image)
  if (badReference) {
    // EnsureImageExists cannot even name the image (applyDefaultImageTag): no pull; the pod worker retries every sync.
    const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${badReference}`
    event('Warning', 'InspectFailed', message)
    event('Warning', 'Failed', 'Error: InvalidImageName')
    Object.assign(life, { phase: 'pullFailed', until: ctx.now + POD_WORKER_BACKOFF, waiting: { reason: 'InvalidImageName', message } })
    return
  }
  const policy = c.imagePullPolicy ?? defaultPullPolicy(image)
  const pull = beginPull(ctx.runtime, rt.nodeName, image, policy, ctx.now, () => ctx.rng.float())
  if (pull.kind === 'present') {
    event('Normal', 'Pulled', `Container image "${image}" already present on machine`)
    start(c, life.restartCount)
  } else if (pull.kind === 'pulling') {
    event('Normal', 'Pulling', `Pulling image "${image}"`)
    Object.assign(life, { phase: 'pulling', until: pull.doneAt, waiting: { reason: 'ContainerCreating' }, pull: { began: ctx.now, seconds: pull.seconds } })
  } else if (pull.kind === 'never') {
    const message = `Container image "${image}" is not present with pull policy of Never`
    event('Warning', 'ErrImageNeverPull', message)
    event('Warning', 'Failed', 'Error: ErrImageNeverPull')
    Object.assign(life, { phase: 'pullFailed', until: Infinity, waiting: { reason: 'ErrImageNeverPull', message } })
  } else {
    // The registry's refusal takes a round trip (token, then manifest): the container keeps its waiting reason meanwhile.
    event('Normal', 'Pulling', `Pulling image "${image}"`)
    const seconds = 0.5 + ctx.rng.float()
    Object.assign(life, { phase: 'pulling', until: ctx.now + seconds, pull: { began: ctx.now, seconds, failure: { code: pull.code, error: pull.error } } })
  }
}

/** The pull ended in the registry's refusal: ErrImagePull, and the pod worker syncs again about a second later to find the image in back-off. */
function pullRefused(ctx: ControllerContext, c: Container, life: ContainerLife, failure: { code: string; error: string }, event: Emit): void {
  const message = `rpc error: code = ${failure.code} desc = ${failure.error}`
  event('Warning', 'Failed', `Failed to pull image "${c.image ?? ''}": ${message}`)
  event('Warning', 'Failed', 'Error: ErrImagePull')
  delete life.pull
  Object.assign(life, { phase: 'pullFailed', until: ctx.now + 1, pullFailedAt: ctx.now, waiting: { reason: 'ErrImagePull', message } })
}

/** Moves every container whose next step is due (pull done, process exited, back-off over); repeats for steps due at once. */
export function advanceContainers(ctx: ControllerContext, pod: KubeObject, rt: PodRuntime, event: Emit, start: Start): void {
  const lives = livesOf(rt)
  const containers = containersOf(pod)
  for (let round = 0; round < 20; round++) {
    let moved = false
    for (const c of containers) {
      const life = lives.get(c.name)
      if (!life) continue
      const image = c.image ?? ''
      if (life.phase === 'running') {
        const inst = life.current!
        const ownExit = inst.plan.exitAfter === undefined ? Infinity : inst.startedAt + inst.plan.exitAfter
        const exitAt = Math.min(ownExit, life.kill?.exitAt ?? Infinity)
        life.until = exitAt
        if (exitAt > ctx.now + 1e-9) continue
        exited(rt, c.name, life, exitAt, restartPolicyFor(pod, c))
        moved = true
        continue
      }
      if (life.until > ctx.now + 1e-9) {
        // SyncPod fails with ErrCrashLoopBackOff on every pod-worker retry (kubelet backOffPeriod, 10 s): each
        // records the BackOff event again, which the recorder folds into its count.
        if (life.waiting?.reason === 'CrashLoopBackOff' && life.resyncAt !== undefined && life.resyncAt <= ctx.now + 1e-9) {
          event('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef(pod)}`)
          life.resyncAt = ctx.now + POD_WORKER_BACKOFF < life.until - 1e-9 ? ctx.now + POD_WORKER_BACKOFF : undefined
        }
        continue
      }
      moved = true
      if (life.phase === 'sandbox') {
        ensureImage(ctx, rt, c, life, event, start)
      } else if (life.phase === 'pulling' && life.pull?.failure) {
        pullRefused(ctx, c, life, life.pull.failure, event)
      } else if (life.phase === 'pulling') {
        const p = life.pull!
        const d = formatPullDuration(p.seconds)
        const waited = formatPullDuration(ctx.now - p.began)
        event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${d} (${waited} including waiting). Image size: ${imageSize(image)} bytes.`)
        finishPull(ctx.runtime, rt.nodeName, image)
        delete life.pull
        start(c, life.restartCount)
      } else if (life.phase === 'pullFailed' && life.waiting?.reason === 'ErrImagePull') {
        event('Normal', 'BackOff', `Back-off pulling image "${image}"`)
        event('Warning', 'Failed', 'Error: ImagePullBackOff')
        life.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` }
        life.until = (life.pullFailedAt ?? ctx.now) + life.pullBackoff
        life.pullBackoff = Math.min(life.pullBackoff * 2, MAX_BACKOFF)
      } else if (life.phase === 'pullFailed') {
        ensureImage(ctx, rt, c, life, event, start)
      } else if (life.phase === 'exited') {
        // The back-off is over: flowcontrol.Backoff.Next, then a new instance.
        nextBackOff(life, ctx.now)
        start(c, life.restartCount + 1)
      }
    }
    // A container that exits while its back-off still runs waits (CrashLoopBackOff); the first crash restarts at once.
    for (const c of containers) {
      const life = lives.get(c.name)
      if (life?.phase !== 'exited' || life.until !== -Infinity) continue
      const finished = life.terminated!.finishedAt
      if (inBackOff(life, finished, ctx.now)) {
        life.until = finished + life.backoff!.seconds
        life.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(life.backoff!.seconds)} restarting failed container=${c.name} pod=${podRef(pod)}` }
        event('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef(pod)}`)
        life.resyncAt = ctx.now + POD_WORKER_BACKOFF < life.until - 1e-9 ? ctx.now + POD_WORKER_BACKOFF : undefined
      } else {
        nextBackOff(life, ctx.now)
        start(c, life.restartCount + 1)
        moved = true
      }
    }
    // The next init container (or, all done, the regular ones) once the one before has finished; sidecars stop
    // when the pod is done.
    if (admitNext(pod, rt, lives, ctx.now)) moved = true
    if (stopSidecars(pod, lives, ctx.now)) moved = true
    if (!moved) break
  }
  if (podFinished(pod, lives)) {
    // A terminal pod's sandbox is torn down: its IP goes back to the node's range (the API status keeps it).
    if (rt.leased) releasePodIP(ctx.runtime, rt.nodeName, rt.podIP)
    rt.leased = false
  }
}

/** The instance ended at `at`: record its end; restartPolicy decides whether it comes back (after any back-off). */
function exited(rt: PodRuntime, name: string, life: ContainerLife, at: number, policy: string): void {
  const inst = life.current!
  // A process the kubelet killed ends with the signal's code (137 after SIGKILL) unless it exited on its own first.
  const kill = life.kill && life.kill.exitAt <= at + 1e-9 ? life.kill : undefined
  delete life.kill
  const code = kill ? kill.exitCode : inst.plan.exitCode
  life.terminated = {
    exitCode: code, reason: kill ? kill.reason : inst.plan.startError ? 'StartError' : code === 0 ? 'Completed' : 'Error',
    ...(inst.plan.startError ? { message: startErrorMessage(inst.plan.startError) } : {}),
    // A process that never started has containerd's zero start time: describe shows Thu, 01 Jan 1970 00:00:00 +0000.
    startedAt: inst.plan.startError ? 0 : inst.startedAt, finishedAt: at, containerID: inst.containerID,
  }
  life.phase = 'exited'
  rt.containers.delete(name)
  // computePodActions restarts a probe-killed container under any policy but Never, whatever its exit code.
  const restart = kill ? kill.restart : policy === 'Always' || (policy === 'OnFailure' && code !== 0)
  // -Infinity: decide the back-off in this sync (see advanceContainers); Infinity: never restarts.
  life.until = restart ? -Infinity : Infinity
  life.waiting = undefined
}

/**
 * killContainer after a failed liveness or startup probe (kuberuntime_container.go; the grace period from
 * setTerminationGracePeriod: the probe's own terminationGracePeriodSeconds, else the pod's, at least 2 s). PID 1 that
 * handles SIGTERM stops at once; one that ignores it (node, sleep, sh) is SIGKILLed at the end of the grace period.
 * Returns false when the container is not running or is already being killed.
 */
export function killContainer(ctx: ControllerContext, pod: KubeObject, rt: PodRuntime, c: Container, probeGrace: number | undefined): boolean {
  const life = rt.lives?.get(c.name)
  if (!life || life.phase !== 'running' || life.kill) return false
  const grace = Math.max(2, Number(probeGrace ?? pod.spec?.terminationGracePeriodSeconds ?? 30))
  const onSigterm = exitsOnSigterm(c)
  const restart = restartPolicyFor(pod, c) !== 'Never'
  life.kill = { at: ctx.now, exitAt: ctx.now + (onSigterm ? 0 : grace), ...killExit(c, !onSigterm), restart }
  life.until = Math.min(life.until, life.kill.exitAt)
  return true
}

/** A deleted pod's container has stopped (pod-termination.ts): its terminated state, and no restart. */
export function stopForDeletion(rt: PodRuntime, stopped: StoppedContainer): void {
  const life = rt.lives?.get(stopped.name)
  if (!life?.current || life.phase !== 'running') {
    rt.containers.delete(stopped.name)
    return
  }
  // The deletion's kill, over at `stopped.at`, ends the instance as a probe's kill does, with no restart.
  life.kill = { at: stopped.at, exitAt: stopped.at, exitCode: stopped.exitCode, reason: stopped.reason, restart: false }
  exited(rt, stopped.name, life, stopped.at, 'Never')
}

/** runc's error when the executable is missing, as containerd reports it in the terminated state and the Failed event. */
function startErrorMessage(detail: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`
}

/** When the next container step is due (for the kubelet's requeue). */
export function nextContainerStep(rt: PodRuntime): number {
  let next = Infinity
  for (const life of rt.lives?.values() ?? []) {
    if (Number.isFinite(life.until) && life.until > 0) next = Math.min(next, life.until)
    if (life.resyncAt !== undefined) next = Math.min(next, life.resyncAt)
  }
  return next
}


/** How an instance before this one ended when the kubelet itself killed it (liveness) or its node died. */
export interface Killed { at: number; exitCode: number; reason: string }

/**
 * A new instance was created and started (kubelet.ts startContainer): what it runs, its first log lines, and the end
 * of the instance before it. Returns the runc error when the executable does not exist (the instance never runs).
 */
export function instanceStarted(ctx: ControllerContext, pod: KubeObject, rt: PodRuntime, c: Container, containerID: string, restartCount: number, killed?: Killed): string | undefined {
  const lives = livesOf(rt)
  let life = lives.get(c.name)
  if (!life) lives.set(c.name, (life = newLife()))
  if (life.current) {
    const prev = life.current
    life.lastTerminated = life.phase === 'exited' && life.terminated ? life.terminated
      : { exitCode: killed?.exitCode ?? 137, reason: killed?.reason ?? 'Error', startedAt: prev.startedAt, finishedAt: killed?.at ?? ctx.now, containerID: prev.containerID }
    life.previous = prev
  }
  const plan = planProcess(c)
  const image = c.image ?? ''
  const family = imageFamily(image)
  const now = ctx.now
  const lines = plan.server && family?.startLog ? family.startLog({ now, podName: pod.metadata.name, tag: parseImage(image).tag ?? 'latest', argv: serverArgv(c) }).map((line) => ({ at: now, line })) : []
  for (const o of plan.output) lines.push({ at: now + o.at, line: o.line === '\u0000date' ? dateLine(now + o.at) : o.line })
  life.current = { startedAt: now, containerID, plan, lines }
  life.restartCount = restartCount
  life.kill = undefined
  life.resyncAt = undefined
  life.terminated = undefined
  life.waiting = undefined
  life.phase = 'running'
  life.until = plan.exitAfter === undefined ? Infinity : now + plan.exitAfter
  return plan.startError ? startErrorMessage(plan.startError) : undefined
}

/** BusyBox/coreutils `date`: `Sun Dec  6 23:50:00 UTC 2026`. */
function dateLine(seconds: number): string {
  const d = new Date(seconds * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}
