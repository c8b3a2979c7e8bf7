// The API server's decoding of a request body: a value of the wrong JSON type fails first
// (`json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`), then
// strict field validation (kubectl's default) rejects unknown fields (`strict decoding error: unknown
// field "spec.portz"`). Both answer 400 BadRequest, `<Kind> in version "v1" cannot be handled as a <Kind>: ...`.
// Upstream: k8s.io/apimachinery/pkg/runtime/serializer/json (strict mode), encoding/json decode.go.
import { API_TYPES, ROOT_TYPES } from './api-fields.generated.ts'
import { goQuote } from '../../validation/go-format.ts'

const INT64_FIELDS = new Set(['generation', 'deletionGracePeriodSeconds', 'activeDeadlineSeconds', 'terminationGracePeriodSeconds',
  'runAsUser', 'runAsGroup', 'fsGroup', 'observedGeneration', 'supplementalGroups', 'expirationSeconds'])

function jsonType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return 'number'
  return 'string'
}

function goType(ref: string, field: string): string {
  if (ref === 's') return 'string'
  if (ref === 'b') return 'bool'
  if (ref === 'i') return INT64_FIELDS.has(field) ? 'int64' : 'int32'
  if (ref.startsWith('m:')) return `map[string]${goType(ref.slice(2), field)}`
  if (ref.startsWith('a:')) return `[]${goType(ref.slice(2), field)}`
  const dot = ref.indexOf('.')
  return `v1.${ref.slice(dot + 1)}`
}

interface Found { typeError?: string; unknown: string[] }

/** Checks one object against its kind's fields; undefined when the kind has no table (nothing to check). */
export function strictDecodeError(obj: Record<string, unknown>): string | undefined {
  const apiVersion = String(obj.apiVersion)
  const kind = String(obj.kind)
  const root = ROOT_TYPES[`${apiVersion}/${kind}`]
  if (!root) return undefined
  const found: Found = { unknown: [] }
  walk(obj, root, '', root.slice(root.indexOf('.') + 1), '', found)
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion
  const prefix = `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: `
  if (found.typeError) return prefix + found.typeError
  if (found.unknown.length) return prefix + 'strict decoding error: ' + found.unknown.map((p) => `unknown field ${goQuote(p)}`).join(', ')
  return undefined
}

// `path` has list indices (for unknown fields); `goPath` has none (Go's UnmarshalTypeError field path).
function walk(value: unknown, ref: string, path: string, struct: string, goPath: string, found: Found, field = ''): void {
  if (value === null || value === undefined || ref === 'x') return
  const mismatch = (expected: string) => {
    if (found.typeError) return
    const v = jsonType(value)
    const shown = v === 'number' && expected.startsWith('int') ? `number ${value}` : v
    found.typeError = `json: cannot unmarshal ${shown} into Go struct field ${struct}.${goPath} of type ${expected}`
  }
  switch (ref) {
    case 's': if (typeof value !== 'string') mismatch('string'); return
    case 'b': if (typeof value !== 'boolean') mismatch('bool'); return
    case 'i': {
      const t = goType('i', field)
      const limit = t === 'int32' ? 2 ** 31 : 2 ** 63
      if (typeof value !== 'number') mismatch(t)
      else if (!Number.isInteger(value) || value >= limit || value < -limit) mismatch(t)
      return
    }
    case 'io': case 'q': return
  }
  if (ref.startsWith('m:')) {
    if (typeof value !== 'object' || Array.isArray(value)) return mismatch(goType(ref, field))
    for (const [k, v] of Object.entries(value as object)) walk(v, ref.slice(2), `${path}[${k}]`, struct, goPath, found, field)
    return
  }
  if (ref.startsWith('a:')) {
    if (!Array.isArray(value)) return mismatch(goType(ref, field))
    value.forEach((v, i) => walk(v, ref.slice(2), `${path}[${i}]`, struct, goPath, found, field))
    return
  }
  const fields = API_TYPES[ref]
  if (!fields) return
  if (typeof value !== 'object' || Array.isArray(value)) return mismatch(goType(ref, field))
  const typeName = ref.slice(ref.indexOf('.') + 1)
  for (const [k, v] of Object.entries(value as object)) {
    const childPath = path ? `${path}.${k}` : k
    const childRef = fields[k]
    if (!childRef) {
      found.unknown.push(childPath)
      continue
    }
    walk(v, childRef, childPath, typeName, goPath ? `${goPath}.${k}` : k, found, k)
  }
}
