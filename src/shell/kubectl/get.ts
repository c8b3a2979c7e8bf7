// `kubectl get`: find the objects, then print them as a table, names, YAML/JSON, JSONPath or custom columns.
// Source: kubectl/pkg/cmd/get/get.go (Run, printGeneric: messages, List wrapping, blank line between kinds).
import { isServed } from '../../engine/manifest/kind-mapping.ts'
import type { KubectlContext, KubectlSubcommand } from './context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str, strs, type FlagSpec } from './flags.ts'
import type { KubeObject } from '../../engine/api/types.ts'
import { qualifiedResource } from '../../engine/api/api-server.ts'
import { groupOf } from '../../engine/api/kinds.ts'
import { matches, parseSelector, type Selector } from '../../engine/api/labels.ts'
import { parseResourceArgs, type ResourceRequest, warnEndpoints } from './read/resource-args.ts'
import { parseOutputFormat, type OutputFormat } from './print/output-format.ts'
import { GoTemplateError, renderGoTemplate } from './print/go-template.ts'
import { renderResourceTable, resourcePrefix } from './print/resource-table.ts'
import { checkFieldSelector, matchesFields, parseFieldSelector, type FieldRequirement } from './print/field-selector.ts'
import { sortByPath } from './print/sort-by.ts'
import { toYaml } from './print/yaml.ts'
import { toJson } from './print/json.ts'
import { goValue, renderJSONPath, JSONPathExecError, JSONPathParseError } from './print/jsonpath.ts'
import { parseCustomColumns, renderCustomColumns } from './print/custom-columns.ts'
import type { PrintContext } from './print/table.ts'
import { nameLine, watchResources } from './read/get-watch.ts'
import { requestTimeoutSeconds } from './read/follow.ts'

