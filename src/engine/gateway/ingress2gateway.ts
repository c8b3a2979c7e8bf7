// What `ingress2gateway print --providers=ingress-nginx` writes for a set of Ingresses (kubernetes-sigs/
// ingress2gateway v1.1.0, pkg/i2gw/providers/common/converter.go; our own code from its documented output): one
// Gateway per ingress class (named after it, gatewayClassName the same) with an HTTP listener per host
// (`<host with dashes>-http`), and one HTTPRoute per Ingress and host (`<ingress>-<host with dashes>`) with a rule
// per path: Prefix → PathPrefix, Exact → Exact. ImplementationSpecific paths have no generic translation and are
// refused with the tool's field error. Keys come out sorted, as the tool's YAML marshalling sorts them.
import type { KubeObject } from '../api/types.ts'
import type { HTTPIngressPath, IngressRule } from 'kubernetes-types/networking/v1'
import { invalid, path, errorString, type FieldError } from '../validation/field-errors.ts'

const I2GW_VERSION = '1.1.0'
const GENERATOR = { 'gateway.networking.k8s.io/generator': `ingress2gateway-${I2GW_VERSION}` }

export interface Translation {
  objects: KubeObject[]
  /** The field errors the tool reports (then it prints nothing). */
  errors: string[]
}

const dashed = (host: string) => host.replace(/\*/g, 'wildcard').replace(/\./g, '-')

function ingressClass(ing: KubeObject): string | undefined {
  return ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class']
}

/** The Gateway API objects for the Ingresses of `ingressClass` (ingress-nginx's default class `nginx`). */
export function ingressToGateway(ingresses: KubeObject[], wantedClass = 'nginx'): Translation {
  const errors: FieldError[] = []
  const gateways = new Map<string, { ns: string; cls: string; hosts: string[] }>()
  const routes: KubeObject[] = []
  const ordered = [...ingresses].sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`))
  for (const ing of ordered) {
    const cls = ingressClass(ing)
    if (cls !== wantedClass) continue
    const ns = ing.metadata.namespace ?? 'default'
    const gwKey = `${ns}/${cls}`
    if (!gateways.has(gwKey)) gateways.set(gwKey, { ns, cls, hosts: [] })
    const gw = gateways.get(gwKey)!
    const byHost = new Map<string, Record<string, unknown>[]>()
    ;((ing.spec?.rules ?? []) as IngressRule[]).forEach((rule, ri) => {
      const host = rule.host ?? ''
      if (!gw.hosts.includes(host)) gw.hosts.push(host)
      const rules = byHost.get(host) ?? []
      byHost.set(host, rules)
      ;((rule.http?.paths ?? []) as HTTPIngressPath[]).forEach((p, pi) => {
        const fp = path('spec').child('rules').index(ri).child('http', 'paths').index(pi)
        const type = p.pathType === 'Prefix' ? 'PathPrefix' : p.pathType === 'Exact' ? 'Exact' : undefined
        if (!type) {
          errors.push(invalid(fp.child('pathType'), p.pathType ?? 'ImplementationSpecific', 'implementationSpecific path type is not supported in generic translation, and your provider does not provide custom support to translate it'))
          return
        }
        const svc = p.backend?.service
        if (!svc?.port?.number) {
          errors.push(invalid(fp.child('backend', 'service', 'port'), svc?.port?.name ?? '', 'named ports not supported'))
          return
        }
        rules.push({ backendRefs: [{ name: svc.name, port: svc.port.number }], matches: [{ path: { type, value: p.path ?? '/' } }] })
      })
    })
    for (const [host, rules] of byHost) {
      routes.push({
        apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute',
        metadata: { annotations: { ...GENERATOR }, name: `${ing.metadata.name}-${host ? dashed(host) : 'all-hosts'}`, namespace: ns },
        spec: { ...(host ? { hostnames: [host] } : {}), parentRefs: [{ name: cls }], rules },
        status: { parents: [] },
      })
    }
  }
  if (errors.length) return { objects: [], errors: errors.map(errorString) }
  const gws: KubeObject[] = [...gateways.values()].map((g) => ({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway',
    metadata: { annotations: { ...GENERATOR }, name: g.cls, namespace: g.ns },
    spec: {
      gatewayClassName: g.cls,
      listeners: g.hosts.map((h) => (h ? { hostname: h, name: `${dashed(h)}-http`, port: 80, protocol: 'HTTP' } : { name: 'http', port: 80, protocol: 'HTTP' })),
    },
  }))
  return { objects: [...gws, ...routes], errors: [] }
}
