// `kubectl rollout status|restart|undo|history deployment/NAME`. Revisions are the ReplicaSets'
// `deployment.kubernetes.io/revision` annotations. Upstream: kubectl/pkg/cmd/rollout/*.go and
// polymorphichelpers (rollout_status.go DeploymentStatusViewer, history.go, rollback.go).
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, int, parseFlags, str } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { controllerOf } from '../../../engine/api/types.ts'
import { CommandError, verb } from './command-error.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, namespaceOf } from './options.ts'
import { slashName } from './names.ts'
import { parseTargets } from './targets.ts'
import { parseDuration } from './wait.ts'

const REVISION = 'deployment.kubernetes.io/revision'

export const rollout = verb((ctx: KubectlContext) => {
  const [sub, ...rest] = ctx.args.filter((a, i) => i > 0 || !a.startsWith('-'))
  const args = ctx.args.filter((a) => a !== sub)
  void rest
  const flags = parseFlags(args, [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'to-revision', type: 'int' }, { name: 'revision', type: 'int' },
    { name: 'watch', short: 'w', type: 'bool' }, { name: 'timeout', type: 'string' }, { name: 'selector', short: 'l', type: 'string' }])
  const { namespace } = namespaceOf(flags)
  if (!sub || !['status', 'restart', 'undo', 'history', 'pause', 'resume'].includes(sub)) throw new CommandError(sub ? `unknown command "${sub}" for "kubectl rollout"` : 'Manage the rollout of one or many resources.')
  const { targets } = parseTargets(flags.positional, 'required resource not specified')
  if (!targets.length) throw new CommandError('required resource not specified')
  let code = 0
  for (const t of targets) {
    const d = ctx.cluster.api.get(t.info.kind, namespace, t.name)
    if (d.kind !== 'Deployment') throw new CommandError(`no ${sub === 'status' ? 'status viewer' : sub === 'history' ? 'history viewer' : sub === 'undo' ? 'rollbacker' : 'restarter'} has been implemented for ${JSON.stringify(`${t.info.kind}`)}`)
    if (sub === 'status') code = status(ctx, d, timeoutOf(str(flags, 'timeout'))) || code
    else if (sub === 'restart') restart(ctx, d)
    else if (sub === 'history') history(ctx, d, int(flags, 'revision'))
    else if (sub === 'undo') undo(ctx, d, int(flags, 'to-revision') ?? 0)
    else pauseResume(ctx, d, sub === 'pause')
  }
  ctx.cluster.converge()
  return code
})

/** `--timeout` (0, the default, waits for ever; the simulation stops after ten simulated minutes). */
function timeoutOf(text: string | undefined): number {
  const t = text === undefined ? 0 : /^\d+$/.test(text) ? Number(text) : parseDuration(text)
  if (t === undefined || Number.isNaN(t)) throw new CommandError(`invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"`)
  return t === 0 ? 600 : t
}

/** What DeploymentStatusViewer says of `d` now, and whether the rollout is done. */
function statusLine(d: KubeObject): { done: boolean; line: string } {
  const name = d.metadata.name
  const s = d.status ?? {}
  const want = d.spec?.replicas ?? 1
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { done: false, line: 'Waiting for deployment spec update to be observed...' }
  if ((s.updatedReplicas ?? 0) < want) return { done: false, line: `Waiting for deployment "${name}" rollout to finish: ${s.updatedReplicas ?? 0} out of ${want} new replicas have been updated...` }
  if ((s.replicas ?? 0) > (s.updatedReplicas ?? 0)) return { done: false, line: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - (s.updatedReplicas ?? 0)} old replicas are pending termination...` }
  if ((s.availableReplicas ?? 0) < (s.updatedReplicas ?? 0)) return { done: false, line: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${s.updatedReplicas ?? 0} updated replicas are available...` }
  return { done: true, line: `deployment "${name}" successfully rolled out` }
}

/**
 * Watches the Deployment as kubectl does, on the simulated clock: prints each new "Waiting..." line, then
 * "successfully rolled out"; when `timeout` seconds pass first, kubectl's timeout error.
 */
