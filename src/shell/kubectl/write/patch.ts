// `kubectl patch KIND NAME -p PATCH [--type strategic|merge|json]`: `deployment.apps/kubia patched`, or
// `patched (no change)`. The patch text is YAML or JSON, as kubectl accepts. Upstream: kubectl/pkg/cmd/patch/patch.go.
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags, str } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { applyJsonPatch, applyMergePatch, applyStrategicPatch, deepEqual, parseYamlValue, PatchError } from '../../../engine/manifest/index.ts'
import type { Json, JsonObject } from '../../../engine/manifest/index.ts'
import { ApiError } from '../../../engine/api/api-server.ts'
import { CommandError, verb } from './command-error.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, namespaceOf } from './options.ts'
import { slashName, withDryRun } from './names.ts'
import { parseTargets } from './targets.ts'

export const patch = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'patch', short: 'p', type: 'string' }, { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string' }, { name: 'subresource', type: 'string' }, { name: 'filename', short: 'f', type: 'stringArray' }])
  const dryRun = dryRunOf(flags)
  const { namespace } = namespaceOf(flags)
  const type = str(flags, 'type') ?? 'strategic'
  if (!['strategic', 'merge', 'json'].includes(type)) throw new CommandError(`--type must be one of [json merge strategic], not "${type}"`)
  let text = str(flags, 'patch')
  const file = str(flags, 'patch-file')
  if (file !== undefined) {
    text = ctx.host.readFile(file)
    if (text === undefined) throw new CommandError(`unable to read patch file: open ${file}: no such file or directory`)
  }
  if (text === undefined) throw new CommandError('must specify --patch or --patch-file containing the contents of the patch')
  const value = parsePatch(text)
  const { targets } = parseTargets(flags.positional, 'must provide one or more resources')
  if (!targets.length) throw new CommandError('resource(s) were provided, but no name was specified')
  for (const t of targets) {
    const live = ctx.cluster.api.get(t.info.kind, namespace, t.name)
    let next: Json
    try {
      if (type === 'json') next = applyJsonPatch(live as unknown as Json, value)
      else if (type === 'merge') next = applyMergePatch(live as unknown as Json, value)
      else {
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PatchError('json: cannot unmarshal array into Go value of type map[string]interface {}')
        next = applyStrategicPatch(live as unknown as JsonObject, value as JsonObject)
      }
    } catch (err) {
      if (!(err instanceof PatchError)) throw err
      throw new ApiError({ code: 400, reason: 'BadRequest', message: err.message })
    }
    if (deepEqual(next, live)) {
      ctx.io.out(`${slashName(live)} ${withDryRun('patched (no change)', dryRun)}\n`)
      continue
    }
    const res = ctx.cluster.api.update(next as unknown as KubeObject, { dryRun: dryRun !== 'none' })
    ctx.io.out(`${slashName(res.object)} ${withDryRun('patched', dryRun)}\n`)
  }
  if (dryRun === 'none') ctx.cluster.converge()
  return 0
})

// kubectl converts the patch with yaml.ToJSON, so YAML, JSON and flow style are all accepted.
function parsePatch(text: string): Json {
  const r = parseYamlValue(text)
  if ('error' in r) throw new CommandError(`unable to parse "${text}": ${r.error}`)
  return r.value as Json
}
