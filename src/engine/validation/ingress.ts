// Ingress and IngressClass validation (networking.k8s.io/v1).
// Upstream: pkg/apis/networking/validation/validation.go ValidateIngressCreate / ValidateIngressSpec /
// validateHTTPIngressPath / validateIngressBackend / ValidateIngressClass (v1.32).
import type { KubeObject } from '../api/types.ts'
import { goNilSlice } from './go-format.ts'
import { forbidden, invalid, notSupported, path, required, tooLong, type ErrorList, type FieldPath } from './field-errors.ts'
import { isIP } from './ip.ts'
import {
  isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNS1035Label, nameIsDNSSubdomain, regexError,
} from './names.ts'
import { validateObjectMeta } from './object-meta.ts'
import type { HTTPIngressPath, IngressBackend, IngressRule, IngressTLS } from 'kubernetes-types/networking/v1'

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix']
const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F']
const invalidPathSuffixes = ['/..', '/.']

function validateBackend(backend: IngressBackend | undefined, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  const hasResource = backend?.resource !== undefined && backend?.resource !== null
  const hasService = backend?.service !== undefined && backend?.service !== null
  if (hasResource && hasService) return [invalid(p, '', 'cannot set both resource and service backends')]
  if (hasResource) {
    const r = backend!.resource!
    if (r.apiGroup !== undefined) errs.push(...isDNS1123Subdomain(r.apiGroup).map((m) => invalid(p.child('resource', 'apiGroup'), r.apiGroup, m)))
    if (!r.kind) errs.push(required(p.child('resource', 'kind')))
    if (!r.name) errs.push(required(p.child('resource', 'name')))
    return errs
  }
  if (!hasService) return [invalid(p, '', 'resource or service backend is required')]
  const svc = backend!.service!
  if (!svc.name) errs.push(required(p.child('service', 'name')))
  else errs.push(...nameIsDNS1035Label(svc.name, false).map((m) => invalid(p.child('service', 'name'), svc.name, m)))
  const portName = svc.port?.name ?? ''
  const portNumber = svc.port?.number ?? 0
  if (portName && portNumber) errs.push(invalid(p, '', 'cannot set both port name & port number'))
  else if (portName) errs.push(...isValidPortName(portName).map((m) => invalid(p.child('service', 'port', 'name'), portName, m)))
  else if (portNumber) errs.push(...isValidPortNum(portNumber).map((m) => invalid(p.child('service', 'port', 'number'), portNumber, m)))
  else errs.push(required(p, 'port name or number is required'))
  return errs
}

function validatePath(hp: HTTPIngressPath | undefined, p: FieldPath): ErrorList {
  if (hp?.pathType === undefined || hp?.pathType === null) return [required(p.child('pathType'), 'pathType must be specified')]
  const errs: ErrorList = []
  const value = String(hp.path ?? '')
  switch (hp.pathType) {
    case 'Exact': case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalid(p.child('path'), value, 'must be an absolute path'))
      if (value) {
        for (const seq of invalidPathSequences) if (value.includes(seq)) errs.push(invalid(p.child('path'), value, `must not contain '${seq}'`))
        for (const suf of invalidPathSuffixes) if (value.endsWith(suf)) errs.push(invalid(p.child('path'), value, `cannot end with '${suf}'`))
      }
      break
    case 'ImplementationSpecific':
      if (value && !value.startsWith('/')) errs.push(invalid(p.child('path'), value, 'must be an absolute path'))
      break
    default:
      errs.push(notSupported(p.child('pathType'), hp.pathType, pathTypes))
  }
  errs.push(...validateBackend(hp.backend, p.child('backend')))
  return errs
}

