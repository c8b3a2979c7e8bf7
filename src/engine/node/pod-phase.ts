// The pod phase and the Initialized condition the kubelet computes from its container statuses:
// pkg/kubelet/kubelet_pods.go getPhase and pkg/kubelet/status/generate.go GeneratePodInitializedCondition.
import type { KubeObject } from '../api/types.ts'
import { isRestartableInit } from '../api/pod-display-status.ts'
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1'


/** kubecontainer.HasAnyRegularContainerStarted: a regular container runs or has terminated. */
function anyRegularStarted(statuses: ContainerStatus[]): boolean {
  return statuses.some((cs) => !!cs.state?.running || !!cs.state?.terminated)
}

/**
 * getPhase: Failed once an init container failed under restartPolicy Never; Pending while initialization is pending
 * (an init container not yet done, a sidecar not yet started) or any container waits for its first start; Running
 * while one runs; Succeeded/Failed once all regular containers have exited for good.
 */
export function podPhase(pod: KubeObject, statuses: ContainerStatus[], initStatuses: ContainerStatus[] = []): string {
  const policy = pod.spec?.restartPolicy ?? 'Always'
  const byName = new Map(initStatuses.map((cs) => [cs.name, cs]))
  let pendingInit = 0, failedInit = 0
  let waiting = 0, running = 0, stopped = 0, succeeded = 0
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    const cs = byName.get(c.name)
    const lastFailed = (cs?.lastState?.terminated?.exitCode ?? 0) !== 0
    if (isRestartableInit(c)) {
      // Terminated sidecars, and ones waiting to restart, do not count.
      if (cs?.state?.running) { running++; if (!cs.started) pendingInit++ }
      else if (!cs?.state?.terminated && !cs?.lastState?.terminated) { pendingInit++; waiting++ }
    } else if (cs?.state?.terminated) { if (cs.state.terminated.exitCode !== 0) failedInit++ }
    else if (!cs?.state?.running && cs?.lastState?.terminated) { if (lastFailed) failedInit++ }
    else pendingInit++
  }
  for (const cs of statuses) {
    if (cs.state?.running) running++
    else if (cs.state?.terminated) { stopped++; if (cs.state.terminated.exitCode === 0) succeeded++ }
    else if (cs.lastState?.terminated) stopped++
    else waiting++
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed'
  // getPhase's podIsTerminal (1.27+): a deleted pod whose containers all stopped is terminal, whatever its policy;
  // static pods (their mirror is owned by the Node) excepted.
  const deleted = !!pod.metadata.deletionTimestamp && !pod.metadata.ownerReferences?.some((r) => r.kind === 'Node')
  // Deleted while initializing: once nothing runs, the status manager's TerminatePod marks the pending pod Failed.
  if (deleted && running === 0 && !anyRegularStarted(statuses) && initStatuses.some((cs) => cs.state?.terminated)) return 'Failed'
  if ((pendingInit > 0 && !anyRegularStarted(statuses)) || waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  const allExited = statuses.every((cs) => cs.state?.terminated)
  if (!allExited || (policy === 'Always' && !deleted)) return 'Running'
  if (stopped === succeeded) return 'Succeeded'
  return 'Failed'
}

interface Condition { type: string; status: 'True' | 'False'; reason?: string; message?: string }

/**
 * GeneratePodInitializedCondition: True once every init container is done (a sidecar started, another exited 0) or
 * any regular container has started; False with ContainersNotInitialized naming the incomplete ones meanwhile.
 */
export function initializedCondition(pod: KubeObject, statuses: ContainerStatus[], initStatuses: ContainerStatus[], phase: string): Condition {
  const inits = (pod.spec?.initContainers ?? []) as Container[]
  // PodCompleted only when the pod Succeeded (every init container known and done); a Failed pod's has no reason.
  if (!inits.length) return { type: 'Initialized', status: 'True', ...(phase === 'Succeeded' ? { reason: 'PodCompleted' } : {}) }
  const byName = new Map(initStatuses.map((cs) => [cs.name, cs]))
  const incomplete = inits.filter((c) => {
    const cs = byName.get(c.name)
    return isRestartableInit(c) ? !cs?.started : !cs?.ready
  }).map((c) => c.name)
  if (phase === 'Succeeded') return { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
  if (anyRegularStarted(statuses) || !incomplete.length) return { type: 'Initialized', status: 'True' }
  return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` }
}
