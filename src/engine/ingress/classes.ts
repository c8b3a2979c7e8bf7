// Which Ingresses an ingress-nginx controller serves (ingress-nginx internal/ingress/controller/store:
// IngressClass whose spec.controller is the controller's --controller-class, the legacy
// `kubernetes.io/ingress.class` annotation, or no class at all when its IngressClass is the default),
// and the address it reports in their status (--publish-status-address, --publish-service, else the node).
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { Container, LoadBalancerIngress } from 'kubernetes-types/core/v1'

const DEFAULT_CONTROLLER_CLASS = 'k8s.io/ingress-nginx'

function isIngressNginx(image: string): boolean {
  return /ingress-nginx\/controller/.test(image)
}

function flag(pod: KubeObject, name: string): string | undefined {
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    if (!isIngressNginx(c.image ?? '')) continue
    for (const a of [...(c.command ?? []), ...(c.args ?? [])] as string[]) {
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1).replace(/\$\(POD_NAMESPACE\)/g, pod.metadata.namespace ?? 'default').replace(/\$\(POD_NAME\)/g, pod.metadata.name)
    }
  }
  return undefined
}

/** Running, ready ingress-nginx controller pods. */
export function controllerPods(store: ReadonlyStore): KubeObject[] {
  return store.list('Pod').filter((p) => ((p.spec?.containers ?? []) as Container[]).some((c) => isIngressNginx(c.image ?? '')) && p.status?.phase === 'Running' && p.status?.podIP)
}

/** Ingresses the controller in `pod` picks up. */
export function ingressesServedBy(store: ReadonlyStore, pod: KubeObject): KubeObject[] {
  const controllerClass = flag(pod, '--controller-class') ?? DEFAULT_CONTROLLER_CLASS
  const legacyClass = flag(pod, '--ingress-class') ?? 'nginx'
  const watchWithoutClass = flag(pod, '--watch-ingress-without-class') === 'true'
  const classes = store.list('IngressClass').filter((c) => c.spec?.controller === controllerClass)
  const names = new Set(classes.map((c) => c.metadata.name))
  const isDefault = classes.some((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')
  return store.list('Ingress').filter((ing) => {
    const className = ing.spec?.ingressClassName
    if (className) return names.has(className)
    const annotation = ing.metadata.annotations?.['kubernetes.io/ingress.class']
    if (annotation) return annotation === legacyClass
    return isDefault || watchWithoutClass
  })
}

/** `status.loadBalancer.ingress` the controller publishes for its Ingresses. */
export function publishedAddress(store: ReadonlyStore, pod: KubeObject): { ip?: string; hostname?: string }[] {
  const statusAddress = flag(pod, '--publish-status-address')
  if (statusAddress) return statusAddress.split(',').map((a) => (/^\d+\.\d+\.\d+\.\d+$/.test(a) ? { ip: a } : { hostname: a }))
  const publishService = flag(pod, '--publish-service')
  if (publishService) {
    const [ns, name] = publishService.split('/')
    const svc = store.get('Service', ns, name)
    const ing = ((svc?.status?.loadBalancer?.ingress ?? []) as LoadBalancerIngress[]).map((i) => (i.ip ? { ip: i.ip } : { hostname: i.hostname }))
    if (ing.length) return ing
    if (svc?.spec?.type === 'LoadBalancer') return []
  }
  const node = store.get('Node', undefined, pod.spec?.nodeName ?? '')
  const addresses = (node?.status?.addresses ?? []) as { type: string; address: string }[]
  const internal = addresses.find((a) => a.type === 'InternalIP')?.address
  const external = addresses.find((a) => a.type === 'ExternalIP')?.address
  const ip = flag(pod, '--report-node-internal-ip-address') === 'true' ? internal : (external ?? internal)
  return ip ? [{ ip }] : []
}