function validateRules(rules: IngressRule[], p: FieldPath): ErrorList {
  const errs: ErrorList = []
  rules.forEach((rule, i) => {
    const rp = p.index(i)
    const host = rule?.host ?? ''
    if (host) {
      if (isIP(host)) errs.push(invalid(rp.child('host'), host, 'must be a DNS name, not an IP address'))
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)
      errs.push(...msgs.map((m) => invalid(rp.child('host'), host, m)))
    }
    if (rule?.http) {
      const paths: HTTPIngressPath[] = rule.http.paths ?? []
      if (!paths.length) errs.push(required(rp.child('http', 'paths')))
      paths.forEach((hp, j) => errs.push(...validatePath(hp, rp.child('http', 'paths').index(j))))
    }
  })
  return errs
}

function validateTLS(tls: IngressTLS[], p: FieldPath): ErrorList {
  const errs: ErrorList = []
  tls.forEach((t, i) => {
    ;(t?.hosts ?? []).forEach((host: string, j: number) => {
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)
      errs.push(...msgs.map((m) => invalid(p.index(i).child('hosts').index(j), host, m)))
    })
    if (t?.secretName) errs.push(...nameIsDNSSubdomain(t.secretName, false).map((m) => invalid(p.index(i).child('secretName'), t.secretName, m)))
  })
  return errs
}

/** ValidateIngressCreate (also used for updates: kubehop keeps no invalid legacy Ingresses to ratchet). */
export function validateIngress(ing: KubeObject): ErrorList {
  const errs = validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain, path('metadata'))
  const spec = ing.spec ?? {}
  const sp = path('spec')
  const rules: IngressRule[] = Array.isArray(spec.rules) ? spec.rules : []
  if (!rules.length && !spec.defaultBackend) {
    errs.push(invalid(sp, goNilSlice('[]networking.IngressRule'), 'either `defaultBackend` or `rules` must be specified'))
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, sp.child('defaultBackend')))
  if (rules.length) errs.push(...validateRules(rules, sp.child('rules')))
  if (Array.isArray(spec.tls) && spec.tls.length) errs.push(...validateTLS(spec.tls, sp.child('tls')))
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) {
    errs.push(...nameIsDNSSubdomain(spec.ingressClassName, false).map((m) => invalid(sp.child('ingressClassName'), spec.ingressClassName, m)))
  }
  const annotation = ing.metadata.annotations?.['kubernetes.io/ingress.class']
  if (annotation !== undefined && spec.ingressClassName && annotation !== spec.ingressClassName) {
    errs.push(invalid(path('annotations').child('kubernetes.io/ingress.class'), annotation, 'must match `ingressClassName` when both are specified'))
  }
  return errs
}

const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"

/** ValidateIngressClass: spec.controller is a required domain-prefixed path such as `k8s.io/ingress-nginx`. */
export function validateIngressClass(ic: KubeObject): ErrorList {
  const errs = validateObjectMeta(ic.metadata, false, nameIsDNSSubdomain, path('metadata'))
  const controller = String(ic.spec?.controller ?? '')
  const cp = path('spec', 'controller')
  if (!controller) return [...errs, required(cp)]
  if (controller.length > 250) errs.push(tooLong(cp, 250))
  const slash = controller.indexOf('/')
  if (slash <= 0 || slash === controller.length - 1) {
    errs.push(invalid(cp, controller, 'must be a domain-prefixed path (such as "acme.io/foo")'))
    return errs
  }
  const host = controller.slice(0, slash)
  const rest = controller.slice(slash + 1)
  errs.push(...isDNS1123Subdomain(host).map((m) => invalid(cp, host, m)))
  if (!new RegExp(`^${httpPathFmt}$`).test(rest)) errs.push(invalid(cp, rest, regexError('Invalid path', httpPathFmt)))
  const params = ic.spec?.parameters
  if (params) {
    const pp = path('spec', 'parameters')
    if (!params.kind) errs.push(required(pp.child('kind')))
    if (!params.name) errs.push(required(pp.child('name')))
    if (params.scope === 'Cluster' && params.namespace !== undefined) errs.push(forbidden(pp.child('namespace'), "`parameters.scope` is set to 'Cluster'"))
  }
  return errs
}
