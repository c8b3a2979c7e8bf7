// What the API server's decoder rejects before any validation runs: wrong JSON types
// (encoding/json UnmarshalTypeError, first one wins), bad base64 in []byte fields, and — since kubectl
// defaults to --validate=strict — unknown fields (sigs.k8s.io/json strict decoding, all of them).
// Upstream: k8s.io/apimachinery/pkg/runtime/serializer/json and the REST create/update handlers, which
// wrap the error as `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>` (400 BadRequest).
import { goQuote } from './go-format.ts'
import { base64ErrorOffset } from '../util/base64.ts'
import { goTypeName, schemas, type StructT, type T } from './schema.ts'

/**
 * Where the walk is, kept as stacks pushed and popped around each field (every object of every write is walked, and
 * the paths are read only for an error): `struct` the Go struct whose field is being decoded, `fieldPath` its
 * json.UnmarshalTypeError.Field (keys only), `strict` the strict decoder's path (keys, and `[i]` for list items).
 */
interface DecodeState {
  typeError?: string
  unknown: string[]
  struct: string
  fieldPath: string[]
  strict: (string | number)[]
}

function strictPath(st: DecodeState): string {
  let out = ''
  for (const seg of st.strict) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg
  return out
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'boolean') return 'bool'
  return typeof v
}

function typeError(st: DecodeState, value: string, type: string): void {
  if (st.typeError) return
  st.typeError = st.struct
    ? `json: cannot unmarshal ${value} into Go struct field ${st.struct}.${st.fieldPath.join('.')} of type ${type}`
    : `json: cannot unmarshal ${value} into Go value of type ${type}`
}

function intFits(v: number, t: 'int32' | 'int64'): boolean {
  if (!Number.isInteger(v)) return false
  return t === 'int32' ? v >= -2147483648 && v <= 2147483647 : Number.isSafeInteger(v)
}

function walk(v: unknown, t: T, st: DecodeState): void {
  if (v === null || v === undefined || t === 'any') return
  if (typeof t === 'string') {
    switch (t) {
      case 'string':
        if (typeof v !== 'string') typeError(st, jsonKind(v), 'string')
        return
      case 'bool':
        if (typeof v !== 'boolean') typeError(st, jsonKind(v), 'bool')
        return
      case 'int32': case 'int64':
        if (typeof v === 'number') { if (!intFits(v, t)) typeError(st, `number ${v}`, t) } else typeError(st, jsonKind(v), t)
        return
      case 'intstr':
        // IntOrString.UnmarshalJSON decodes non-strings into an int32 without field context.
        if (typeof v === 'string') return
        if (typeof v === 'number') { if (!intFits(v, 'int32') && !st.typeError) st.typeError = `json: cannot unmarshal number ${v} into Go value of type int32` }
        else if (!st.typeError) st.typeError = `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`
        return
    }
  }
  if (typeof t === 'string') return
  if ('list' in t) {
    if (!Array.isArray(v)) return typeError(st, jsonKind(v), goTypeName(t))
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) continue // a hole, as forEach skipped it
      st.strict.push(i)
      walk(v[i], t.list, st)
      st.strict.pop()
    }
    return
  }
  if ('map' in t) {
    if (typeof v !== 'object' || Array.isArray(v)) return typeError(st, jsonKind(v), goTypeName(t))
    const o = v as Record<string, unknown>
    for (const k of Object.keys(o)) walk(o[k], t.map, st)
    return
  }
  if (typeof v !== 'object' || Array.isArray(v)) return typeError(st, jsonKind(v), goTypeName(t))
  walkStruct(v as Record<string, unknown>, t, st)
}

function walkStruct(obj: Record<string, unknown>, t: StructT, st: DecodeState): void {
  const outer = st.struct
  for (const key of Object.keys(obj)) {
    // Own fields only: `__proto__` must read as an unknown field, not as Object.prototype.
    const ft = Object.prototype.hasOwnProperty.call(t.fields, key) ? t.fields[key] : undefined
    st.strict.push(key)
    if (!ft) {
      if (!t.open) st.unknown.push(strictPath(st))
    } else {
      st.struct = t.struct
      st.fieldPath.push(key)
      walk(obj[key], ft, st)
      st.fieldPath.pop()
      st.struct = outer
    }
    st.strict.pop()
  }
}

function schemaFor(kind: string, apiVersion: string): StructT | undefined {
  if (kind === 'Ingress' && apiVersion !== 'networking.k8s.io/v1') return schemas.IngressBeta
  return schemas[kind]
}

function versionOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/')
  return slash < 0 ? apiVersion : apiVersion.slice(slash + 1)
}

/**
 * Checks a parsed manifest the way the API server's decoder would. Returns the BadRequest message
 * (`Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go
 * struct field ServicePort.spec.ports.port of type int32`), or undefined when the document decodes.
 */
export function decodeError(obj: Record<string, unknown>): string | undefined {
  const kind = String(obj.kind ?? '')
  const apiVersion = String(obj.apiVersion ?? '')
  const schema = schemaFor(kind, apiVersion)
  if (!schema) return undefined
  const st: DecodeState = { unknown: [], struct: '', fieldPath: [], strict: [] }
  walkStruct(obj, schema, st)
  const prefix = `${kind} in version ${goQuote(versionOf(apiVersion))} cannot be handled as a ${kind}: `
  if (st.typeError) return prefix + st.typeError
  if (kind === 'Secret' && obj.data && typeof obj.data === 'object') {
    for (const v of Object.values(obj.data as Record<string, unknown>)) {
      const at = typeof v === 'string' ? base64ErrorOffset(v) : -1
      if (at >= 0) return prefix + `illegal base64 data at input byte ${at}`
    }
  }
  if (st.unknown.length) return prefix + 'strict decoding error: ' + st.unknown.map((u) => `unknown field ${goQuote(u)}`).join(', ')
  return undefined
}
