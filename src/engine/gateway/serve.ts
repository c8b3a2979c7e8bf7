// A Gateway's envoy answering one HTTP request: the listener's routes (match.ts), the rule's filters
// (RequestHeaderModifier, RequestRedirect, URLRewrite), a weighted pick among its backendRefs, and a new
// connection to the chosen Service. cloud-provider-kind programs each backend as a STATIC envoy cluster on the
// Service's cluster IP and port (pkg/gateway/gateway.go translateBackendRefToCluster) and routes the service
// range through a node (pkg/gateway/routeadder), so kube-proxy's rules on that node pick the pod.
import type { HttpRequest, HttpResponse } from '../apps/http.ts'
import { byteLength, headerValue, httpDate } from '../apps/http.ts'
import type { TraceBuilder } from '../trace/builder.ts'
import type { NetworkWorld } from '../network/world.ts'
import type { Addr } from '../network/packet.ts'
import type { AcceptHandler } from '../network/connect.ts'
import { connectFrom, ephemeralPort } from '../network/connect.ts'
import type { Server } from '../network/listeners.ts'
import { describeMatch, matchRoute } from './match.ts'
import { backendRefAllowed } from './refs.ts'
import type { RouteMatch } from './match.ts'
import type { HTTPBackendRef, HTTPRouteFilter } from './types.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'

export type AppAnswer = (server: Parameters<AcceptHandler>[0], req: HttpRequest, peer: Addr, local: Addr, tb: TraceBuilder) => HttpResponse
type EnvoyServer = Extract<Server, { kind: 'envoy' }>

/** A response envoy writes itself (lower-case header names, as envoy's HTTP/1 codec sends them). */
function own(status: number, now: number, body = '', extra: [string, string][] = []): HttpResponse {
  const headers: [string, string][] = [...extra]
  if (body) headers.push(['content-length', String(byteLength(body))], ['content-type', 'text/plain'])
  else headers.push(['content-length', '0'])
  headers.push(['date', httpDate(now)], ['server', 'envoy'])
  return { status, headers, body }
}

/** The weighted pick envoy's weighted_clusters make (a random draw over the weights). */
function pickBackend(world: NetworkWorld, refs: HTTPBackendRef[]): HTTPBackendRef | undefined {
  const total = refs.reduce((n, b) => n + (b.weight ?? 1), 0)
  if (total <= 0) return undefined
  let r = world.random.int(0, total - 1)
  for (const b of refs) {
    r -= b.weight ?? 1
    if (r < 0) return b
  }
  return refs[refs.length - 1]
}

function applyHeaderFilter(headers: [string, string][], f: NonNullable<HTTPRouteFilter['requestHeaderModifier']>): [string, string][] {
  let out = headers.filter(([n]) => !(f.remove ?? []).some((r) => r.toLowerCase() === n.toLowerCase()))
  for (const s of f.set ?? []) out = [...out.filter(([n]) => n.toLowerCase() !== s.name.toLowerCase()), [s.name, s.value]]
  for (const a of f.add ?? []) {
    const i = out.findIndex(([n]) => n.toLowerCase() === a.name.toLowerCase())
    if (i >= 0) out[i] = [out[i][0], `${out[i][1]},${a.value}`]
    else out.push([a.name, a.value])
  }
  return out
}

/** The path after a ReplaceFullPath or ReplacePrefixMatch modifier (the matched prefix is swapped). */
function rewritePath(reqPath: string, m: RouteMatch, mod: { type: string; replaceFullPath?: string; replacePrefixMatch?: string }): string {
  const [p, q] = reqPath.split('?', 2)
  const query = q !== undefined ? `?${q}` : ''
  if (mod.type === 'ReplaceFullPath') return (mod.replaceFullPath ?? '/') + query
  const prefix = (m.match.path?.value ?? '/').replace(/\/+$/, '')
  const rest = p.slice(prefix.length)
  const base = (mod.replacePrefixMatch ?? '/').replace(/\/+$/, '')
  const joined = base + rest
  return (joined.startsWith('/') ? joined : `/${joined}`) + query
}

function redirect(req: HttpRequest, host: string, m: RouteMatch, f: NonNullable<HTTPRouteFilter['requestRedirect']>, now: number): HttpResponse {
  const scheme = f.scheme ?? req.scheme
  const hostname = f.hostname ?? host.replace(/:\d+$/, '')
  const defaultPort = scheme === 'https' ? 443 : 80
  const port = f.port ?? (f.scheme ? defaultPort : Number(host.match(/:(\d+)$/)?.[1] ?? defaultPort))
  const path = f.path ? rewritePath(req.path, m, f.path) : req.path
  const location = `${scheme}://${hostname}${port === defaultPort ? '' : `:${port}`}${path}`
  return own(f.statusCode ?? 302, now, '', [['location', location]])
}

