// Which listeners of a Gateway an HTTPRoute attaches to (gateway-api spec: parentRefs with sectionName/port,
// listener allowedRoutes.namespaces, hostname intersection), and the status.parents the controller writes for
// it (cloud-provider-kind pkg/gateway/gateway.go validateHTTPRoute: Accepted, then ResolvedRefs).
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { GATEWAY_GROUP } from './types.ts'
import { backendRefAllowed } from './refs.ts'
import type { Condition, HTTPRouteRule, Listener, ParentRef } from './types.ts'

/** The Gateway a parentRef names (group gateway.networking.k8s.io, kind Gateway, the route's namespace by default). */
export function gatewayOf(store: ReadonlyStore, route: KubeObject, ref: ParentRef): KubeObject | undefined {
  if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') return undefined
  return store.get('Gateway', ref.namespace ?? route.metadata.namespace ?? 'default', ref.name)
}

/** A listener hostname and a route hostname intersect: equal, or one wildcard covers the other. */
function hostnamesIntersect(a: string, b: string): boolean {
  if (a === b) return true
  const covers = (w: string, h: string) => w.startsWith('*.') && h.endsWith(w.slice(1)) && h.length > w.length - 1
  return covers(a, b) || covers(b, a)
}

function allowedByListener(route: KubeObject, gw: KubeObject, l: Listener): boolean {
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same'
  return from === 'All' || (from === 'Same' && (route.metadata.namespace ?? 'default') === (gw.metadata.namespace ?? 'default'))
}

function allowedByHostname(route: KubeObject, l: Listener): boolean {
  const hostnames = (route.spec?.hostnames ?? []) as string[]
  return !l.hostname || !hostnames.length || hostnames.some((h) => hostnamesIntersect(l.hostname!, h))
}

function refsTo(store: ReadonlyStore, route: KubeObject, gw: KubeObject): ParentRef[] {
  return ((route.spec?.parentRefs ?? []) as ParentRef[]).filter((r) => gatewayOf(store, route, r) === gw)
}

function listenersFor(route: KubeObject, gw: KubeObject, ref: ParentRef): { listeners: Listener[]; reason: string } {
  let reason = 'NoMatchingParent'
  const out: Listener[] = []
  for (const l of (gw.spec?.listeners ?? []) as Listener[]) {
    if (ref.sectionName !== undefined && ref.sectionName !== l.name) continue
    if (ref.port !== undefined && ref.port !== l.port) continue
    if (!allowedByListener(route, gw, l)) { reason = 'NotAllowedByListeners'; continue }
    if (!allowedByHostname(route, l)) { reason = 'NoMatchingListenerHostname'; continue }
    out.push(l)
  }
  return { listeners: out, reason }
}

/** The listeners of `gw` that accepted `route`. */
export function listenersAccepting(store: ReadonlyStore, route: KubeObject, gw: KubeObject): Listener[] {
  const out: Listener[] = []
  for (const ref of refsTo(store, route, gw)) for (const l of listenersFor(route, gw, ref).listeners) if (!out.includes(l)) out.push(l)
  return out
}

/** Why the route's backendRefs do not resolve (rules with a redirect are skipped): another namespace's Service
 *  without a ReferenceGrant is RefNotPermitted before it is looked up (httproute_types.go RouteReasonRefNotPermitted). */
function backendsUnresolved(store: ReadonlyStore, route: KubeObject): 'RefNotPermitted' | 'BackendNotFound' | undefined {
  const ns = route.metadata.namespace ?? 'default'
  const refs = ((route.spec?.rules ?? []) as HTTPRouteRule[]).filter((r) => !(r.filters ?? []).some((f) => f.type === 'RequestRedirect')).flatMap((r) => r.backendRefs ?? [])
  if (refs.some((b) => !backendRefAllowed(store, route, b.namespace ?? ns, b.name))) return 'RefNotPermitted'
  if (refs.some((b) => (b.kind ?? 'Service') !== 'Service' || !store.get('Service', b.namespace ?? ns, b.name))) return 'BackendNotFound'
  return undefined
}

type WantedCondition = Omit<Condition, 'lastTransitionTime'>

/** status.parents for every parentRef whose Gateway a controller of this cluster manages. */
export function routeParentStatuses(store: ReadonlyStore, route: KubeObject, managing: (className: string) => string | undefined): { parentRef: ParentRef; controllerName: string; conditions: WantedCondition[] }[] {
  const gen = route.metadata.generation
  const unresolved = backendsUnresolved(store, route)
  const resolved: WantedCondition = !unresolved
    ? { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'All backend references have been resolved.', observedGeneration: gen }
    : unresolved === 'RefNotPermitted'
      ? { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted', message: 'A backend reference to another namespace is not permitted by any ReferenceGrant.', observedGeneration: gen }
      : { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', message: 'One or more backend references could not be found.', observedGeneration: gen }
  const out: { parentRef: ParentRef; controllerName: string; conditions: WantedCondition[] }[] = []
  for (const ref of (route.spec?.parentRefs ?? []) as ParentRef[]) {
    const gw = gatewayOf(store, route, ref)
    const controllerName = gw && managing(gw.spec?.gatewayClassName ?? '')
    if (!gw || !controllerName) continue
    const { listeners, reason } = listenersFor(route, gw, ref)
    const accepted: WantedCondition = listeners.length
      ? { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route is accepted.', observedGeneration: gen }
      : { type: 'Accepted', status: 'False', reason, message: reason === 'NotAllowedByListeners' ? "Route is not allowed by a listener's policy." : "The route's hostnames do not match any listener hostnames.", observedGeneration: gen }
    out.push({ parentRef: ref, controllerName, conditions: [accepted, resolved] })
  }
  return out
}
