// `kubectl apply -f`: client-side apply. All objects are read first, then each one is created (with the
// last-applied annotation) or three-way merged into the live object; results print as they happen and
// every error prints at the end (exit 1). Upstream: kubectl/pkg/cmd/apply/apply.go (Run, applyOneObject).
import { storeKindResolver } from '../../../engine/manifest/kind-mapping.ts'
import type { KubectlContext } from '../context.ts'
import { parseFlags, strs, bool } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { kindInfo } from '../../../engine/api/kinds.ts'
import { goQuote } from '../../../engine/validation/go-format.ts'
import { verb, CommandError } from './command-error.ts'
import { finish, fromApi, plain } from './errors.ts'
import type { KubectlError } from './errors.ts'
import { MANIFEST_FLAGS, validateOf } from './manifest-flags.ts'
import { dryRunOf, namespaceOf, outputOf } from './options.ts'
import { readSources } from './sources.ts'
import { collectObjects } from './collect.ts'
import type { Collected } from './collect.ts'
import { slashName, withDryRun } from './names.ts'
import type { DryRun } from './names.ts'
import { LAST_APPLIED } from './last-applied.ts'
import { applyObject } from './apply-object.ts'
import { printObjects } from './print-objects.ts'
import { reportedOnlyResource } from './ingress-nginx.ts'

const MISSING_ANNOTATION = (name: string) =>
  `Warning: resource ${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`

export const apply = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, MANIFEST_FLAGS)
  if (flags.positional.length) throw new CommandError(`Unexpected args: [${flags.positional.join(' ')}]\nSee 'kubectl apply -h' for help and examples`)
  const dryRun = dryRunOf(flags)
  if (dryRun === 'client' && bool(flags, 'server-side')) throw new CommandError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)")
  const output = outputOf(flags)
  const { namespace, explicit } = namespaceOf(flags)
  const sources = readSources(ctx, strs(flags, 'filename'))
  const { objects, errors } = collectObjects(sources, { validate: validateOf(flags), namespace, explicitNamespace: explicit, resolveKind: storeKindResolver(ctx.cluster.store, ctx.cluster.profile.kubernetesVersion) })
  if (!objects.length && !errors.length) throw new CommandError('no objects passed to apply')
  const applied: Record<string, unknown>[] = []
  const serverSide = bool(flags, 'server-side')
  // Kinds kubehop only reports follow the fate of the install they belong to (first time: created).
  const firstInstall = !objects.some((o) => o.served && ctx.cluster.store.get(String(o.object.kind), o.object.metadata.namespace as string | undefined, String(o.object.metadata.name)))
  for (const item of objects) {
    if (!item.served) {
      if (!output) ctx.io.out(`${reportedOnlyResource(String(item.object.apiVersion), String(item.object.kind))}/${String(item.object.metadata.name)} ${withDryRun(firstInstall ? 'created' : 'unchanged', dryRun)}\n`)
      continue
    }
    const result = applyOne(ctx, item, dryRun, serverSide)
    if ('error' in result) {
      errors.push(result.error)
      continue
    }
    applied.push(result.object)
    if (output === 'name') ctx.io.out(`${slashName(result.object as KubeObject)}\n`)
    else if (!output) ctx.io.out(`${slashName(result.object as KubeObject)} ${withDryRun(result.operation, dryRun)}\n`)
  }
  if (dryRun !== 'client') ctx.cluster.converge()
  if (errors.length) return finish(ctx.io.err, errors)
  if (output === 'yaml' || output === 'json') printObjects(ctx.io.out, applied, output)
  return 0
})

type Outcome = { object: Record<string, unknown>; operation: string } | { error: KubectlError }

function applyOne(ctx: KubectlContext, item: Collected, dryRun: DryRun, serverSide: boolean): Outcome {
  const obj = item.object
  const name = typeof obj.metadata.name === 'string' ? obj.metadata.name : ''
  const kind = String(obj.kind)
  const namespace = obj.metadata.namespace as string | undefined
  if (!name) {
    if (obj.metadata.generateName) return { error: plain(`from ${String(obj.metadata.generateName)}: cannot use generate name with apply`) }
    const info = kindInfo(kind)
    const gv = String(obj.apiVersion)
    const group = gv.includes('/') ? gv : `/${gv}`
    return { error: plain(`error when retrieving current configuration of:\nResource: "${group}, Resource=${info?.plural ?? kind.toLowerCase() + 's'}", GroupVersionKind: "${group}, Kind=${kind}"\nName: "", Namespace: ${goQuote(namespace ?? '')}\nfrom server for: ${goQuote(item.source)}: resource name may not be empty`) }
  }
  const operationFor = (op: string) => (serverSide ? 'serverside-applied' : op)
  const existed = !!ctx.cluster.store.get(kind, namespace, name)
  try {
    const applied = applyObject(ctx.cluster, obj, dryRun === 'client' ? 'client' : dryRun === 'server' ? 'server' : 'none')
    if (applied.missingAnnotation && !serverSide) ctx.io.err(MISSING_ANNOTATION(slashName(applied.object)))
    warn(ctx, applied.warnings)
    return { object: applied.object as unknown as Record<string, unknown>, operation: operationFor(applied.operation) }
  } catch (err) {
    return { error: fromApi(err, { verb: existed ? 'patching' : 'creating', file: item.source }) }
  }
}

function warn(ctx: KubectlContext, warnings: string[]): void {
  for (const w of warnings) ctx.io.err(`Warning: ${w}\n`)
}