const GET_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'chunk-size', type: 'int' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
]

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`

interface Found {
  request: ResourceRequest
  objects: KubeObject[]
}

function printContext(ctx: KubectlContext): PrintContext {
  return { store: ctx.cluster.store, now: ctx.cluster.clock.now(), wide: false }
}

/** What kubectl shows of a stored object: everything but managedFields (hidden by default since 1.21). */
function forDisplay(obj: KubeObject): KubeObject {
  if (!obj.metadata.managedFields) return obj
  const metadata = { ...obj.metadata }
  delete metadata.managedFields
  return { ...obj, metadata }
}

/** `"/v1, Resource=pods"` as the API server names a resource in list errors. */
function gvr(request: ResourceRequest): string {
  const { apiVersion, plural } = request.info
  const group = groupOf(apiVersion)
  return `"${group}/${apiVersion.slice(group ? group.length + 1 : 0)}, Resource=${plural}"`
}

export const get: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, GET_FLAGS)
  if (!flags.positional.length) {
    ctx.io.err(MISSING_TYPE)
    return 1
  }
  let format: OutputFormat
  let parsed
  try {
    format = parseOutputFormat(str(flags, 'output'), (p) => ctx.host.readFile(p), str(flags, 'template'))
    parsed = parseResourceArgs(flags.positional, (info) => isServed(ctx.cluster.store, info))
  } catch (err) {
    ctx.io.err(`error: ${(err as Error).message}\n`)
    return 1
  }
  const allNamespaces = bool(flags, 'all-namespaces')
  const namespace = str(flags, 'namespace') ?? 'default'
  warnEndpoints(ctx, parsed.requests.map((r) => r.info.kind))
  if (allNamespaces && parsed.requests.some((r) => r.names.length)) {
    ctx.io.err('error: a resource cannot be retrieved by name across all namespaces\n')
    return 1
  }

  const selectorText = str(flags, 'selector') ?? ''
  const fieldText = str(flags, 'field-selector') ?? ''
  let selector: Selector
  let fields: FieldRequirement[]
  try {
    selector = parseSelector(selectorText)
    fields = parseFieldSelector(fieldText)
  } catch (err) {
    ctx.io.err(`error: ${(err as Error).message}\n`)
    return 1
  }

  const watching = bool(flags, 'watch') || bool(flags, 'watch-only')
  // The watch path builds with SingleResourceType (get.go watch).
  if (watching && parsed.requests.length > 1) {
    ctx.io.err('error: you may only specify a single resource type\n')
    return 1
  }
  const ignoreNotFound = bool(flags, 'ignore-not-found')
  const errors: string[] = []
  const found: Found[] = []
  for (const request of parsed.requests) {
    const scope = request.info.namespaced ? namespace : undefined
    if (request.names.length) {
      const objects: KubeObject[] = []
      for (const name of request.names) {
        const obj = ctx.cluster.store.get(request.info.kind, scope, name)
        if (obj) objects.push(obj)
        else if (!ignoreNotFound) errors.push(`Error from server (NotFound): ${qualifiedResource(request.info.kind)} "${name}" not found`)
      }
      found.push({ request, objects })
      continue
    }
    try {
      checkFieldSelector(request.info.kind, fields)
    } catch (err) {
      errors.push(`Error from server (BadRequest): Unable to find ${gvr(request)} that match label selector "${selectorText}", field selector "${fieldText}": ${(err as Error).message}`)
      continue
    }
    const listScope = request.info.namespaced && !allNamespaces ? namespace : undefined
    const objects = ctx.cluster.store.list(request.info.kind, listScope).filter((o) => matches(selector, o.metadata.labels) && matchesFields(o, fields))
    found.push({ request, objects })
  }

  const sortBy = str(flags, 'sort-by')
  if (sortBy) {
    try {
      for (const f of found) f.objects = sortByPath(f.objects, sortBy)
    } catch (err) {
      ctx.io.err(`error: ${(err as Error).message}\n`)
      return 1
    }
  }

  if (watching) {
    if (errors.length) {
      for (const e of errors) ctx.io.err(e + '\n')
      return 1
    }
    const [{ request, objects }] = found
    const names = request.names
    return watchResources(ctx, {
      request, initial: objects.map(forDisplay),
      namespace: request.info.namespaced && !allNamespaces ? namespace : undefined,
      selects: (o) => (names.length ? names.includes(o.metadata.name) : matches(selector, o.metadata.labels) && matchesFields(o, fields)),
      watchOnly: bool(flags, 'watch-only'), events: bool(flags, 'output-watch-events'),
      wide: format.kind === 'table' && format.wide, noHeaders: bool(flags, 'no-headers'), allNamespaces,
      showLabels: bool(flags, 'show-labels'), labelColumns: strs(flags, 'label-columns'),
      printOne: format.kind === 'table' ? undefined : watchPrinter(format, bool(flags, 'no-headers')),
      timeout: requestTimeoutSeconds(str(flags, 'request-timeout')),
    })
  }

  const code = print(ctx, format, found, {
    singleItem: parsed.singleItem,
    showKind: parsed.multipleTypes || bool(flags, 'show-kind'),
    allNamespaces, namespace, ignoreNotFound,
    noHeaders: bool(flags, 'no-headers'), showLabels: bool(flags, 'show-labels'), labelColumns: strs(flags, 'label-columns'),
    hasErrors: errors.length > 0,
  })
  for (const e of errors) ctx.io.err(e + '\n')
  return errors.length || code ? 1 : 0
}

/** One object at a time, as the watch hands them to kubectl's printer (YAML documents separated by `---`). */
function watchPrinter(format: OutputFormat, noHeaders: boolean): (obj: KubeObject) => string {
  let count = 0
  return (raw) => {
    const obj = forDisplay(raw)
    count++
    switch (format.kind) {
      case 'name': return nameLine(obj)
      case 'json': return toJson(obj)
      case 'yaml': return (count > 1 ? '---\n' : '') + toYaml(obj)
      case 'custom-columns': return renderCustomColumns(parseCustomColumns(format.spec), [obj], noHeaders || count > 1)
      case 'go-template': return renderGoTemplate(format.template, obj)
      case 'jsonpath': return renderJSONPath(format.template, obj, format.asJson)
      default: return ''
    }
  }
}

interface PrintOptions {
  singleItem: boolean
  showKind: boolean
  allNamespaces: boolean
  namespace: string
  ignoreNotFound: boolean
  noHeaders: boolean
  showLabels: boolean
  labelColumns: string[]
  hasErrors: boolean
}

function asList(objects: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }
}

function print(ctx: KubectlContext, format: OutputFormat, found: Found[], opts: PrintOptions): number {
  const all = found.flatMap((f) => f.objects).map(forDisplay)
  if (format.kind === 'table') return printTables(ctx, format.wide, found, opts)
  if (opts.singleItem && opts.hasErrors && !all.length) return 1
  if (format.kind === 'name') {
    ctx.io.out(all.map((o) => `${resourcePrefix(o.kind)}/${o.metadata.name}\n`).join(''))
    return 0
  }
  if (format.kind === 'custom-columns') {
    try {
      if (all.length) ctx.io.out(renderCustomColumns(parseCustomColumns(format.spec), all, opts.noHeaders))
      else if (!opts.hasErrors && !opts.ignoreNotFound) noResources(ctx, found, opts)
    } catch (err) {
      ctx.io.err(`error: ${(err as Error).message}\n`)
      return 1
    }
    return 0
  }
  const data = opts.singleItem && all.length === 1 ? all[0] : asList(all)
  if (format.kind === 'json') ctx.io.out(toJson(data))
  else if (format.kind === 'yaml') ctx.io.out(toYaml(data))
  else if (format.kind === 'go-template') return printGoTemplate(ctx, format.template, data)
  else return printJSONPath(ctx, format.template, format.asJson, data)
  return 0
}

function printGoTemplate(ctx: KubectlContext, template: string, data: unknown): number {
  try {
    ctx.io.out(renderGoTemplate(template, data))
    return 0
  } catch (err) {
    if (!(err instanceof GoTemplateError)) throw err
    // cli-runtime printers/template.go: the parse error of text/template, named "output".
    ctx.io.err(`error: error parsing template ${template}, template: output:1: ${err.message}\n`)
    return 1
  }
}

function printJSONPath(ctx: KubectlContext, template: string, asJson: boolean, data: unknown): number {
  try {
    ctx.io.out(renderJSONPath(template, data, asJson))
    return 0
  } catch (err) {
    if (err instanceof JSONPathParseError) {
      ctx.io.err(`error: error parsing jsonpath ${template}, ${err.message}\n`)
    } else if (err instanceof JSONPathExecError) {
      ctx.io.err(`error: error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goValue(data)}\n\n\n`)
    } else {
      throw err
    }
    return 1
  }
}

function printTables(ctx: KubectlContext, wide: boolean, found: Found[], opts: PrintOptions): number {
  const pctx = printContext(ctx)
  const tables = found
    .filter((f) => f.objects.length)
    .map((f) => renderResourceTable(f.request.info.kind, f.objects, {
      wide, noHeaders: opts.noHeaders, withNamespace: opts.allNamespaces && f.request.info.namespaced,
      showKind: opts.showKind, showLabels: opts.showLabels, labelColumns: opts.labelColumns,
    }, pctx))
  // Kinds are separated by a blank line, unless headers are off (upstream only separates header groups).
  if (tables.length) ctx.io.out(tables.join(opts.noHeaders ? '' : '\n'))
  else if (!opts.hasErrors && !opts.ignoreNotFound) noResources(ctx, found, opts)
  return 0
}

function noResources(ctx: KubectlContext, found: Found[], opts: PrintOptions): void {
  const namespaced = !opts.allNamespaces && found.every((f) => f.request.info.namespaced)
  ctx.io.err(namespaced ? `No resources found in ${opts.namespace} namespace.\n` : 'No resources found\n')
}
