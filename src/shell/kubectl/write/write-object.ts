// Creating one generated object the way kubectl's create/run/expose do: dry-run handling, `-o`
// printing, the `kind/name created` line, API errors as kubectl prints them.
import type { KubectlContext } from '../context.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { slashName, withDryRun } from './names.ts'
import type { DryRun } from './names.ts'
import { printObjects } from './print-objects.ts'
import { withTypedZeroValues } from './generators.ts'
import type { Obj } from './generators.ts'
import { withLastApplied } from './last-applied.ts'

export interface CreateOptions {
  dryRun: DryRun
  output?: 'yaml' | 'json' | 'name'
  saveConfig?: boolean
  operation?: string
}

/** Creates (or dry-runs) a generated object and prints what kubectl prints. Throws ApiError on failure. */
export function createGenerated(ctx: KubectlContext, obj: Obj, opts: CreateOptions): KubeObject {
  const operation = opts.operation ?? 'created'
  const toSend = opts.saveConfig ? withLastApplied(obj) as Obj : obj
  let result: KubeObject
  if (opts.dryRun === 'client') {
    result = withTypedZeroValues(toSend) as KubeObject
  } else {
    const res = ctx.cluster.api.create(toSend as KubeObject, { dryRun: opts.dryRun === 'server' })
    for (const w of res.warnings) ctx.io.err(`Warning: ${w}\n`)
    result = res.object
    if (opts.dryRun === 'none') ctx.cluster.converge()
  }
  if (opts.output === 'yaml' || opts.output === 'json') printObjects(ctx.io.out, [stripNamespaceForClientDryRun(result, opts.dryRun)], opts.output)
  else if (opts.output === 'name') ctx.io.out(`${slashName(result)}\n`)
  else ctx.io.out(`${slashName(result)} ${withDryRun(operation, opts.dryRun)}\n`)
  return result
}

// kubectl's generators leave the namespace unset unless -n was given; the dry-run print shows that.
function stripNamespaceForClientDryRun(obj: KubeObject, dryRun: DryRun): KubeObject {
  if (dryRun !== 'client' || obj.metadata.namespace !== 'default') return obj
  const metadata = { ...obj.metadata }
  delete metadata.namespace
  return { ...obj, metadata }
}