/** Serves `req` at the Gateway's envoy; `answer` is how the chosen backend's server answers. */
export function gatewayServe(world: NetworkWorld, tb: TraceBuilder, server: EnvoyServer, req: HttpRequest, peer: Addr, local: Addr, answer: AppAnswer): HttpResponse {
  const now = world.view.now
  const at = `loadbalancer/${server.ip}`
  const gw = server.gateway
  const host = headerValue(req, 'host') ?? local.ip
  const m = matchRoute(world.view.store, gw, server.listener.port, { host, method: req.method, path: req.path, headers: req.headers })
  if (!m) {
    tb.hop({ at, component: 'gateway', action: 'respond', src: peer, dst: local, rule: null,
      note: `No HTTPRoute attached to the Gateway's port ${server.listener.port} matches host "${host.replace(/:\d+$/, '')}" and path ${req.path.split('?')[0]}: envoy answers 404 itself.` })
    return own(404, now)
  }
  const rule = describeMatch(m)
  const filters = m.rule.filters ?? []
  const redirectFilter = filters.find((f) => f.type === 'RequestRedirect')?.requestRedirect
  if (redirectFilter) {
    const res = redirect(req, host, m, redirectFilter, now)
    tb.hop({ at, component: 'gateway', action: 'redirect', src: peer, dst: local, rule, note: `The rule's RequestRedirect filter: envoy answers ${res.status} with location ${headerValue(res, 'location')}, no backend is called.` })
    return res
  }
  let headers: [string, string][] = req.headers.filter(([n]) => !/^connection$/i.test(n))
  let path = req.path
  for (const f of filters) {
    if (f.type === 'RequestHeaderModifier' && f.requestHeaderModifier) headers = applyHeaderFilter(headers, f.requestHeaderModifier)
    if (f.type === 'URLRewrite' && f.urlRewrite) {
      if (f.urlRewrite.hostname) headers = headers.map(([n, v]) => (n.toLowerCase() === 'host' ? [n, f.urlRewrite!.hostname!] : [n, v]))
      if (f.urlRewrite.path) path = rewritePath(req.path, m, f.urlRewrite.path)
    }
  }
  const ns = m.route.metadata.namespace ?? 'default'
  const backend = pickBackend(world, m.rule.backendRefs ?? [])
  // A cross-namespace backendRef without a ReferenceGrant is an invalid backend: the spec requires a 500.
  const permitted = !backend || backendRefAllowed(world.view.store, m.route, backend.namespace ?? ns, backend.name)
  const svc = backend && permitted && (backend.kind ?? 'Service') === 'Service' ? world.view.store.get('Service', backend.namespace ?? ns, backend.name) : undefined
  const svcPort = svc && ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => p.port === backend!.port)
  if (!backend || !svc || !svcPort || !svc.spec?.clusterIP || svc.spec.clusterIP === 'None') {
    tb.hop({ at, component: 'gateway', action: 'respond', src: peer, dst: local, rule,
      note: !permitted ? `backendRef ${backend!.namespace}/${backend!.name} is in another namespace and no ReferenceGrant there allows HTTPRoute ${ns}/${m.route.metadata.name} to use it: envoy answers 500 (the spec's answer for an invalid backend).`
        : backend ? `backendRef ${backend.name}:${backend.port ?? ''} does not resolve to a Service port with a cluster IP: envoy answers 500 (the spec's answer for an invalid backend).` : 'The rule has no backend with a non-zero weight: envoy answers 500.' })
    return own(500, now)
  }
  const weights = (m.rule.backendRefs ?? []).length > 1 ? ` (weights ${(m.rule.backendRefs ?? []).map((b) => `${b.name}=${b.weight ?? 1}`).join(', ')})` : ''
  const target: Addr = { ip: svc.spec.clusterIP as string, port: svcPort.port }
  const node = world.view.nodes[0]
  const upSrc: Addr = { ip: server.ip, port: ephemeralPort(world) }
  tb.hop({ at, component: 'gateway', action: 'route', src: peer, dst: local, srcAfter: upSrc, dstAfter: target, rule,
    note: world.view.profileType === 'kind'
      ? `envoy sends the request to envoy cluster ${backend.namespace ?? ns}/${backend.name}:${backend.port}${weights}: Service ${backend.name}'s cluster IP, through node ${node.name} (the route cloud-provider-kind adds for the service range), where kube-proxy picks the pod.`
      : `The load balancer sends the request to backend ${backend.namespace ?? ns}/${backend.name}:${backend.port}${weights} through node ${node.name}, where kube-proxy picks the pod (kubehop simplifies: GKE's load balancer targets the pods' IPs through network endpoint groups).` })
  const upstreamReq: HttpRequest = {
    ...req, path, scheme: 'http',
    headers: [...headers, ['x-forwarded-for', peer.ip], ['x-forwarded-proto', req.scheme], ['x-envoy-external-address', peer.ip], ['x-request-id', requestId(world)], ['x-envoy-expected-rq-timeout-ms', '15000']],
  }
  let res: HttpResponse | undefined
  const conn = connectFrom(world, tb, { kind: 'lb', lb: { ip: server.ip, mode: 'proxy', service: gw, gateway: gw } }, { kind: 'node', node, origin: 'network' },
    { protocol: 'tcp', src: upSrc, dst: target }, (s, p, l, t) => { res = answer(s, upstreamReq, p, l, t) })
  if (conn.status !== 'open' || !res) {
    tb.hop({ at, component: 'gateway', action: 'respond', src: peer, dst: local, rule, note: 'envoy could not connect to the backend: it answers 503.' })
    return own(503, now, 'upstream connect error or disconnect/reset before headers. reset reason: connection failure')
  }
  tb.hop({ at, component: 'gateway', action: 'proxy', src: target, dst: upSrc, srcAfter: local, dstAfter: peer, rule: null,
    note: `envoy passes the backend's answer (${res.status}) back on the client's connection.` })
  const passed = res.headers.filter(([h]) => !/^(server|connection|keep-alive)$/i.test(h)).map(([h, v]): [string, string] => [h.toLowerCase(), v])
  return { status: res.status, headers: [...passed, ['x-envoy-upstream-service-time', '1'], ['server', 'envoy']], body: res.body }
}

/** A v4 UUID from the seeded source, as envoy's x-request-id. */
function requestId(world: NetworkWorld): string {
  let hex = ''
  for (let i = 0; i < 32; i++) hex += world.random.int(0, 15).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
