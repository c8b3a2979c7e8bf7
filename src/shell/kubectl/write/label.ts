// `kubectl label|annotate KIND NAME k=v k- [--overwrite]`: `pod/x labeled` / `not labeled`, and the
// refusal to change an existing value without --overwrite. Upstream: kubectl/pkg/cmd/label/label.go,
// annotate/annotate.go.
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { hasOwn, setOwn } from '../../../engine/util/own.ts'
import { CommandError, verb } from './command-error.ts'
import { finish, fromApi } from './errors.ts'
import type { KubectlError } from './errors.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, namespaceOf } from './options.ts'
import { slashName, withDryRun } from './names.ts'
import { parseTargets } from './targets.ts'
import { listSelected } from './select.ts'

function makeVerb(field: 'labels' | 'annotations') {
  const past = field === 'labels' ? 'labeled' : 'annotated'
  return verb((ctx: KubectlContext) => {
    const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' }, { name: 'list', type: 'bool' }, { name: 'resource-version', type: 'string' }, { name: 'all-namespaces', short: 'A', type: 'bool' }])
    const dryRun = dryRunOf(flags)
    const { namespace } = namespaceOf(flags)
    const words = flags.positional
    const changeAt = words.findIndex((w) => w.includes('=') || w.endsWith('-'))
    if (changeAt < 0) throw new CommandError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`)
    const resources = words.slice(0, changeAt)
    const changes = words.slice(changeAt)
    const set: Record<string, string> = {}
    const remove: string[] = []
    for (const c of changes) {
      if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1))
      else {
        const eq = c.indexOf('=')
        if (eq <= 0) throw new CommandError(`invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${c}`)
        setOwn(set, c.slice(0, eq), c.slice(eq + 1))
      }
    }
    const { info, targets } = parseTargets(resources, 'one or more resources must be specified as <resource> <name> or <resource>/<name>')
    const items = info && !targets.length ? listSelected(ctx, info, namespace, str(flags, 'selector')).map((o) => ({ info, name: o.metadata.name })) : targets
    const errors: KubectlError[] = []
    for (const t of items) {
      let obj: KubeObject
      try {
        obj = ctx.cluster.api.get(t.info.kind, namespace, t.name)
      } catch (err) {
        errors.push(fromApi(err))
        continue
      }
      const current = { ...(obj.metadata[field] ?? {}) } as Record<string, string>
      if (!bool(flags, 'overwrite')) {
        const clash = Object.keys(set).filter((k) => hasOwn(current, k) && current[k] !== set[k])
        if (clash.length) {
          const msg = field === 'labels'
            ? `'${clash[0]}' already has a value (${current[clash[0]]}), and --overwrite is false`
            : `--overwrite is false but found the following declared annotation(s): ${clash.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`
          errors.push({ type: 'plain', message: msg })
          continue
        }
      }
      for (const k of remove) {
        if (!hasOwn(current, k)) ctx.io.out(`${field === 'labels' ? 'label' : 'annotation'} "${k}" not found.\n`)
        delete current[k]
      }
      for (const [k, v] of Object.entries(set)) setOwn(current, k, v)
      const changed = JSON.stringify(current) !== JSON.stringify(obj.metadata[field] ?? {})
      try {
        const metadata = { ...obj.metadata, [field]: current }
        const res = changed ? ctx.cluster.api.update({ ...obj, metadata }, { dryRun: dryRun !== 'none' }).object : obj
        ctx.io.out(`${slashName(res)} ${withDryRun(changed ? past : `not ${past}`, dryRun)}\n`)
      } catch (err) {
        errors.push(fromApi(err))
      }
    }
    if (dryRun === 'none') ctx.cluster.converge()
    return finish(ctx.io.err, errors)
  })
}

export const label = makeVerb('labels')
export const annotate = makeVerb('annotations')
