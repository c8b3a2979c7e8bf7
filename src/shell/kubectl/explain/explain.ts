// `kubectl explain RESOURCE[.field...] [--recursive] [--api-version=GROUP/VERSION]`: the documentation of a kind or
// field from the OpenAPI schema. Flow and errors: kubectl/pkg/cmd/explain/explain.go (Validate, Run),
// kubectl/pkg/explain/explain.go (splitDotNotation) and explain/v2/explain.go (the group/version lookup); the
// text: explain/v2/templates/plaintext.tmpl, rendered in render.ts. KIND/VERSION are written before the schema is
// walked, so a missing field prints them and then its error, as kubectl does.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str } from '../flags.ts'
import { KINDS, resolveResource, groupOf, type KindInfo } from '../../../engine/api/kinds.ts'
import { isServed } from '../../../engine/manifest/kind-mapping.ts'
import schema from '../../../engine/api/kubernetes.schema.json'
import { Explainer, type Definitions } from './render.ts'

const explainer = new Explainer(schema.definitions as Definitions)

function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.lastIndexOf('/') + 1)
}

/** `deployments.apps.spec`: the longest dotted prefix that names a resource (with its group), then the fields. */
function splitResource(arg: string, served: (info: KindInfo) => boolean): { info: KindInfo; fields: string[]; typed: string } | { typed: string } {
  const parts = arg.replace(/\.$/, '').split('.')
  for (let i = parts.length; i >= 1; i--) {
    const info = resolveResource(parts.slice(0, i).join('.'), served)
    if (info) return { info, fields: parts.slice(i), typed: parts.slice(0, i).join('.') }
  }
  return { typed: parts[0] }
}

export const explain: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'recursive', type: 'bool' }, { name: 'api-version', type: 'string' },
    { name: 'output', type: 'string' }])
  const fail = (message: string) => {
    ctx.io.err(`error: ${message}\n`)
    return 1
  }
  if (!flags.positional.length) return fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.')
  if (flags.positional.length > 1) return fail('We accept only this format: explain RESOURCE')
  const output = str(flags, 'output') ?? 'plaintext'
  const found = splitResource(flags.positional[0], (info) => isServed(ctx.cluster.store, info))
  if (!('info' in found)) return fail(`the server doesn't have a resource type "${found.typed}"`)
  const { info, fields } = found
  if (output !== 'plaintext') return fail(`unrecognized format: ${output}`)

  let group = groupOf(info.apiVersion)
  let version = versionOf(info.apiVersion)
  const apiVersion = str(flags, 'api-version')
  if (apiVersion) {
    group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
    version = versionOf(apiVersion)
  }
  const gvr = `${group}/${version}, Resource=${info.plural}`
  const groupVersion = group ? `${group}/${version}` : version
  // The server publishes one OpenAPI document per group/version it serves (/openapi/v3/apis/GROUP/VERSION).
  if (!KINDS.some((k) => k.apiVersion === groupVersion && isServed(ctx.cluster.store, k))) return fail(`couldn't find resource for "${gvr}"`)
  if (info.apiVersion !== groupVersion) return fail(`GVR (${gvr}) not found in OpenAPI schema`)

  ctx.io.out(`${group ? `GROUP:      ${group}\n` : ''}KIND:       ${info.kind}\nVERSION:    ${version}\n\n`)
  if (!(info.kind in schema.definitions)) {
    // Honest limit: kubehop ships the schemas of the kinds a manifest in the editor uses, not every kind it serves.
    return fail(`kubehop does not ship the OpenAPI schema of ${info.plural}`)
  }
  const text = explainer.explain(info.kind, fields, bool(flags, 'recursive'))
  if (text === undefined) return fail(`field "${fields[fields.length - 1]}" does not exist`)
  ctx.io.out(text + '\n')
  return 0
}
