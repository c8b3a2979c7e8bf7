// Field-level validation errors and the API status errors built from them, rendered exactly as
// Kubernetes v1.32 renders them.
// Upstream: k8s.io/apimachinery/pkg/util/validation/field/{errors,path}.go,
// k8s.io/apimachinery/pkg/api/errors/errors.go (NewInvalid, NewBadRequest, NewInternalError) and
// k8s.io/kubectl/pkg/cmd/util/helpers.go (how kubectl prints them).
import { goQuote, isGoRaw, type GoRaw } from './go-format.ts'
import type { StatusError } from '../api/status.ts'

export type { StatusError }

type FieldErrorType =
  | 'FieldValueNotFound' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueInvalid'
  | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany' | 'InternalError'

/** A bad value: strings print quoted (%q), numbers and booleans bare (%v), GoRaw as given (%#v). */
export type BadValue = string | number | boolean | GoRaw | null | undefined

export interface FieldError {
  type: FieldErrorType
  field: string
  badValue: BadValue
  detail: string
}

export type ErrorList = FieldError[]

/** field.Path: `spec.ports[0].name`, `metadata.labels`, `data[key]`. Immutable; each step returns a new path. */
export class FieldPath {
  private constructor(private readonly text: string) {}

  static of(...names: string[]): FieldPath {
    return new FieldPath(names.join('.'))
  }

  child(...names: string[]): FieldPath {
    return new FieldPath([this.text, ...names].filter((s) => s !== '').join('.'))
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`)
  }

  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`)
  }

  toString(): string {
    return this.text
  }
}

export const path = FieldPath.of

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
}

/** field.Required: `spec.ports: Required value[: detail]`. */
export function required(p: FieldPath, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field: String(p), badValue: '', detail }
}

/** field.Invalid: `path: Invalid value: <value>: detail`. */
export function invalid(p: FieldPath, value: BadValue, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: String(p), badValue: value, detail }
}

/** field.NotSupported: detail is `supported values: "a", "b"` (values strconv.Quote'd, in the given order). */
export function notSupported(p: FieldPath, value: BadValue, valid: readonly string[]): FieldError {
  const detail = valid.length ? 'supported values: ' + valid.map(goQuote).join(', ') : ''
  return { type: 'FieldValueNotSupported', field: String(p), badValue: value, detail }
}

export function duplicate(p: FieldPath, value: BadValue): FieldError {
  return { type: 'FieldValueDuplicate', field: String(p), badValue: value, detail: '' }
}

export function forbidden(p: FieldPath, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field: String(p), badValue: '', detail }
}

export function notFound(p: FieldPath, value: BadValue): FieldError {
  return { type: 'FieldValueNotFound', field: String(p), badValue: value, detail: '' }
}

/** field.TooLong (v1.32 wording): the value itself is omitted. */
export function tooLong(p: FieldPath, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long'
  return { type: 'FieldValueTooLong', field: String(p), badValue: '<value omitted>', detail }
}

export function tooMany(p: FieldPath, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items'
  return { type: 'FieldValueTooMany', field: String(p), badValue: actual, detail }
}

function renderValue(value: BadValue): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return goQuote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (isGoRaw(value)) return value.goRaw
  return String(value)
}

/** field.Error.ErrorBody: the message without the field name. */
function errorBody(e: FieldError): string {
  let s: string
  switch (e.type) {
    case 'FieldValueRequired': case 'FieldValueForbidden': case 'FieldValueTooLong': case 'InternalError':
      s = typeText[e.type]
      break
    default:
      s = `${typeText[e.type]}: ${renderValue(e.badValue)}`
  }
  return e.detail ? `${s}: ${e.detail}` : s
}

/** field.Error.Error(): `field: body`. */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`
}

/**
 * ErrorList.ToAggregate().Error(): duplicates dropped, one error as is, several as `[a, b]`.
 * Upstream: field.ErrorList.ToAggregate and k8s.io/apimachinery/pkg/util/errors aggregate.Error.
 */
export function aggregateMessage(errs: ErrorList): string {
  const msgs: string[] = []
  for (const e of errs) {
    const m = errorString(e)
    if (!msgs.includes(m)) msgs.push(m)
  }
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`
}

/** `Deployment.apps` for grouped kinds, `Service` for the core group (schema.GroupKind.String). */
function qualifiedKind(kind: string, group: string): string {
  return group ? `${kind}.${group}` : kind
}

/**
 * errors.NewInvalid: 422, message `<Kind[.group]> "<name>" is invalid: <aggregate>`, one cause per field error.
 * Upstream: k8s.io/apimachinery/pkg/api/errors/errors.go.
 */
export function newInvalid(kind: string, group: string, name: string, errs: ErrorList): StatusError {
  const qk = qualifiedKind(kind, group)
  const message = errs.length ? `${qk} ${goQuote(name)} is invalid: ${aggregateMessage(errs)}` : `${qk} ${goQuote(name)} is invalid`
  return {
    code: 422,
    reason: 'Invalid',
    message,
    details: { name, group, kind, causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })) },
  }
}

/** errors.NewBadRequest (400). */
export function newBadRequest(message: string): StatusError {
  return { code: 400, reason: 'BadRequest', message }
}

/** errors.NewInternalError (500): `Internal error occurred: <err>`. */
export function newInternalError(message: string): StatusError {
  return { code: 500, reason: 'InternalError', message: `Internal error occurred: ${message}` }
}

/** errors.NewNotFound (404): `<resource> "<name>" not found`. */
export function newNotFound(resource: string, name: string): StatusError {
  return { code: 404, reason: 'NotFound', message: `${resource} ${goQuote(name)} not found` }
}

/** errors.NewForbidden (403): `<resource> "<name>" is forbidden: <reason>`. */
export function newForbidden(resource: string, name: string, reason: string): StatusError {
  return { code: 403, reason: 'Forbidden', message: `${resource} ${goQuote(name)} is forbidden: ${reason}` }
}

/**
 * What kubectl prints for a server error (without the trailing newline), per cmdutil.CheckErr:
 * Invalid errors become `The Service "x" is invalid: <cause>` (several causes as a `* ` list on new
 * lines, after a trailing space); every other reason is `Error from server (<Reason>): <message>`.
 * `source` adds kubectl's `error when <verb> "<source>": ` (AddSourceToErr), which Invalid errors hide.
 */
export function kubectlErrorMessage(err: StatusError, source?: { verb: string; file: string }): string {
  if (err.reason === 'Invalid' && err.details && (err.details.kind || err.details.name)) {
    const prefix = `The ${err.details.kind ?? ''} ${goQuote(err.details.name ?? '')} is invalid: `
    const msgs: string[] = []
    for (const c of err.details.causes ?? []) {
      const m = `${c.field}: ${c.message}`
      if (!msgs.includes(m)) msgs.push(m)
    }
    if (msgs.length === 0) return prefix.trimEnd()
    if (msgs.length === 1) return prefix + msgs[0]
    return prefix + '\n' + msgs.map((m) => `* ${m}`).join('\n')
  }
  const body = source ? `error when ${source.verb} ${goQuote(source.file)}: ${err.message}` : err.message
  return `Error from server (${err.reason}): ${body}`
}
