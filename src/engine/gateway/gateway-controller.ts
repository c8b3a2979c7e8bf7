// The Gateway API controllers of the cluster's providers, writing status as they do:
// cloud-provider-kind (pkg/gateway: controller.go Init accepts its GatewayClass; gateway.go syncGateway runs an
// envoy container per Gateway on the kind network, puts its address in status.addresses, sets the listeners',
// Accepted and Programmed conditions and each HTTPRoute's status.parents), and GKE's gateway controller for
// its gke-l7-* classes (a Google front end address after provisioning). Without a controller the CRDs' default
// conditions stay: Unknown, "Waiting for controller".
import type { Controller, ControllerContext, SyncResult } from '../controllers/controller.ts'
import { NO_CHANGES } from '../controllers/controller.ts'
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf, parseKey } from '../api/types.ts'
import { providerState } from '../cloud/provider-state.ts'
import { nextKindAddress, providerKind } from '../cloud/service-lb-controller.ts'
import { rfc3339 } from '../sim/clock.ts'
import { GKE_CONTROLLER, KIND_CONTROLLER } from './crds.ts'
import { gatewayOf, listenersAccepting, routeParentStatuses } from './attach.ts'
import { resolveListenerCertificate } from './tls.ts'
import type { Condition, Listener } from './types.ts'
import { GATEWAY_GROUP } from './types.ts'

/** The controller that manages `className` in this cluster now, if any. */
function managingController(store: ReadonlyStore, ctx: { config: ControllerContext['config'] }, className: string): string | undefined {
  const cls = store.get('GatewayClass', undefined, className)
  const controller = cls?.spec?.controllerName
  const provider = providerKind(store)
  if (controller === KIND_CONTROLLER && provider === 'kind' && providerState(ctx.config).cloudProviderKind) return controller
  if (controller === GKE_CONTROLLER && provider === 'gke') return controller
  return undefined
}

/** Sets `c` in `list` as meta.SetStatusCondition does: the transition time moves only when the status changes. */
function setCondition(list: Condition[], c: Omit<Condition, 'lastTransitionTime'>, now: number): Condition[] {
  const old = list.find((x) => x.type === c.type)
  const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : rfc3339(now)
  const next: Condition = { ...c, lastTransitionTime }
  return old ? list.map((x) => (x.type === c.type ? next : x)) : [...list, next]
}

function conditions(current: Condition[] | undefined, wanted: Omit<Condition, 'lastTransitionTime'>[], now: number): Condition[] {
  let list = (current ?? []).filter((c) => wanted.some((w) => w.type === c.type))
  for (const w of wanted) list = setCondition(list, w, now)
  return list
}

function update(obj: KubeObject, status: Record<string, unknown>): SyncResult {
  if (JSON.stringify(obj.status ?? {}) === JSON.stringify(status)) return NO_CHANGES
  return { writes: [{ op: 'update', object: { ...obj, status } }] }
}

function syncClass(cls: KubeObject, ctx: ControllerContext): SyncResult {
  const controller = managingController(ctx.store, ctx, cls.metadata.name)
  if (!controller) return NO_CHANGES
  const message = controller === KIND_CONTROLLER ? 'Managed by Cloud Provider KIND controller' : 'Handled by GKE Gateway controller'
  const conds = conditions(cls.status?.conditions, [{ type: 'Accepted', status: 'True', reason: 'Accepted', message, observedGeneration: cls.metadata.generation }], ctx.now)
  return update(cls, { ...(cls.status ?? {}), conditions: conds })
}

/** The address the provider gives the Gateway: the envoy container's on kind, a Google front end's on GKE. */
function gatewayAddress(gw: KubeObject, ctx: ControllerContext, controller: string): string {
  const state = providerState(ctx.config)
  const uid = `gateway/${gw.metadata.uid ?? keyOf(gw)}`
  let ip = state.assigned.get(uid)
  if (!ip) {
    ip = controller === KIND_CONTROLLER ? nextKindAddress(ctx.store, state) : `34.${ctx.rng.int(100, 160)}.${ctx.rng.int(0, 255)}.${ctx.rng.int(1, 254)}`
    state.assigned.set(uid, ip)
  }
  return ip
}

