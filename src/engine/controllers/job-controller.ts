// kube-controller-manager's Job controller (pkg/controller/job/job_controller.go syncJob): keeps
// min(parallelism, completions - succeeded) pods active, replaces failed ones after an exponential back-off
// (10 s doubling, at most 6 min: DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff), and ends the Job with
// SuccessCriteriaMet then Complete, or FailureTarget then Failed past backoffLimit (the terminal condition waits
// for the Job's pods to be gone, as JobManagedBy does in v1.32). Pod finalizers and indexed Jobs are not modelled.
import type { Controller, ControllerContext, SyncResult, Write } from './controller.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { objectKey, parseKey } from '../api/types.ts'
import { indexesOf } from './informer.ts'
import { epoch, isPodReady } from './pod-util.ts'
import { generateName } from './replica-manager.ts'
import { qosClass } from '../node/pod-status.ts'
import { jsonClone } from '../api/plain-json.ts'
import { workloadKeysFor } from './workload-keys.ts'

const BACKOFF_BASE = 10
const BACKOFF_MAX = 360

interface JobCondition { type: string; status: string; reason?: string; message?: string; lastProbeTime?: string; lastTransitionTime?: string }

const SUCCEEDED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' }
const FAILED = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }

function hasCondition(job: KubeObject, type: string): boolean {
  return ((job.status?.conditions ?? []) as JobCondition[]).some((c) => c.type === type && c.status === 'True')
}

function condition(type: string, why: { reason: string; message: string }, at: string): JobCondition {
  return { lastProbeTime: at, lastTransitionTime: at, message: why.message, reason: why.reason, status: 'True', type }
}

function jobPod(job: KubeObject, name: string): KubeObject {
  const template = job.spec?.template ?? {}
  const pod: KubeObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, generateName: `${job.metadata.name}-`, namespace: job.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: jsonClone(template.spec ?? {}),
  }
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) }
  return pod
}

/** When a failed pod's containers finished (its deletion or creation time when they never ran). */
function failedAt(pod: KubeObject): number {
  const finished = ((pod.status?.containerStatuses ?? []) as { state?: { terminated?: { finishedAt?: string } } }[])
    .map((cs) => epoch(cs.state?.terminated?.finishedAt)).filter((t) => t > 0)
  return finished.length ? Math.max(...finished) : epoch(pod.metadata.creationTimestamp)
}

function sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
  const job = ctx.store.getByKey(key)
  if (!job || job.kind !== 'Job' || job.metadata.deletionTimestamp) return { writes: [] }
  if (hasCondition(job, 'Complete') || hasCondition(job, 'Failed')) return { writes: [] }
  const namespace = job.metadata.namespace
  const nowIso = new Date(ctx.now * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
  const pods = [...indexesOf(ctx.store).ownedBy('Pod', job.metadata.uid!).values()]
  const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length
  const failedPods = pods.filter((p) => p.status?.phase === 'Failed')
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
  const active = pods.filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
  const onFailure = job.spec?.template?.spec?.restartPolicy === 'OnFailure'
  // With OnFailure the kubelet restarts containers in place; their restarts count against backoffLimit.
  const restarts = onFailure ? active.reduce((n, p) => n + ((p.status?.containerStatuses ?? []) as { restartCount?: number }[]).reduce((m, cs) => m + (cs.restartCount ?? 0), 0), 0) : 0
  const failures = failedPods.length + restarts
  const completions: number | undefined = job.spec?.completions ?? undefined
  const parallelism: number = job.spec?.parallelism ?? 1
  const writes: Write[] = []
  const events: SyncResult['events'] = []
  let requeueAfter: number | undefined
  const conditions = [...((job.status?.conditions ?? []) as JobCondition[])]
  const add = (type: string, why: { reason: string; message: string }) => { if (!conditions.some((c) => c.type === type)) conditions.push(condition(type, why, nowIso)) }
  const done = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0
  const exceeded = !done && failures > (job.spec?.backoffLimit ?? 6)
  const deleteActive = () => {
    for (const p of active) writes.push({ op: 'delete', key: objectKey('Pod', namespace, p.metadata.name) })
  }
  let completionTime: string | undefined
  if (done || hasCondition(job, 'SuccessCriteriaMet')) {
    add('SuccessCriteriaMet', SUCCEEDED)
    deleteActive()
    if (!active.length && !terminating.length) {
      add('Complete', SUCCEEDED)
      completionTime = nowIso
      events.push({ involved: job, type: 'Normal', reason: 'Completed', message: 'Job completed', source: 'job-controller' })
    }
  } else if (exceeded || hasCondition(job, 'FailureTarget')) {
    if (!hasCondition(job, 'FailureTarget')) events.push({ involved: job, type: 'Warning', reason: FAILED.reason, message: FAILED.message, source: 'job-controller' })
    add('FailureTarget', FAILED)
    deleteActive()
    if (!active.length && !terminating.length) add('Failed', FAILED)
  } else if (!job.spec?.suspend) {
    const want = Math.min(parallelism, completions !== undefined ? completions - succeeded : parallelism)
    let missing = want - active.length - (job.spec?.podReplacementPolicy === 'Failed' ? 0 : terminating.length)
    if (missing > 0 && failedPods.length) {
      // The back-off after the latest failure: 10 s, 20 s, 40 s … (the pod failure count is what doubles it).
      const delay = Math.min(BACKOFF_BASE * 2 ** (failedPods.length - 1), BACKOFF_MAX)
      const wait = Math.max(...failedPods.map(failedAt)) + delay - ctx.now
      if (wait > 0) { requeueAfter = wait; missing = 0 }
    }
    for (let i = 0; i < missing; i++) {
      const name = generateName(`${job.metadata.name}-`, ctx.rng, (n) => !!ctx.store.get('Pod', namespace, n))
      writes.push({ op: 'create', object: jobPod(job, name) })
      events.push({ involved: job, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, source: 'job-controller' })
    }
  }
  const nowActive = writes.some((w) => w.op === 'delete') ? 0 : active.length + writes.filter((w) => w.op === 'create').length
  const status: Record<string, unknown> = {
    ...(nowActive ? { active: nowActive } : {}),
    ...(completionTime ?? job.status?.completionTime ? { completionTime: completionTime ?? job.status?.completionTime } : {}),
    ...(conditions.length ? { conditions } : {}),
    ...(failedPods.length ? { failed: failedPods.length } : {}),
    ready: active.filter((p) => isPodReady(p)).length,
    startTime: job.status?.startTime ?? nowIso,
    ...(succeeded ? { succeeded } : {}),
    terminating: terminating.length,
    uncountedTerminatedPods: {},
  }
  if (JSON.stringify(status) !== JSON.stringify(job.status ?? {})) writes.push({ op: 'update', object: { ...job, status } })
  return { writes, events, ...(requeueAfter !== undefined ? { requeueAfter } : {}) }
}

/** The Job controller, keyed by Job; its pods report to their owner. */
export function jobController(): Controller {
  return {
    name: 'job-controller',
    watches: ['Job', 'Pod'],
    keysFor: (change) => workloadKeysFor('Job', change),
    sync: (key, ctx) => (parseKey(key).kind === 'Job' ? sync(key, ctx) : { writes: [] }),
  }
}
