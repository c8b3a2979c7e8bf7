// ingress-nginx's status sync (internal/ingress/status/status.go): the elected controller writes the address it
// publishes into `status.loadBalancer.ingress` of every Ingress it serves (kubectl get ingress: ADDRESS).
// Without a running controller nothing writes the status, and the ADDRESS column stays empty.
import type { Controller, ControllerContext, SyncResult } from '../controllers/controller.ts'
import { NO_CHANGES } from '../controllers/controller.ts'
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { ObjectKey } from '../api/types.ts'
import { keyOf, parseKey } from '../api/types.ts'
import { controllerPods, ingressesServedBy, publishedAddress } from './classes.ts'
import type { LoadBalancerIngress } from 'kubernetes-types/core/v1'

export class IngressStatusController implements Controller {
  readonly name = 'nginx-ingress-controller'
  readonly watches = ['Ingress', 'Pod', 'Service', 'IngressClass', 'Node']

  keysFor(change: Change, store: ReadonlyStore): ObjectKey[] {
    if (change.object.kind === 'Ingress') return [change.key]
    if (['Pod', 'Service', 'IngressClass', 'Node'].includes(change.object.kind)) return store.list('Ingress').map(keyOf)
    return []
  }

  sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
    const { kind, namespace, name } = parseKey(key)
    const ing = ctx.store.get(kind, namespace, name)
    if (!ing) return NO_CHANGES
    const pod = controllerPods(ctx.store).find((p) => ingressesServedBy(ctx.store, p).some((i) => keyOf(i) === key))
    const desired = pod ? publishedAddress(ctx.store, pod) : ((ing.status?.loadBalancer?.ingress ?? []) as LoadBalancerIngress[])
    const current = (ing.status?.loadBalancer?.ingress ?? []) as LoadBalancerIngress[]
    if (JSON.stringify(current) === JSON.stringify(desired)) return NO_CHANGES
    return { writes: [{ op: 'update', object: { ...ing, status: { ...(ing.status ?? {}), loadBalancer: desired.length ? { ingress: desired } : {} } } }] }
  }
}