function syncGateway(gw: KubeObject, ctx: ControllerContext): SyncResult {
  const controller = managingController(ctx.store, ctx, gw.spec?.gatewayClassName ?? '')
  if (!controller) return NO_CHANGES
  const gen = gw.metadata.generation
  const routes = ctx.store.list('HTTPRoute')
  const listeners = (gw.spec?.listeners ?? []) as Listener[]
  const old = (gw.status?.listeners ?? []) as { name: string; conditions?: Condition[] }[]
  const listenerStatus = listeners.map((l) => {
    const http = l.protocol === 'HTTP' || l.protocol === 'HTTPS'
    const attached = http ? routes.filter((r) => listenersAccepting(ctx.store, r, gw).some((x) => x.name === l.name)).length : 0
    // An HTTPS listener whose certificate does not resolve stays Accepted but is neither resolved nor programmed
    // (gateway_types.go ListenerReasonInvalidCertificateRef / RefNotPermitted, and ListenerReasonInvalid for Programmed).
    const cert = l.protocol === 'HTTPS' ? resolveListenerCertificate(ctx.store, gw, l) : undefined
    const wanted: Omit<Condition, 'lastTransitionTime'>[] = http
      ? cert && !cert.ok
        ? [
          { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Listener is valid', observedGeneration: gen },
          { type: 'Programmed', status: 'False', reason: 'Invalid', message: 'Listener is not programmed: its certificate references do not resolve', observedGeneration: gen },
          { type: 'ResolvedRefs', status: 'False', reason: cert.reason, message: cert.message, observedGeneration: gen },
        ]
        : [
          { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Listener is valid', observedGeneration: gen },
          { type: 'Programmed', status: 'True', reason: 'Programmed', message: 'Listener is programmed', observedGeneration: gen },
          { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'All references resolved', observedGeneration: gen },
        ]
      : [{ type: 'Accepted', status: 'False', reason: 'UnsupportedProtocol', message: `Protocol "${l.protocol}" is not supported; supported protocols are HTTP and HTTPS.`, observedGeneration: gen }]
    return {
      attachedRoutes: attached,
      conditions: conditions(old.find((o) => o.name === l.name)?.conditions, wanted, ctx.now),
      name: l.name,
      supportedKinds: http ? [{ group: GATEWAY_GROUP, kind: 'HTTPRoute' }] : [],
    }
  })
  const invalid = listenerStatus.filter((l) => l.conditions.some((c) => c.type === 'Accepted' && c.status === 'False')).length
  const accepted: Omit<Condition, 'lastTransitionTime'> = invalid === 0
    ? { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Gateway is accepted', observedGeneration: gen }
    : invalid < listenerStatus.length
      ? { type: 'Accepted', status: 'True', reason: 'ListenersNotValid', message: 'One or more listeners are not valid', observedGeneration: gen }
      : { type: 'Accepted', status: 'False', reason: 'ListenersNotValid', message: 'All listeners are invalid', observedGeneration: gen }
  const ok = accepted.status === 'True'
  const unprogrammed = listenerStatus.filter((l) => l.conditions.some((c) => c.type === 'Programmed' && c.status === 'False')).length
  const programmed: Omit<Condition, 'lastTransitionTime'> = !ok
    ? { type: 'Programmed', status: 'False', reason: 'Invalid', message: 'Gateway is not accepted', observedGeneration: gen }
    : invalid || unprogrammed
      ? { type: 'Programmed', status: 'False', reason: 'ListenersNotProgrammed', message: `${invalid + unprogrammed} out of ${listenerStatus.length} listeners failed to be programmed`, observedGeneration: gen }
      : { type: 'Programmed', status: 'True', reason: 'Programmed', message: controller === KIND_CONTROLLER ? 'Envoy configuration updated successfully' : 'Gateway is programmed', observedGeneration: gen }
  const addresses = ok ? [{ type: 'IPAddress', value: gatewayAddress(gw, ctx, controller) }] : []
  const status = { ...(addresses.length ? { addresses } : {}), conditions: conditions(gw.status?.conditions, [accepted, programmed], ctx.now), listeners: listenerStatus }
  return update(gw, status)
}

function syncRoute(route: KubeObject, ctx: ControllerContext): SyncResult {
  const parents = routeParentStatuses(ctx.store, route, (className) => managingController(ctx.store, ctx, className))
  const current = (route.status?.parents ?? []) as { conditions?: Condition[]; parentRef: unknown }[]
  const withTimes = parents.map((p) => {
    const prev = current.find((c) => JSON.stringify(c.parentRef) === JSON.stringify(p.parentRef))
    return { ...p, conditions: conditions(prev?.conditions, p.conditions, ctx.now) }
  })
  // Parents written by other controllers stay; ours are replaced.
  const others = current.filter((c) => !parents.some((p) => JSON.stringify(p.parentRef) === JSON.stringify(c.parentRef)) && !managedParent(ctx, route, c.parentRef))
  if (!withTimes.length && current.length === others.length) return NO_CHANGES
  return update(route, { ...(route.status ?? {}), parents: [...others, ...withTimes] })
}

function managedParent(ctx: ControllerContext, route: KubeObject, ref: unknown): boolean {
  const gw = gatewayOf(ctx.store, route, ref as never)
  return !!gw && !!managingController(ctx.store, ctx, gw.spec?.gatewayClassName ?? '')
}

export class GatewayController implements Controller {
  readonly name = 'gateway-controller'
  readonly watches = ['GatewayClass', 'Gateway', 'HTTPRoute', 'Service', 'Namespace', 'Secret', 'ReferenceGrant', 'CustomResourceDefinition']

  keysFor(change: Change, store: ReadonlyStore): ObjectKey[] {
    const kind = change.object.kind
    if (kind === 'GatewayClass' || kind === 'Gateway' || kind === 'HTTPRoute' || kind === 'Service' || kind === 'Namespace' || kind === 'Secret' || kind === 'ReferenceGrant' || kind === 'CustomResourceDefinition') {
      const all = [...store.list('GatewayClass'), ...store.list('Gateway'), ...store.list('HTTPRoute')].map(keyOf)
      return (kind === 'Service' || kind === 'Secret') && !all.length ? [] : all
    }
    return []
  }

  sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
    const { kind, namespace, name } = parseKey(key)
    const obj = ctx.store.get(kind, namespace, name)
    if (!obj) return NO_CHANGES
    if (kind === 'GatewayClass') return syncClass(obj, ctx)
    if (kind === 'Gateway') return syncGateway(obj, ctx)
    if (kind === 'HTTPRoute') return syncRoute(obj, ctx)
    return NO_CHANGES
  }
}
