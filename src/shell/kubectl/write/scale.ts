// `kubectl scale KIND NAME --replicas=N [--current-replicas=M]`: `deployment.apps/kubia scaled`.
// Upstream: kubectl/pkg/cmd/scale/scale.go and kubectl/pkg/scale (precondition text).
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, int, parseFlags, str, bool } from '../flags.ts'
import { CommandError, verb } from './command-error.ts'
import { finish, fromApi } from './errors.ts'
import type { KubectlError } from './errors.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, namespaceOf } from './options.ts'
import { slashName, withDryRun } from './names.ts'
import { parseTargets } from './targets.ts'
import { listSelected } from './select.ts'

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'])

export const scale = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'replicas', type: 'int' }, { name: 'current-replicas', type: 'int' },
    { name: 'resource-version', type: 'string' }, { name: 'timeout', type: 'string' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'all', type: 'bool' }, { name: 'filename', short: 'f', type: 'stringArray' }])
  const replicas = int(flags, 'replicas')
  if (replicas === undefined) throw new CommandError('required flag(s) "replicas" not set')
  if (replicas < 0) throw new CommandError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  const dryRun = dryRunOf(flags)
  const { namespace } = namespaceOf(flags)
  const { info, targets } = parseTargets(flags.positional, 'You must provide one or more resources by argument or filename.')
  const items = info && !targets.length
    ? listSelected(ctx, info, namespace, str(flags, 'selector')).map((o) => ({ info, name: o.metadata.name }))
    : targets
  if (info && !targets.length && !bool(flags, 'all') && str(flags, 'selector') === undefined) throw new CommandError('resource(s) were provided, but no name was specified')
  const errors: KubectlError[] = []
  const current = int(flags, 'current-replicas')
  for (const t of items) {
    if (!SCALABLE.has(t.info.kind)) {
      errors.push({ type: 'plain', message: `cannot scale ${t.info.plural}` })
      continue
    }
    try {
      const obj = ctx.cluster.api.get(t.info.kind, namespace, t.name)
      const now = obj.spec?.replicas ?? 1
      if (current !== undefined && current !== -1 && current !== now) {
        errors.push({ type: 'plain', message: `Expected replicas to be ${current}, was ${now}` })
        continue
      }
      const res = ctx.cluster.api.update({ ...obj, spec: { ...obj.spec, replicas } }, { dryRun: dryRun !== 'none' })
      ctx.io.out(`${slashName(res.object)} ${withDryRun('scaled', dryRun)}\n`)
    } catch (err) {
      errors.push(fromApi(err))
    }
  }
  if (dryRun === 'none') ctx.cluster.converge()
  return finish(ctx.io.err, errors)
})
