// `kubectl cordon|uncordon|drain NODE`: marks the node (un)schedulable; drain also evicts its pods,
// refusing DaemonSet-managed, unmanaged and emptyDir pods without the matching flags.
// Upstream: kubectl/pkg/cmd/drain/drain.go and kubectl/pkg/drain (filters.go messages).
import { waitUntilDeleted } from './wait-deleted.ts'
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { controllerOf } from '../../../engine/api/types.ts'
import { CommandError, verb } from './command-error.ts'
import { DRY_RUN_FLAG, dryRunOf } from './options.ts'
import { withDryRun } from './names.ts'

const FLAGS = [...GLOBAL_FLAGS, DRY_RUN_FLAG, { name: 'ignore-daemonsets', type: 'bool' as const }, { name: 'delete-emptydir-data', type: 'bool' as const },
  { name: 'delete-local-data', type: 'bool' as const }, { name: 'force', type: 'bool' as const }, { name: 'grace-period', type: 'int' as const },
  { name: 'timeout', type: 'string' as const }, { name: 'selector', short: 'l', type: 'string' as const }, { name: 'pod-selector', type: 'string' as const },
  { name: 'disable-eviction', type: 'bool' as const }]

function setSchedulable(ctx: KubectlContext, node: KubeObject, unschedulable: boolean, dryRun: ReturnType<typeof dryRunOf>): void {
  const word = unschedulable ? 'cordoned' : 'uncordoned'
  if (!!node.spec?.unschedulable === unschedulable) {
    ctx.io.out(`node/${node.metadata.name} already ${word}\n`)
    return
  }
  if (dryRun === 'none') ctx.cluster.api.update({ ...node, spec: { ...node.spec, unschedulable: unschedulable || undefined } })
  ctx.io.out(`node/${node.metadata.name} ${withDryRun(word, dryRun)}\n`)
}

function makeToggle(unschedulable: boolean) {
  return verb((ctx: KubectlContext) => {
    const flags = parseFlags(ctx.args, FLAGS)
    if (!flags.positional.length) throw new CommandError('USAGE: cordon NODE [flags]\nSee \'kubectl cordon -h\' for help and examples')
    const dryRun = dryRunOf(flags)
    for (const name of flags.positional) setSchedulable(ctx, ctx.cluster.api.get('Node', undefined, name), unschedulable, dryRun)
    ctx.cluster.converge()
    return 0
  })
}

export const cordon = makeToggle(true)
export const uncordon = makeToggle(false)

export const drain = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, FLAGS)
  if (!flags.positional.length) throw new CommandError('USAGE: drain NODE [flags]\nSee \'kubectl drain -h\' for help and examples')
  const dryRun = dryRunOf(flags)
  let code = 0
  for (const name of flags.positional) {
    const node = ctx.cluster.api.get('Node', undefined, name)
    setSchedulable(ctx, node, true, dryRun)
    const pods = ctx.cluster.store.list('Pod').filter((p) => p.spec?.nodeName === name && !['Succeeded', 'Failed'].includes(p.status?.phase))
    const key = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`
    const daemon = pods.filter((p) => ['DaemonSet', 'Node'].includes(controllerOf(p)?.kind ?? ''))
    const unmanaged = pods.filter((p) => !controllerOf(p))
    const local = pods.filter((p) => (p.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir) && !daemon.includes(p))
    const problems: string[] = []
    if (daemon.length && !bool(flags, 'ignore-daemonsets')) problems.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map(key).join(', ')}`)
    if (unmanaged.length && !bool(flags, 'force')) problems.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map(key).join(', ')}`)
    if (local.length && !bool(flags, 'delete-emptydir-data')) problems.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.map(key).join(', ')}`)
    if (problems.length) {
      ctx.io.err(`error: unable to drain node "${name}" due to error: ${problems.join(', ')}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.join('\n')}\n`)
      code = 1
      continue
    }
    const warnings: string[] = []
    if (daemon.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.map(key).join(', ')}`)
    if (unmanaged.length) warnings.push(`deleting Pods that declare no controller: ${unmanaged.map(key).join(', ')}`)
    if (warnings.length) ctx.io.err(`Warning: ${warnings.join('; ')}\n`)
    const evict = pods.filter((p) => !daemon.includes(p))
    for (const p of evict) ctx.io.out(`evicting pod ${key(p)}${dryRun === 'none' ? '' : ' (dry run)'}\n`)
    if (dryRun === 'none') {
      for (const p of evict) ctx.cluster.api.delete('Pod', p.metadata.namespace, p.metadata.name)
      ctx.cluster.converge()
      // drain.go waitForDelete: `evicted` is printed once the pod is gone (after its grace period).
      waitUntilDeleted(ctx, evict)
    }
    for (const p of evict) ctx.io.out(`pod/${p.metadata.name} ${withDryRun('evicted', dryRun)}\n`)
    ctx.cluster.converge()
    ctx.io.out(`node/${name} ${withDryRun('drained', dryRun)}\n`)
  }
  return code
})
