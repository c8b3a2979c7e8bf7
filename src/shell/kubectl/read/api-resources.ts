// `kubectl api-resources` for the kinds kubehop serves, sorted by group then name as kubectl sorts them.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str } from '../flags.ts'
import { KINDS, groupOf } from '../../../engine/api/kinds.ts'
import { isServed } from '../../../engine/manifest/kind-mapping.ts'
import { tabulate } from '../print/tabwriter.ts'

export const apiResources: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'output', short: 'o', type: 'string' }, { name: 'namespaced', type: 'bool' },
    { name: 'no-headers', type: 'bool' }, { name: 'api-group', type: 'string' }, { name: 'sort-by', type: 'string' }])
  const group = str(flags, 'api-group')
  const namespacedOnly = flags.values.has('namespaced') ? bool(flags, 'namespaced') : undefined
  const rows = KINDS
    .filter((k) => isServed(ctx.cluster.store, k))
    .filter((k) => group === undefined || groupOf(k.apiVersion) === group)
    .filter((k) => namespacedOnly === undefined || k.namespaced === namespacedOnly)
    .sort((a, b) => groupOf(a.apiVersion).localeCompare(groupOf(b.apiVersion)) || (a.plural < b.plural ? -1 : 1))
  if (str(flags, 'output') === 'name') {
    ctx.io.out(rows.map((k) => (groupOf(k.apiVersion) ? `${k.plural}.${groupOf(k.apiVersion)}` : k.plural) + '\n').join(''))
    return 0
  }
  let text = bool(flags, 'no-headers') ? '' : 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n'
  for (const k of rows) text += `${k.plural}\t${k.shortNames.join(',')}\t${k.apiVersion}\t${k.namespaced}\t${k.kind}\n`
  ctx.io.out(tabulate(text))
  return 0
}
