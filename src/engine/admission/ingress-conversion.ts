// Legacy Ingress versions, converted to networking.k8s.io/v1 with the API server's deprecation warning.
// Upstream: pkg/apis/networking/v1beta1 + pkg/apis/extensions/v1beta1 conversion and defaults
// (SetDefaults_HTTPIngressPath: pathType ImplementationSpecific) and the warning text of
// k8s.io/apiserver/pkg/endpoints/deprecation. No version kubehop runs serves them (removed in v1.22,
// k8s-version.ts): kubectl and the editor refuse them at the REST mapping, before this path is reached.
import type { KubeObject } from '../api/types.ts'
import type { IngressBackend } from 'kubernetes-types/networking/v1'
import type { TypedLocalObjectReference } from 'kubernetes-types/core/v1'

const removed: Record<string, string> = {
  'extensions/v1beta1': 'extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress',
  'networking.k8s.io/v1beta1': 'networking.k8s.io/v1beta1 Ingress is deprecated in v1.19+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress',
}

/** An extensions/v1beta1 IngressBackend. */
interface LegacyBackend { serviceName?: string; servicePort?: unknown; resource?: TypedLocalObjectReference }

function convertBackend(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value
  const b = value as LegacyBackend
  const out: IngressBackend = {}
  if (b.resource !== undefined) out.resource = b.resource
  if (b.serviceName !== undefined || b.servicePort !== undefined) {
    const service: NonNullable<IngressBackend['service']> = { name: b.serviceName ?? '' }
    out.service = service
    const port = b.servicePort
    if (typeof port === 'string') service.port = { name: port }
    else if (typeof port === 'number') service.port = { number: port }
    else service.port = {}
  }
  return out
}

/** True for the Ingress versions this module converts. */
export function isLegacyIngress(obj: KubeObject): boolean {
  return obj.kind === 'Ingress' && obj.apiVersion in removed
}

/**
 * extensions/v1beta1 or networking.k8s.io/v1beta1 Ingress → networking.k8s.io/v1: `backend` becomes
 * `defaultBackend`, `serviceName`/`servicePort` become `service.name`/`service.port.number|name`,
 * a missing pathType becomes ImplementationSpecific. Returns the converted copy and the warning.
 */
export function convertLegacyIngress(obj: KubeObject): { object: KubeObject; warning: string } {
  const out = JSON.parse(JSON.stringify(obj)) as KubeObject
  const warning = removed[obj.apiVersion]
  out.apiVersion = 'networking.k8s.io/v1'
  const spec = out.spec && typeof out.spec === 'object' ? out.spec : {}
  if (spec.backend !== undefined) {
    spec.defaultBackend = convertBackend(spec.backend)
    delete spec.backend
  }
  for (const rule of Array.isArray(spec.rules) ? spec.rules : []) {
    for (const p of Array.isArray(rule?.http?.paths) ? rule.http.paths : []) {
      if (!p || typeof p !== 'object') continue
      if (p.pathType === undefined || p.pathType === null) p.pathType = 'ImplementationSpecific'
      p.backend = convertBackend(p.backend)
    }
  }
  out.spec = spec
  return { object: out, warning }
}
