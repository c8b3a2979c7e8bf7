// `kubectl describe`: one object, every object of a kind, or (when no exact name matches) every object whose
// name starts with the given one. Source: kubectl/pkg/cmd/describe/describe.go (Run, DescribeMatchingResources).
import { isServed } from '../../engine/manifest/kind-mapping.ts'
import type { KubectlSubcommand } from './context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str, type FlagSpec } from './flags.ts'
import type { KubeObject } from '../../engine/api/types.ts'
import { qualifiedResource } from '../../engine/api/api-server.ts'
import { matches, parseSelector } from '../../engine/api/labels.ts'
import { parseResourceArgs, warnEndpoints } from './read/resource-args.ts'
import { DESCRIBERS } from './print/describe/index.ts'

const DESCRIBE_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
]

const MISSING_TYPE = `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
See 'kubectl describe -h' for help and examples
`

export const describe: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, DESCRIBE_FLAGS)
  if (!flags.positional.length) {
    ctx.io.err(MISSING_TYPE)
    return 1
  }
  let parsed
  let selector
  try {
    parsed = parseResourceArgs(flags.positional, (info) => isServed(ctx.cluster.store, info))
    selector = parseSelector(str(flags, 'selector') ?? '')
  } catch (err) {
    ctx.io.err(`error: ${(err as Error).message}\n`)
    return 1
  }
  const allNamespaces = bool(flags, 'all-namespaces')
  const namespace = str(flags, 'namespace') ?? 'default'
  warnEndpoints(ctx, parsed.requests.map((r) => r.info.kind))
  const store = ctx.cluster.store
  const objects: KubeObject[] = []
  const errors: string[] = []
  for (const { info, names } of parsed.requests) {
    const scope = info.namespaced ? namespace : undefined
    if (!names.length) {
      objects.push(...store.list(info.kind, info.namespaced && !allNamespaces ? namespace : undefined).filter((o) => matches(selector, o.metadata.labels)))
      continue
    }
    for (const name of names) {
      const exact = store.get(info.kind, scope, name)
      if (exact) {
        objects.push(exact)
        continue
      }
      // `kubectl describe pods kubia` describes every pod whose name starts with `kubia`.
      const prefixed = names.length === 1 ? store.list(info.kind, scope).filter((o) => o.metadata.name.startsWith(name)) : []
      if (prefixed.length) objects.push(...prefixed)
      else errors.push(`Error from server (NotFound): ${qualifiedResource(info.kind)} "${name}" not found`)
    }
  }
  const now = ctx.cluster.clock.now()
  const texts: string[] = []
  for (const obj of objects) {
    const describer = DESCRIBERS[obj.kind]
    if (!describer) {
      errors.push(`error: no description has been implemented for ${obj.apiVersion.includes('/') ? obj.apiVersion : '/' + obj.apiVersion}, Kind=${obj.kind}`)
      continue
    }
    const runtime = ctx.cluster.runtime
    const leaseRenewedAt = (node: string) => {
      const down = runtime.nodes.get(node)?.downSince
      return down === undefined ? undefined : Math.floor(down / 10) * 10
    }
    texts.push(describer(obj, { store, now, leaseRenewedAt }))
  }
  if (texts.length) ctx.io.out(texts.join('\n\n'))
  else if (!errors.length) {
    const namespaced = !allNamespaces && parsed.requests.every((r) => r.info.namespaced)
    ctx.io.err(namespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n')
  }
  for (const e of errors) ctx.io.err(e + '\n')
  return errors.length ? 1 : 0
}
