// How ingress-nginx chooses a backend for a request (networking.k8s.io/v1 Ingress semantics,
// kubernetes.io/docs/concepts/services-networking/ingress/ "Path types", "Hostname wildcards", "Multiple
// matches"): the host's server (exact host before wildcard before catch-all), then the longest matching
// path, Exact before Prefix at equal length; ImplementationSpecific is nginx's plain prefix.
import type { KubeObject } from '../api/types.ts'
import type { HTTPIngressPath, IngressBackend, IngressRule, IngressTLS } from 'kubernetes-types/networking/v1'

interface Backend {
  service: string
  /** `port.number` or `port.name` of the Service. */
  port: number | string
}

export interface IngressMatch {
  ingress: KubeObject
  backend: Backend
  /** The rule that matched, as a person reads it in the Ingress: `host: a.com, path: /api (Prefix)`. */
  rule: string
  tlsHosts: boolean
}

/** A v1 backend, or an extensions/v1beta1 one (serviceName / servicePort). */
type AnyVersionBackend = IngressBackend & { serviceName?: string; servicePort?: number | string }

function toBackend(b: AnyVersionBackend | undefined): Backend | undefined {
  // A port with neither number nor name stays undefined, as before; the lookup then finds nothing.
  if (b?.service) return { service: b.service.name, port: (b.service.port?.number ?? b.service.port?.name) as number | string }
  // extensions/v1beta1: serviceName / servicePort
  if (b?.serviceName) return { service: b.serviceName, port: b.servicePort as number | string }
  return undefined
}

/** A `*.foo.com` host matches exactly one extra label; plain hosts match exactly (case-insensitive). */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase()
  const h = host.toLowerCase()
  if (!p.startsWith('*.')) return p === h
  const rest = p.slice(1)
  return h.endsWith(rest) && !h.slice(0, -rest.length).includes('.') && h.length > rest.length
}

/** Prefix matching is element-wise on `/`: `/foo` matches `/foo`, `/foo/` and `/foo/bar`, not `/foobar`. */
export function pathMatches(type: string, path: string, reqPath: string): boolean {
  if (type === 'Exact') return reqPath === path
  if (type === 'Prefix') {
    if (path === '/') return true
    const p = path.replace(/\/$/, '')
    return reqPath === p || reqPath.startsWith(p + '/')
  }
  return reqPath.startsWith(path)
}

interface Candidate { ingress: KubeObject; host?: string; path: string; type: string; backend: Backend }

/**
 * The backend ingress-nginx sends `host` + `path` to, merging every Ingress it serves; undefined means the
 * controller answers 404 itself.
 */
export function matchIngress(ingresses: KubeObject[], host: string, reqPath: string): IngressMatch | undefined {
  const path = reqPath.split('?')[0] || '/'
  const h = host.replace(/:\d+$/, '').toLowerCase()
  const candidates: Candidate[] = []
  for (const ing of ingresses) {
    for (const rule of (ing.spec?.rules ?? []) as IngressRule[]) {
      for (const p of (rule.http?.paths ?? []) as HTTPIngressPath[]) {
        const backend = toBackend(p.backend)
        if (backend) candidates.push({ ingress: ing, host: rule.host, path: p.path ?? '/', type: p.pathType ?? 'ImplementationSpecific', backend })
      }
    }
  }
  const exactHost = candidates.filter((c) => c.host && !c.host.startsWith('*.') && hostMatches(c.host, h))
  const wildHost = candidates.filter((c) => c.host?.startsWith('*.') && hostMatches(c.host, h))
  const anyHost = candidates.filter((c) => !c.host)
  const server = exactHost.length ? exactHost : wildHost.length ? wildHost : anyHost
  const tlsHosts = ingresses.some((i) => ((i.spec?.tls ?? []) as IngressTLS[]).some((t) => (t.hosts ?? []).some((x: string) => hostMatches(x, h))))
  const hits = server.filter((c) => pathMatches(c.type, c.path, path))
    .sort((a, b) => b.path.length - a.path.length || (a.type === 'Exact' ? -1 : b.type === 'Exact' ? 1 : 0))
  const best = hits[0]
  if (best) return { ingress: best.ingress, backend: best.backend, tlsHosts, rule: `host: ${best.host ?? '*'}, path: ${best.path} (${best.type}) → ${best.backend.service}:${best.backend.port}` }
  // No path matched: the Ingress's defaultBackend, for its own hosts or the catch-all server.
  const owner = server[0]?.ingress
  const withDefault = owner?.spec?.defaultBackend ? owner : server.length ? undefined : ingresses.find((i) => i.spec?.defaultBackend ?? i.spec?.backend)
  const def = toBackend(withDefault?.spec?.defaultBackend ?? withDefault?.spec?.backend)
  if (withDefault && def) return { ingress: withDefault, backend: def, tlsHosts, rule: `defaultBackend → ${def.service}:${def.port}` }
  return undefined
}
