// How APISIX picks the route for a request once apisix-ingress-controller has synced the ApisixRoutes: each
// `spec.http[]` entry becomes one APISIX route (uris = match.paths, hosts, methods). With the chart's router
// (apisix.httpRouter: radixtree_uri) a path is exact unless it ends in `*` (then a prefix); an exact path beats a
// prefix, a longer prefix beats a shorter one, then the higher `priority`.
// Upstream: apache/apisix-ingress-controller pkg/kube/translation/apisix_route.go (translateHTTPRouteV2),
// apache/apisix docs/en/latest/router-radixtree.md.
import type { KubeObject } from '../api/types.ts'
import { hostMatches } from '../ingress/match.ts'

interface ApisixBackend { serviceName: string; servicePort: number | string; weight?: number }

interface HttpRoute {
  name?: string
  priority?: number
  match?: { paths?: string[]; hosts?: string[]; methods?: string[] }
  backends?: ApisixBackend[]
  /** v2beta2 and older: a single backend. */
  backend?: ApisixBackend
}

export interface ApisixMatch {
  route: KubeObject
  /** The `spec.http[]` entry's name. */
  name: string
  path: string
  backends: ApisixBackend[]
}

/** The entry of one ApisixRoute path pattern: how specific it is for `path` (undefined when it does not match). */
function score(pattern: string, path: string): number | undefined {
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1)
    return path.startsWith(prefix) ? prefix.length : undefined
  }
  // Exact paths rank above every prefix.
  return pattern === path ? 1_000_000 : undefined
}

/** The route APISIX runs for a request, among the ApisixRoutes synced to it. */
export function matchApisixRoute(routes: readonly KubeObject[], host: string, method: string, rawPath: string): ApisixMatch | undefined {
  const path = rawPath.split('?')[0]
  const hostname = host.replace(/:\d+$/, '')
  let best: { m: ApisixMatch; score: number; priority: number } | undefined
  for (const route of routes) {
    for (const h of (route.spec?.http ?? []) as HttpRoute[]) {
      const match = h.match ?? {}
      if (match.hosts?.length && !match.hosts.some((p) => hostMatches(p, hostname))) continue
      if (match.methods?.length && !match.methods.includes(method)) continue
      for (const pattern of match.paths ?? []) {
        const s = score(pattern, path)
        if (s === undefined) continue
        const priority = h.priority ?? 0
        if (best && (best.score > s || (best.score === s && best.priority >= priority))) continue
        const backends = h.backends ?? (h.backend ? [h.backend] : [])
        best = { m: { route, name: h.name ?? '', path: pattern, backends }, score: s, priority }
      }
    }
  }
  return best?.m
}
