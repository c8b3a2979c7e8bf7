// MetalLB's controller (the `controller` Deployment in metallb-system): while its pod runs, it gives every
// LoadBalancer Service without a loadBalancerClass an address from an IPAddressPool and writes it into
// `status.loadBalancer.ingress`; with no pool (or a full one) the Service stays <pending> and gets an
// AllocationFailed event. Announcing the address is the speakers' job (pools.ts announcer, the network walk).
// Upstream: metallb/metallb controller/service.go (convergeBalancer) and its events (IPAllocated, AllocationFailed).
// If cloud-provider-kind runs too, both write the same status field and overwrite each other in a real
// cluster; kubehop lets cloud-provider-kind's address stand and MetalLB leaves such Services alone.
import type { Controller, ControllerContext, EventRecord, SyncResult } from '../controllers/controller.ts'
import { NO_CHANGES } from '../controllers/controller.ts'
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf, parseKey } from '../api/types.ts'
import { providerState } from '../cloud/provider-state.ts'
import { allocate, announcer } from './pools.ts'
import { METALLB_NAMESPACE } from './types.ts'

/** Whether MetalLB's controller pod is running (the Deployment the native manifest creates). */
function controllerRunning(store: ReadonlyStore): boolean {
  return store.list('Pod', METALLB_NAMESPACE).some((p) => p.metadata.labels?.component === 'controller' && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)
}

const ownsService = (svc: KubeObject) => svc.spec?.type === 'LoadBalancer' && !svc.spec?.loadBalancerClass

function firstIngressIP(svc: KubeObject): string | undefined {
  return (svc.status?.loadBalancer?.ingress ?? [])[0]?.ip as string | undefined
}

export class MetalLBController implements Controller {
  readonly name = 'metallb-controller'
  readonly watches = ['Service', 'IPAddressPool', 'L2Advertisement', 'Pod', 'Node']

  keysFor(change: Change, store: ReadonlyStore): ObjectKey[] {
    const kind = change.object.kind
    if (kind === 'Service') return [change.key]
    const ours = kind === 'IPAddressPool' || kind === 'L2Advertisement' ||
      ((kind === 'Pod' || kind === 'Node') && (change.object.metadata.namespace === METALLB_NAMESPACE || kind === 'Node'))
    return ours ? store.list('Service').filter(ownsService).map(keyOf) : []
  }

  sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
    const { kind, namespace, name } = parseKey(key)
    const svc = ctx.store.get(kind, namespace, name)
    if (!svc || !ownsService(svc) || !controllerRunning(ctx.store) || providerState(ctx.config).cloudProviderKind) return NO_CHANGES
    const used = new Set(ctx.store.list('Service').filter((s) => s !== svc && ownsService(s)).map(firstIngressIP).filter((ip): ip is string => !!ip))
    const current = firstIngressIP(svc)
    const { ip, error } = allocate(ctx.store, svc, used)
    if (!ip) {
      const message = `Failed to allocate IP for "${namespace}/${name}": ${error}`
      // Repeated syncs would repeat the event; the controller reports each failure once per change.
      return { writes: [], events: [{ involved: svc, type: 'Warning', reason: 'AllocationFailed', message, source: this.name }] }
    }
    if (ip === current) return NO_CHANGES
    const events: EventRecord[] = [{ involved: svc, type: 'Normal', reason: 'IPAllocated', message: `Assigned IP ["${ip}"]`, source: this.name }]
    const who = announcer(ctx.store, svc, ip, () => true)
    if (who) events.push({ involved: svc, type: 'Normal', reason: 'nodeAssigned', message: `announcing from node "${who.node}" with protocol "layer2"`, source: 'metallb-speaker' })
    return { writes: [{ op: 'update', object: { ...svc, status: { ...(svc.status ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } } }], events }
  }
}
