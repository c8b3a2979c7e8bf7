// The defaults the Gateway API CRDs' OpenAPI schemas declare (`default:` in config/crd/standard), which the API
// server fills in on create and update: what `kubectl get -o yaml` then shows.
import type { KubeObject } from '../api/types.ts'
import { GATEWAY_GROUP } from './types.ts'
import type { HTTPBackendRef, HTTPRouteMatch, HTTPRouteRule, Listener, ParentRef } from './types.ts'

const ROOT_MATCH = (): HTTPRouteMatch => ({ path: { type: 'PathPrefix', value: '/' } })

function defaultMatch(m: HTTPRouteMatch): void {
  if (!m || typeof m !== 'object') return
  m.path ??= { type: 'PathPrefix', value: '/' }
  if (m.path && typeof m.path === 'object') {
    m.path.type ??= 'PathPrefix'
    m.path.value ??= '/'
  }
  for (const h of Array.isArray(m.headers) ? m.headers : []) if (h && typeof h === 'object') h.type ??= 'Exact'
}

const pending = (type: string) => ({ lastTransitionTime: '1970-01-01T00:00:00Z', message: 'Waiting for controller', reason: 'Pending', status: 'Unknown', type })

/** Fills the CRD schema defaults of a GatewayClass, Gateway or HTTPRoute in place. */
export function defaultGatewayObject(obj: KubeObject): void {
  // The status defaults: until a controller answers, `kubectl get` shows Unknown in ACCEPTED / PROGRAMMED.
  if (obj.kind === 'GatewayClass' && !obj.status) obj.status = { conditions: [pending('Accepted')] }
  if (obj.kind === 'Gateway' && !obj.status) obj.status = { conditions: [pending('Accepted'), pending('Programmed')] }
  const spec = obj.spec
  if (!spec || typeof spec !== 'object') return
  if (obj.kind === 'Gateway') {
    for (const l of (Array.isArray(spec.listeners) ? spec.listeners : []) as Listener[]) {
      if (!l || typeof l !== 'object') continue
      l.allowedRoutes ??= { namespaces: { from: 'Same' } }
      // GatewayTLSConfig: mode defaults to Terminate; a SecretObjectReference to group "" kind Secret.
      if (l.tls && typeof l.tls === 'object') {
        l.tls.mode ??= 'Terminate'
        for (const r of Array.isArray(l.tls.certificateRefs) ? l.tls.certificateRefs : []) {
          if (!r || typeof r !== 'object') continue
          r.group ??= ''
          r.kind ??= 'Secret'
        }
      }
    }
  }
  if (obj.kind === 'HTTPRoute') {
    for (const p of (Array.isArray(spec.parentRefs) ? spec.parentRefs : []) as ParentRef[]) {
      if (!p || typeof p !== 'object') continue
      p.group ??= GATEWAY_GROUP
      p.kind ??= 'Gateway'
    }
    spec.rules ??= [{ matches: [ROOT_MATCH()] }]
    for (const r of (Array.isArray(spec.rules) ? spec.rules : []) as HTTPRouteRule[]) {
      if (!r || typeof r !== 'object') continue
      r.matches ??= [ROOT_MATCH()]
      for (const m of Array.isArray(r.matches) ? r.matches : []) defaultMatch(m)
      for (const b of (Array.isArray(r.backendRefs) ? r.backendRefs : []) as HTTPBackendRef[]) {
        if (!b || typeof b !== 'object') continue
        b.group ??= ''
        b.kind ??= 'Service'
        b.weight ??= 1
      }
    }
  }
}
