// `kubectl set image deployment/NAME CONTAINER=IMAGE...`: `deployment.apps/kubia image updated`.
// Upstream: kubectl/pkg/cmd/set/set_image.go.
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { CommandError, verb } from './command-error.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, namespaceOf } from './options.ts'
import { slashName, withDryRun } from './names.ts'
import { parseTargets } from './targets.ts'

export const set = verb((ctx: KubectlContext) => {
  const sub = ctx.args.find((a) => !a.startsWith('-'))
  if (sub !== 'image') throw new CommandError(sub ? `unknown command "${sub}" for "kubectl set"` : 'Configure application resources.')
  const flags = parseFlags(ctx.args.filter((a) => a !== 'image'), [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'all', type: 'bool' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'local', type: 'bool' }])
  const dryRun = dryRunOf(flags)
  const { namespace } = namespaceOf(flags)
  const at = flags.positional.findIndex((w) => w.includes('='))
  if (at < 0) throw new CommandError('at least one image update is required')
  const images = Object.fromEntries(flags.positional.slice(at).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]))
  const { targets } = parseTargets(flags.positional.slice(0, at), 'one or more resources must be specified as <resource> <name> or <resource>/<name>')
  void bool
  for (const t of targets) {
    const obj = ctx.cluster.api.get(t.info.kind, namespace, t.name)
    const podSpecPath = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec
    if (!podSpecPath) throw new CommandError(`error: ${t.info.kind} is not supported`)
    const containers = (podSpecPath.containers ?? []).map((c: { name: string; image: string }) => ({ ...c }))
    for (const [name, image] of Object.entries(images)) {
      const targetsAll = name === '*'
      const hit = containers.filter((c: { name: string }) => targetsAll || c.name === name)
      if (!hit.length) throw new CommandError(`unable to find container named "${name}"`)
      hit.forEach((c: { image: string }) => { c.image = image })
    }
    const next: KubeObject = obj.kind === 'Pod' ? { ...obj, spec: { ...obj.spec, containers } } : { ...obj, spec: { ...obj.spec, template: { ...obj.spec.template, spec: { ...obj.spec.template.spec, containers } } } }
    const res = ctx.cluster.api.update(next, { dryRun: dryRun !== 'none' })
    ctx.io.out(`${slashName(res.object)} image updated${dryRun === 'none' ? '' : withDryRun('', dryRun)}\n`)
  }
  if (dryRun === 'none') ctx.cluster.converge()
  return 0
})
