// What the API server's structural-schema and CEL validation of the Gateway API CRDs rejects, with its
// messages (the OpenAPI `required`/`pattern`/`maximum`/`enum` checks of apiextensions-apiserver, then the
// `x-kubernetes-validations` rules of config/crd/standard, gateway-api v1.2: apis/v1/*_types.go markers).
import type { KubeObject } from '../api/types.ts'
import { invalid, notSupported, path, required, type ErrorList, type FieldPath } from '../validation/field-errors.ts'
import type { HTTPBackendRef, HTTPHeaderMatch, HTTPRouteFilter, HTTPRouteMatch, HTTPRouteRule, Listener, ParentRef } from './types.ts'

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const SECTION_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const PROTOCOL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$/
const CONTROLLER = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']
const FILTER_TYPES = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'RequestRedirect', 'URLRewrite', 'ExtensionRef']
const FILTER_FIELDS: Record<string, string> = { RequestHeaderModifier: 'requestHeaderModifier', ResponseHeaderModifier: 'responseHeaderModifier', RequestMirror: 'requestMirror', RequestRedirect: 'requestRedirect', URLRewrite: 'urlRewrite', ExtensionRef: 'extensionRef' }

/** The regular expression as the schema writes it (kube-openapi prints the pattern source). */
function patternSource(re: RegExp): string {
  return re.source.replace(/\\\//g, '/')
}

function pattern(p: FieldPath, value: unknown, re: RegExp): ErrorList {
  if (typeof value !== 'string' || re.test(value)) return []
  return [invalid(p, value, `${p} in body should match '${patternSource(re)}'`)]
}

function range(p: FieldPath, value: unknown, min: number, max: number): ErrorList {
  if (typeof value !== 'number') return []
  if (value < min) return [invalid(p, value, `${p} in body should be greater than or equal to ${min}`)]
  if (value > max) return [invalid(p, value, `${p} in body should be less than or equal to ${max}`)]
  return []
}

function maxItems(p: FieldPath, list: unknown[] | undefined, max: number): ErrorList {
  return list && list.length > max ? [{ type: 'FieldValueTooMany', field: String(p), badValue: list.length, detail: `must have at most ${max} items` }] : []
}

/** CEL rule failures print the value's type: `Invalid value: "object": <message>`. */
function cel(p: FieldPath, kind: 'object' | 'array' | 'string', message: string): ErrorList {
  return [invalid(p, kind, message)]
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : [])

function validateGatewayClass(obj: KubeObject, old?: KubeObject): ErrorList {
  const p = path('spec')
  const spec = obj.spec ?? {}
  if (!spec.controllerName) return [required(p.child('controllerName'))]
  const errs = pattern(p.child('controllerName'), spec.controllerName, CONTROLLER)
  if (old && old.spec?.controllerName !== spec.controllerName) errs.push(...cel(p.child('controllerName'), 'string', 'Value is immutable'))
  return errs
}

function validateListeners(p: FieldPath, listeners: Listener[]): ErrorList {
  const errs: ErrorList = [...maxItems(p, listeners, 64)]
  listeners.forEach((l, i) => {
    const lp = p.index(i)
    if (!l.name) errs.push(required(lp.child('name')))
    else errs.push(...pattern(lp.child('name'), l.name, SECTION_NAME))
    if (l.hostname !== undefined) errs.push(...pattern(lp.child('hostname'), l.hostname, HOSTNAME))
    if (l.port === undefined) errs.push(required(lp.child('port')))
    else errs.push(...range(lp.child('port'), l.port, 1, 65535))
    if (!l.protocol) errs.push(required(lp.child('protocol')))
    else errs.push(...pattern(lp.child('protocol'), l.protocol, PROTOCOL))
    const from = l.allowedRoutes?.namespaces?.from
    if (from !== undefined && !['All', 'Selector', 'Same'].includes(from)) errs.push(notSupported(lp.child('allowedRoutes', 'namespaces', 'from'), from, ['All', 'Selector', 'Same']))
    // ListenerTLSConfig's CEL rule; without the key at all, CEL's size() fails first and says so.
    const tls = l.tls as (Listener['tls'] & { options?: unknown }) | undefined
    if (tls && tls.mode === 'Terminate' && !(tls.certificateRefs?.length || (tls.options && Object.keys(tls.options).length))) {
      const msg = 'certificateRefs or options must be specified when mode is Terminate'
      errs.push(...cel(lp.child('tls'), 'object', tls.certificateRefs === undefined ? `no such key: certificateRefs evaluating rule: ${msg}` : msg))
    }
  })
  if (errs.length) return errs
  // The listeners' CEL rules (gateway_types.go, GatewaySpec.Listeners markers).
  const has = (l: Listener, f: string) => (l as unknown as Record<string, unknown>)[f] !== undefined
  if (!listeners.every((l) => ['HTTP', 'TCP', 'UDP'].includes(l.protocol) ? !has(l, 'tls') : true)) errs.push(...cel(p, 'array', "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"))
  if (!listeners.every((l) => ['HTTPS', 'TLS'].includes(l.protocol) ? has(l, 'tls') : true)) errs.push(...cel(p, 'array', "tls mode must be set for protocol HTTPS"))
  if (!listeners.every((l) => ['TCP', 'UDP'].includes(l.protocol) ? !l.hostname : true)) errs.push(...cel(p, 'array', "hostname must not be specified for protocols ['TCP', 'UDP']"))
  if (!listeners.every((a) => listeners.filter((b) => a.name === b.name).length === 1)) errs.push(...cel(p, 'array', 'Listener name must be unique within the Gateway'))
  if (!listeners.every((a) => listeners.filter((b) => a.port === b.port && a.protocol === b.protocol && (a.hostname ?? '') === (b.hostname ?? '')).length === 1)) {
    errs.push(...cel(p, 'array', 'Combination of port, protocol and hostname must be unique for each listener'))
  }
  return errs
}

function validateGateway(obj: KubeObject): ErrorList {
  const p = path('spec')
  const spec = obj.spec
  if (!spec || typeof spec !== 'object') return [required(p)]
  const errs: ErrorList = []
  if (!spec.gatewayClassName) errs.push(required(p.child('gatewayClassName')))
  if (!Array.isArray(spec.listeners)) errs.push(required(p.child('listeners')))
  else if (!spec.listeners.length) errs.push(invalid(p.child('listeners'), 0, `${p.child('listeners')} in body should have at least 1 items`))
  else errs.push(...validateListeners(p.child('listeners'), spec.listeners as Listener[]))
  return errs
}

function validateParentRefs(p: FieldPath, refs: ParentRef[]): ErrorList {
  const errs: ErrorList = [...maxItems(p, refs, 32)]
  refs.forEach((r, i) => {
    if (!r.name) errs.push(required(p.index(i).child('name')))
    if (r.sectionName !== undefined) errs.push(...pattern(p.index(i).child('sectionName'), r.sectionName, SECTION_NAME))
    errs.push(...range(p.index(i).child('port'), r.port, 1, 65535))
  })
  return errs
}

function validatePathAndHeaders(p: FieldPath, m: HTTPRouteMatch): ErrorList {
  const errs: ErrorList = []
  const path = m.path
  if (path) {
    const pp = p.child('path')
    if (path.type && !['Exact', 'PathPrefix', 'RegularExpression'].includes(path.type)) errs.push(notSupported(pp.child('type'), path.type, ['Exact', 'PathPrefix', 'RegularExpression']))
    else if (path.type !== 'RegularExpression' && typeof path.value === 'string') {
      // HTTPPathMatch's CEL rules, in their declared order.
      const v = path.value
      const rules: [boolean, string][] = [
        [v.startsWith('/'), "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"],
        [!v.includes('//'), "must not contain '//' when type one of ['Exact', 'PathPrefix']"],
        [!v.includes('/./'), "must not contain '/./' when type one of ['Exact', 'PathPrefix']"],
        [!v.includes('/../'), "must not contain '/../' when type one of ['Exact', 'PathPrefix']"],
        [!v.includes('%2f'), "must not contain '%2f' when type one of ['Exact', 'PathPrefix']"],
        [!v.includes('%2F'), "must not contain '%2F' when type one of ['Exact', 'PathPrefix']"],
        [!v.includes('#'), "must not contain '#' when type one of ['Exact', 'PathPrefix']"],
        [!v.endsWith('/..'), "must not end with '/..' when type one of ['Exact', 'PathPrefix']"],
        [!v.endsWith('/.'), "must not end with '/.' when type one of ['Exact', 'PathPrefix']"],
      ]
      for (const [ok, message] of rules) if (!ok) errs.push(...cel(pp, 'object', message))
    }
  }
  list<HTTPHeaderMatch>(m.headers).forEach((h, i) => {
    const hp = p.child('headers').index(i)
    if (!h.name) errs.push(required(hp.child('name')))
    else errs.push(...pattern(hp.child('name'), h.name, HEADER_NAME))
    if (h.value === undefined) errs.push(required(hp.child('value')))
  })
  if (m.method !== undefined && !METHODS.includes(m.method)) errs.push(notSupported(p.child('method'), m.method, METHODS))
  return errs
}

function validateFilters(p: FieldPath, filters: HTTPRouteFilter[]): ErrorList {
  const errs: ErrorList = [...maxItems(p, filters, 16)]
  filters.forEach((f, i) => {
    const fp = p.index(i)
    if (!f.type) { errs.push(required(fp.child('type'))); return }
    if (!FILTER_TYPES.includes(f.type)) { errs.push(notSupported(fp.child('type'), f.type, FILTER_TYPES)); return }
    // HTTPRouteFilter's CEL rules: the field named by `type` must be set, and no other.
    for (const [type, field] of Object.entries(FILTER_FIELDS)) {
      const set = (f as unknown as Record<string, unknown>)[field] !== undefined
      if (set && f.type !== type) errs.push(...cel(fp, 'object', `filter.${field} must be nil if the filter.type is not ${type}`))
      if (!set && f.type === type) errs.push(...cel(fp, 'object', `filter.${field} must be specified for ${type} filter.type`))
    }
    const code = f.requestRedirect?.statusCode
    if (code !== undefined && ![301, 302].includes(code)) errs.push(notSupported(fp.child('requestRedirect', 'statusCode'), code, ['301', '302']))
  })
  if (errs.length) return errs
  const count = (t: string) => filters.filter((f) => f.type === t).length
  if (count('RequestRedirect') && count('URLRewrite')) errs.push(...cel(p, 'array', 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both'))
  for (const t of ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite']) if (count(t) > 1) errs.push(...cel(p, 'array', `${t} filter cannot be repeated`))
  return errs
}

function validateBackendRefs(p: FieldPath, refs: HTTPBackendRef[]): ErrorList {
  const errs: ErrorList = [...maxItems(p, refs, 16)]
  refs.forEach((b, i) => {
    const bp = p.index(i)
    if (!b.name) errs.push(required(bp.child('name')))
    errs.push(...range(bp.child('port'), b.port, 1, 65535), ...range(bp.child('weight'), b.weight, 0, 1000000))
    // BackendRef's CEL rule: a Service needs a port.
    if ((b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service' && b.port === undefined) errs.push(...cel(bp, 'object', 'Must have port for Service reference'))
  })
  return errs
}

function validateRule(p: FieldPath, r: HTTPRouteRule): ErrorList {
  const matches = list<HTTPRouteMatch>(r.matches)
  const errs: ErrorList = [...maxItems(p.child('matches'), matches, 8)]
  matches.forEach((m, i) => errs.push(...validatePathAndHeaders(p.child('matches').index(i), m)))
  const filters = list<HTTPRouteFilter>(r.filters)
  errs.push(...validateFilters(p.child('filters'), filters))
  errs.push(...validateBackendRefs(p.child('backendRefs'), list<HTTPBackendRef>(r.backendRefs)))
  if (errs.length) return errs
  // HTTPRouteRule's CEL rules.
  if (list(r.backendRefs).length && filters.some((f) => f.requestRedirect !== undefined)) errs.push(...cel(p, 'object', 'RequestRedirect filter must not be used together with backendRefs'))
  const onePrefix = matches.length === 1 && matches[0].path?.type === 'PathPrefix'
  const replacePrefix = (k: 'requestRedirect' | 'urlRewrite') => filters.filter((f) => f[k]?.path?.type === 'ReplacePrefixMatch' && f[k]?.path?.replacePrefixMatch !== undefined).length === 1
  if (replacePrefix('requestRedirect') && !onePrefix) errs.push(...cel(p, 'object', 'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'))
  if (replacePrefix('urlRewrite') && !onePrefix) errs.push(...cel(p, 'object', 'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'))
  return errs
}

function validateHTTPRoute(obj: KubeObject): ErrorList {
  const p = path('spec')
  const spec = obj.spec
  if (!spec || typeof spec !== 'object') return [required(p)]
  const errs: ErrorList = []
  errs.push(...validateParentRefs(p.child('parentRefs'), list<ParentRef>(spec.parentRefs)))
  const hostnames = list<string>(spec.hostnames)
  errs.push(...maxItems(p.child('hostnames'), hostnames, 16))
  hostnames.forEach((h, i) => errs.push(...pattern(p.child('hostnames').index(i), h, HOSTNAME)))
  const rules = list<HTTPRouteRule>(spec.rules)
  errs.push(...maxItems(p.child('rules'), rules, 16))
  rules.forEach((r, i) => errs.push(...validateRule(p.child('rules').index(i), r)))
  return errs
}

/** ReferenceGrantSpec (apis/v1beta1/referencegrant_types.go): from and to are required, each entry's group and
 *  kind (and a from's namespace) too; to's name is optional. */
function validateReferenceGrant(obj: KubeObject): ErrorList {
  const p = path('spec')
  const spec = obj.spec
  if (!spec || typeof spec !== 'object') return []
  const errs: ErrorList = []
  for (const side of ['from', 'to'] as const) {
    if (spec[side] === undefined) { errs.push(required(p.child(side))); continue }
    const entries = list<Record<string, unknown>>(spec[side])
    errs.push(...maxItems(p.child(side), entries, 16))
    entries.forEach((e, i) => {
      for (const f of side === 'from' ? ['group', 'kind', 'namespace'] : ['group', 'kind']) if (e?.[f] === undefined) errs.push(required(p.child(side).index(i).child(f)))
    })
  }
  return errs
}

/** The schema and CEL errors of a Gateway API object (empty when it is valid); `old` on update. */
export function validateGatewayObject(obj: KubeObject, old?: KubeObject): ErrorList {
  switch (obj.kind) {
    case 'GatewayClass': return validateGatewayClass(obj, old)
    case 'Gateway': return validateGateway(obj)
    case 'HTTPRoute': return validateHTTPRoute(obj)
    case 'ReferenceGrant': return validateReferenceGrant(obj)
    default: return []
  }
}
