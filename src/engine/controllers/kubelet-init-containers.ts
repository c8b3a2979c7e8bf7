// Init containers in the kubelet's container lifecycle: pkg/kubelet/kuberuntime/kuberuntime_manager.go
// computeInitContainerActions (one init container at a time, in order; restartable "sidecar" init containers count as
// done once started and keep running), computePodActions (regular containers only once initialized; KillPod when an
// init container fails under restartPolicy Never; sidecars stopped once the regular containers are done).
import type { KubeObject } from '../api/types.ts'
import type { PodRuntime } from '../node/runtime.ts'
import type { ContainerLife } from '../node/container-runtime-state.ts'
import { newLife } from '../node/container-runtime-state.ts'
import { exitsOnSigterm } from '../images/process.ts'
import { killExit } from './pod-termination.ts'
import { isRestartableInit } from '../api/pod-display-status.ts'
import type { Container } from 'kubernetes-types/core/v1'


export function initContainersOf(pod: KubeObject): Container[] {
  return (pod.spec?.initContainers ?? []) as Container[]
}

/** Every container the kubelet runs for a pod, init containers first (the order SyncPod starts them in). */
export function containersOf(pod: KubeObject): Container[] {
  const inits = initContainersOf(pod)
  const regular = (pod.spec?.containers ?? []) as Container[]
  return inits.length ? [...inits, ...regular] : regular
}

/** Containers that run probes: sidecars and regular containers (validation keeps probes off other init containers). */
export function probedContainersOf(pod: KubeObject): Container[] {
  const sidecars = initContainersOf(pod).filter(isRestartableInit)
  const regular = (pod.spec?.containers ?? []) as Container[]
  return sidecars.length ? [...sidecars, ...regular] : regular
}

/**
 * The restart policy one container lives under: a sidecar always restarts; another init container is retried after a
 * failure unless the pod's policy is Never (shouldRestartOnFailure); a regular container follows the pod's policy.
 */
export function restartPolicyFor(pod: KubeObject, c: Container): string {
  const policy: string = pod.spec?.restartPolicy ?? 'Always'
  if (!initContainersOf(pod).some((i) => i.name === c.name)) return policy
  if (isRestartableInit(c)) return 'Always'
  return policy === 'Never' ? 'Never' : 'OnFailure'
}

const exitedForGood = (life: ContainerLife | undefined) => life?.phase === 'exited' && life.until === Infinity
const succeeded = (life: ContainerLife | undefined) => exitedForGood(life) && life!.terminated?.exitCode === 0

/** A sidecar has started: it runs and its startup probe (if any) has succeeded. */
function sidecarStarted(rt: PodRuntime, c: Container, life: ContainerLife | undefined): boolean {
  const state = rt.containers.get(c.name)
  return life?.phase === 'running' && !!state && (!c.startupProbe || state.startup.result === 'success')
}

/** An init container (not a sidecar) exited non-zero under restartPolicy Never: the pod fails (computeInitContainerActions KillPod). */
function initFailed(pod: KubeObject, lives: Map<string, ContainerLife>): boolean {
  return initContainersOf(pod).some((c) => !isRestartableInit(c) && exitedForGood(lives.get(c.name)) && !succeeded(lives.get(c.name)))
}

/**
 * computeInitContainerActions on the lives the kubelet keeps: the first init container that has not finished is the
 * one to run; once every init container has (a sidecar by starting), or at once for a pod without any, every regular
 * container is admitted. A new life
 * waits in the `sandbox` phase until `at` (then its image is ensured, as for any container). Returns whether any life
 * was added. Once a regular container has a life the pod is initialized and only sidecars keep restarting on their own.
 */
export function admitNext(pod: KubeObject, rt: PodRuntime, lives: Map<string, ContainerLife>, at: number): boolean {
  const regular = (pod.spec?.containers ?? []) as Container[]
  if (regular.some((c) => lives.has(c.name))) return false
  const inits = initContainersOf(pod)
  if (initFailed(pod, lives)) return false
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]
    const life = lives.get(c.name)
    if (!life) return admit(lives, [c], at)
    // A later init container already has a life: this one was done before (a sidecar restarting now included).
    if (i + 1 < inits.length && lives.has(inits[i + 1].name)) continue
    const done = isRestartableInit(c) ? sidecarStarted(rt, c, life) : succeeded(life)
    if (!done) return false
  }
  return admit(lives, regular, at)
}

function admit(lives: Map<string, ContainerLife>, containers: Container[], at: number): boolean {
  for (const c of containers) {
    const life = newLife()
    Object.assign(life, { phase: 'sandbox', until: at })
    lives.set(c.name, life)
  }
  return containers.length > 0
}

/**
 * The pod is done with its sidecars: an init container failed for good, or every regular container exited for good
 * (restartPolicy Never/OnFailure). computePodActions stops the running sidecars then (SIGTERM, SIGKILL after the grace
 * period) and does not restart them. Returns whether a kill began.
 */
export function stopSidecars(pod: KubeObject, lives: Map<string, ContainerLife>, now: number): boolean {
  const sidecars = initContainersOf(pod).filter(isRestartableInit)
  if (!sidecars.length) return false
  const regular = (pod.spec?.containers ?? []) as Container[]
  const regularDone = regular.length > 0 && regular.every((c) => exitedForGood(lives.get(c.name)))
  if (!initFailed(pod, lives) && !regularDone) return false
  let began = false
  const grace = Math.max(0, Number(pod.spec?.terminationGracePeriodSeconds ?? 30))
  for (const c of sidecars) {
    const life = lives.get(c.name)
    if (life?.phase === 'exited' && life.until !== Infinity) {
      // Waiting to restart: it stays down.
      life.until = Infinity
      life.waiting = undefined
      life.resyncAt = undefined
      continue
    }
    if (life?.phase !== 'running' || life.kill) continue
    const onSigterm = exitsOnSigterm(c)
    life.kill = { at: now, exitAt: now + (onSigterm ? 0 : grace), ...killExit(c, !onSigterm), restart: false }
    life.until = Math.min(life.until, life.kill.exitAt)
    began = true
  }
  return began
}

/** Every container the pod will run has stopped for good: the sandbox can go (its IP back to the node's range). */
export function podFinished(pod: KubeObject, lives: Map<string, ContainerLife>): boolean {
  const regular = (pod.spec?.containers ?? []) as Container[]
  const sidecarsDown = initContainersOf(pod).filter(isRestartableInit).every((c) => { const l = lives.get(c.name); return !l || exitedForGood(l) })
  if (!sidecarsDown) return false
  if (initFailed(pod, lives)) return true
  return regular.length > 0 && regular.every((c) => exitedForGood(lives.get(c.name)))
}