function status(ctx: KubectlContext, d: KubeObject, timeout: number): number {
  const current = () => (ctx.cluster.store.get('Deployment', d.metadata.namespace, d.metadata.name) as KubeObject | undefined) ?? d
  let last = ''
  let waited = 0
  for (;;) {
    const { done, line } = statusLine(current())
    if (line !== last) ctx.io.out(`${line}\n`)
    last = line
    if (done) return 0
    if (waited >= timeout) break
    // As `kubectl wait`: a second at first, then straight to the clock's next event.
    const next = waited === 0 ? undefined : ctx.cluster.nextEventAt()
    const step = waited === 0 ? 1 : next === undefined ? timeout - waited : Math.min(timeout - waited, Math.max(1, Math.ceil(next - ctx.cluster.clock.now())))
    ctx.cluster.advance(step, { keepSteady: waited > 0 })
    waited += step
  }
  ctx.io.err('error: timed out waiting for the condition\n')
  return 1
}

function restart(ctx: KubectlContext, d: KubeObject): void {
  if (d.spec?.paused) throw new CommandError(`can't restart paused deployment (run rollout resume first)`)
  const template = d.spec.template ?? {}
  const annotations = { ...(template.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': ctx.cluster.clock.nowRfc3339() }
  const res = ctx.cluster.api.update({ ...d, spec: { ...d.spec, template: { ...template, metadata: { ...template.metadata, annotations } } } })
  ctx.io.out(`${slashName(res.object)} restarted\n`)
}

function replicaSets(ctx: KubectlContext, d: KubeObject): KubeObject[] {
  return ctx.cluster.store.list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => controllerOf(rs)?.uid === d.metadata.uid)
    .sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0))
}

function history(ctx: KubectlContext, d: KubeObject, revision: number | undefined): void {
  const sets = replicaSets(ctx, d)
  if (revision) {
    const rs = sets.find((r) => Number(r.metadata.annotations?.[REVISION]) === revision)
    if (!rs) throw new CommandError(`unable to find the specified revision`)
    ctx.io.out(`${slashName(d)} with revision #${revision}\nPod Template:\n  Labels:\t${Object.entries(rs.spec.template.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join('\n\t')}\n`)
    return
  }
  const rows = sets.map((rs) => [rs.metadata.annotations?.[REVISION] ?? '0', rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>'])
  const width = Math.max('REVISION'.length, ...rows.map((r) => r[0].length)) + 2
  ctx.io.out(`${slashName(d)} \n${'REVISION'.padEnd(width)}CHANGE-CAUSE\n${rows.map((r) => `${r[0].padEnd(width)}${r[1]}\n`).join('')}\n`)
}

function undo(ctx: KubectlContext, d: KubeObject, toRevision: number): void {
  const sets = replicaSets(ctx, d)
  const current = Number(d.metadata.annotations?.[REVISION] ?? 0)
  const target = toRevision ? sets.find((r) => Number(r.metadata.annotations?.[REVISION]) === toRevision) : [...sets].reverse().find((r) => Number(r.metadata.annotations?.[REVISION]) < current)
  if (!target) throw new CommandError(toRevision ? `unable to find specified revision ${toRevision} in history` : `no rollout history found for deployment "${d.metadata.name}"`)
  const labels = { ...(target.spec.template.metadata?.labels ?? {}) }
  delete labels['pod-template-hash']
  const template = { ...target.spec.template, metadata: { ...target.spec.template.metadata, labels } }
  if (JSON.stringify(template) === JSON.stringify(d.spec.template)) {
    ctx.io.out(`${slashName(d)} skipped rollback (current template already matches revision ${target.metadata.annotations?.[REVISION]})\n`)
    return
  }
  const res = ctx.cluster.api.update({ ...d, spec: { ...d.spec, template } })
  ctx.io.out(`${slashName(res.object)} rolled back\n`)
}

function pauseResume(ctx: KubectlContext, d: KubeObject, pause: boolean): void {
  if (!!d.spec?.paused === pause) {
    ctx.io.out(`${slashName(d)} already ${pause ? 'paused' : 'resumed'}\n`)
    return
  }
  const res = ctx.cluster.api.update({ ...d, spec: { ...d.spec, paused: pause || undefined } })
  ctx.io.out(`${slashName(res.object)} ${pause ? 'paused' : 'resumed'}\n`)
}
