// `kubectl delete KIND NAME...|KIND/NAME|-f FILE|--all|-l SELECTOR`: `pod "x" deleted` per object,
// NotFound errors printed at the end (exit 1). Upstream: kubectl/pkg/cmd/delete/delete.go.
import { storeKindResolver } from '../../../engine/manifest/kind-mapping.ts'
import type { KubectlContext } from '../context.ts'
import { bool, int, parseFlags, str, strs } from '../flags.ts'
import type { ParsedFlags } from '../flags.ts'
import { qualifiedResource } from '../../../engine/api/api-server.ts'
import { waitUntilDeleted } from './wait-deleted.ts'
import { parseDuration } from './wait.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { CommandError, verb } from './command-error.ts'
import { finish, fromApi, plain } from './errors.ts'
import type { KubectlError } from './errors.ts'
import { MANIFEST_FLAGS, validateOf } from './manifest-flags.ts'
import { dryRunOf, namespaceOf } from './options.ts'
import { readSources } from './sources.ts'
import { collectObjects } from './collect.ts'
import { quotedName, slashName, withDryRun } from './names.ts'
import { parseTargets } from './targets.ts'
import { listSelected } from './select.ts'

/**
 * delete.go Complete/Validate: --now is --grace-period=1, --grace-period=0 without --force becomes 1, --force alone is 0;
 * undefined leaves the object's own grace period.
 */
function gracePeriodOf(flags: ParsedFlags): number | undefined {
  let grace = int(flags, 'grace-period')
  const force = bool(flags, 'force')
  if (bool(flags, 'now')) {
    if (grace !== undefined && grace !== -1) throw new CommandError('--now and --grace-period cannot be specified together')
    grace = 1
  }
  if (grace === 0 && !force) grace = 1
  if (force && (grace === undefined || grace < 0)) grace = 0
  if (force && grace !== undefined && grace > 0) throw new CommandError('--force and --grace-period greater than 0 cannot be specified together')
  return grace === undefined || grace < 0 ? undefined : grace
}

/** --timeout: 0 (the default) waits up to a week. */
function timeoutOf(flags: ParsedFlags): number | undefined {
  const text = str(flags, 'timeout')
  if (text === undefined) return undefined
  const seconds = parseDuration(text)
  if (seconds === undefined) throw new CommandError(`invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"`)
  return seconds > 0 ? seconds : undefined
}

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'

export const del = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...MANIFEST_FLAGS, { name: 'now', type: 'bool' }, { name: 'ignore-not-found', type: 'bool' },
    { name: 'cascade', type: 'string', noOptDefault: 'background' }, { name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'field-selector', type: 'string' }])
  const dryRun = dryRunOf(flags)
  const { namespace, explicit } = namespaceOf(flags)
  const output = str(flags, 'output')
  const grace = gracePeriodOf(flags)
  if (bool(flags, 'force') && grace === 0) ctx.io.err(FORCE_WARNING)
  const errors: KubectlError[] = []
  let objects: { kind: string; namespace?: string; name: string }[]
  const filenames = strs(flags, 'filename')
  if (filenames.length) {
    if (flags.positional.length) throw new CommandError('resource(s) were provided, but no name was specified')
    const collected = collectObjects(readSources(ctx, filenames), { validate: validateOf(flags), namespace, explicitNamespace: explicit, resolveKind: storeKindResolver(ctx.cluster.store, ctx.cluster.profile.kubernetesVersion) })
    errors.push(...collected.errors)
    objects = collected.objects.filter((o) => o.served).map((o) => ({ kind: String(o.object.kind), namespace: o.object.metadata.namespace as string | undefined, name: String(o.object.metadata.name) }))
  } else {
    const usage = 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\''
    const { info, targets } = parseTargets(flags.positional, usage)
    const selector = str(flags, 'selector')
    if (info && !targets.length) {
      if (!bool(flags, 'all') && selector === undefined) throw new CommandError(`resource(s) were provided, but no name was specified`)
      const found = listSelected(ctx, info, bool(flags, 'all-namespaces') ? undefined : namespace, selector)
      if (!found.length) {
        ctx.io.out('No resources found\n')
        return 0
      }
      objects = found.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name }))
    } else {
      objects = targets.map((t) => ({ kind: t.info.kind, namespace: t.info.namespaced ? namespace : undefined, name: t.name }))
    }
  }
  const deleted: KubeObject[] = []
  for (const o of objects) {
    try {
      const gone: KubeObject = ctx.cluster.api.delete(o.kind, o.namespace, o.name, { dryRun: dryRun !== 'none', ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}) })
      deleted.push(gone)
      ctx.io.out(output === 'name' ? `${slashName(gone)}\n` : `${quotedName(gone.kind, gone.metadata.name)} ${withDryRun(grace === 0 ? 'force deleted' : 'deleted', dryRun)}\n`)
    } catch (err) {
      if (bool(flags, 'ignore-not-found') && (err as { status?: { reason?: string } }).status?.reason === 'NotFound') continue
      errors.push(fromApi(err))
    }
  }
  if (dryRun === 'none') {
    ctx.cluster.converge()
    // --wait (default true): kubectl returns once the objects are gone; a pod's grace period passes meanwhile.
    if (flags.values.get('wait') !== false) {
      for (const o of waitUntilDeleted(ctx, deleted, timeoutOf(flags))) errors.push(plain(`timed out waiting for the condition on ${qualifiedResource(o.kind)}/${o.metadata.name}`))
    }
  }
  return finish(ctx.io.err, errors)
})
