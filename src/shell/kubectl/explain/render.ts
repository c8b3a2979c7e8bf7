// What `kubectl explain` prints for a kind or a field, as kubectl v1.32's explain v2 plaintext template does
// (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl): KIND/VERSION, then FIELD with its type
// and enum, DESCRIPTION wrapped at 76 columns, and FIELDS (one line each with --recursive). The schema is the
// one kubehop ships (src/engine/api/kubernetes.schema.json); a `$ref` with a description there stands for the
// server's `allOf: [$ref]` with a description, so descriptions and types read as the server's do.
import { ENUMS } from './enums.ts'
import { explainWrap } from './word-wrap.ts'

export interface SchemaNode {
  $ref?: string
  type?: string | string[]
  description?: string
  properties?: Record<string, SchemaNode>
  required?: string[]
  items?: SchemaNode
  additionalProperties?: SchemaNode | boolean
  const?: string
  'x-kubehop-status'?: SchemaNode
}

export type Definitions = Record<string, SchemaNode>

interface Resolved { schema: SchemaNode; name: string }

// The server's schema refers IntOrString fields to this type (apimachinery util/intstr), whose doc explain appends;
// kubernetes-types inlines them as a number-or-string union.
const INT_OR_STRING = 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.'

const indent = (n: number, text: string) => ' '.repeat(n) + text.replaceAll('\n', '\n' + ' '.repeat(n))

export class Explainer {
  constructor(private readonly defs: Definitions) {}

  /** The output for `kind` (a definition) at `path`; undefined when a field on the path does not exist. */
  explain(kind: string, path: string[], recursive: boolean): string | undefined {
    const root: SchemaNode = { $ref: `#/definitions/${kind}` }
    return this.output(this.resolve(root), root, path, recursive, true)
  }

  private resolve(node: SchemaNode): Resolved {
    if (!node.$ref) return { schema: node, name: '' }
    const name = decodeURIComponent(node.$ref.replace('#/definitions/', ''))
    return { schema: this.defs[name] ?? {}, name }
  }

  /** A kind's definition lists status too (the editor's copy hides it), and not the apiVersion/kind it requires. */
  private properties(r: Resolved): Record<string, SchemaNode> | undefined {
    const status = r.schema['x-kubehop-status']
    return status ? { ...r.schema.properties, status } : r.schema.properties
  }

  private required(r: Resolved, field: string): boolean {
    if (r.schema.properties?.kind?.const && (field === 'apiVersion' || field === 'kind')) return false
    return r.schema.required?.includes(field) ?? false
  }

  private mapValue(node: SchemaNode): SchemaNode | undefined {
    return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined
  }

  /** The template's "output": follow the path, then describe what it reaches. */
  private output(r: Resolved, node: SchemaNode, path: string[], recursive: boolean, root = false): string | undefined {
    if (!path.length) {
      const fields = this.fieldList(node, 1, recursive, new Set())
      return `DESCRIPTION:\n${indent(4, explainWrap(76, this.description(root ? r.schema : node) || '<empty>'))}\n` + (fields ? `FIELDS:\n${fields}` : '')
    }
    const sub = this.properties(r)?.[path[0]]
    if (sub) {
      const head = path.length === 1 ? `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.longEnum(r.name, path[0])}\n\n` : ''
      const rest = this.output(this.resolve(sub), sub, path.slice(1), recursive)
      return rest === undefined ? undefined : head + rest
    }
    const inner = r.schema.items ?? this.mapValue(r.schema)
    return inner ? this.output(this.resolve(inner), inner, path, recursive) : undefined
  }

  /** The template's "description": the field's own text, then its type's, its items' or its values'. */
  private description(node: SchemaNode): string {
    let text = node.description ? node.description + '\n' : ''
    if (node.$ref) text += this.description(this.resolve(node).schema)
    if (Array.isArray(node.type) && node.type.includes('string') && node.type.includes('number')) text += INT_OR_STRING + '\n'
    if (node.items) text += this.description(node.items)
    const values = this.mapValue(node)
    if (values) text += this.description(values)
    return text
  }

  private fieldList(node: SchemaNode, level: number, recursive: boolean, seen: Set<string>): string {
    // A type met again on the way down is a cycle: the template stops there.
    if (node.$ref && seen.has(node.$ref)) return ''
    const history = node.$ref ? new Set([...seen, node.$ref]) : seen
    const r = this.resolve(node)
    let out = ''
    const props = this.properties(r) ?? {}
    for (const name of Object.keys(props).sort()) {
      out += this.fieldDetail(r, name, props[name], level, recursive)
      if (recursive) out += this.fieldList(props[name], level + 1, recursive, history)
    }
    if (r.schema.items) out += this.fieldList(r.schema.items, level, recursive, history)
    const values = this.mapValue(r.schema)
    if (values) out += this.fieldList(values, level, recursive, history)
    return out
  }

  private fieldDetail(owner: Resolved, name: string, field: SchemaNode, level: number, short: boolean): string {
    const pad = level * 2
    let out = `${indent(pad, name)}\t<${this.typeGuess(field)}>${this.required(owner, name) ? ' -required-' : ''}`
    const values = ENUMS[`${owner.name}.${name}`]
    if (values) out += `\n${' '.repeat(pad)}enum: ${values.length > 4 ? [...values.slice(0, 4), '....'].join(', ') : values.join(', ')}`
    out += '\n'
    if (!short) out += `${indent(pad + 2, explainWrap(78 - pad, field.description || '<no description>'))}\n\n`
    return out
  }

  private longEnum(owner: string, name: string): string {
    const values = ENUMS[`${owner}.${name}`]
    return values ? `ENUM:${values.map((v) => `\n    ${v}`).join('')}` : ''
  }

  /** The template's "typeGuess": `string`, `integer`, `Object`, `[]Container`, `map[string]string`, a type's name. */
  private typeGuess(node: SchemaNode): string {
    if (node.items) return `[]${this.typeGuess(node.items)}`
    const values = this.mapValue(node)
    if (values) return `map[string]${this.typeGuess(values)}`
    if (node.$ref) {
      const { schema, name } = this.resolve(node)
      if (!schema.type || schema.type === 'object') return name.split('.').pop() || 'Object'
      return this.primitive(schema.type)
    }
    return this.primitive(node.type)
  }

  // kubernetes-types has one `number` for Go's integers (the API has no floats) and a union for IntOrString,
  // which the server's schema types as a string.
  private primitive(type: string | string[] | undefined): string {
    if (Array.isArray(type)) return type.includes('string') ? 'string' : this.primitive(type[0])
    if (!type || type === 'object') return 'Object'
    return type === 'number' ? 'integer' : type
  }
}
