// ingress-nginx answering one request (in the network layer: it opens connections through connect.ts): Host/path
// routing (../ingress/match.ts), HTTP→HTTPS redirect for TLS hosts
// (ssl-redirect, on by default), its own 404/503/502 pages, and a new connection from the controller pod
// straight to a ready endpoint of the Service (round robin over the EndpointSlice addresses: the cluster IP
// is never used).
import type { HttpRequest, HttpResponse } from '../apps/http.ts'
import { REASONS, byteLength, headerValue, httpDate } from '../apps/http.ts'
import { nginxErrorPage } from '../apps/nginx-stock.ts'
import type { TraceBuilder } from '../trace/builder.ts'
import type { NetPod } from './view.ts'
import type { NetworkWorld } from './world.ts'
import type { Addr } from './packet.ts'
import type { AcceptHandler } from './connect.ts'
import { connect, ephemeralPort } from './connect.ts'
import { ingressesServedBy } from '../ingress/classes.ts'
import { matchIngress } from '../ingress/match.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'
import type { Endpoint as SliceEndpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'

export type AppAnswer = (server: Parameters<AcceptHandler>[0], req: HttpRequest, peer: Addr, local: Addr, tb: TraceBuilder) => HttpResponse

function page(status: number, now: number, extra: [string, string][] = []): HttpResponse {
  const body = nginxErrorPage(status, REASONS[status] ?? '', false)
  return { status, headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'], ...extra], body }
}

function endpointFor(world: NetworkWorld, namespace: string, service: string, port: number | string): Addr[] | undefined {
  const svc = world.view.store.get('Service', namespace, service)
  if (!svc) return undefined
  const sp = ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => (typeof port === 'number' ? p.port === port : p.name === port))
  if (!sp) return undefined
  const out: Addr[] = []
  for (const slice of world.view.store.list('EndpointSlice', namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service) continue
    const slicePort = ((slice.ports ?? []) as SlicePort[]).find((p) => (p.name ?? '') === (sp.name ?? ''))
    if (!slicePort) continue
    for (const ep of (slice.endpoints ?? []) as SliceEndpoint[]) {
      if (ep.conditions?.ready === false) continue
      for (const ip of ep.addresses ?? []) out.push({ ip, port: slicePort.port as number })
    }
  }
  return out
}

/** The controller's answer to `req`, arrived on `local` from `peer` (as the controller pod saw them). */
export function ingressServe(world: NetworkWorld, tb: TraceBuilder, controller: NetPod, req: HttpRequest, peer: Addr, local: Addr, appAnswer: AppAnswer): HttpResponse {
  const now = world.view.now
  const at = `pod/${controller.name}`
  const tls = req.scheme === 'https'
  if (!tls && local.port === 443) {
    const body = '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
    return { status: 400, headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'close']], body }
  }
  const host = headerValue(req, 'host') ?? ''
  const ingresses = ingressesServedBy(world.view.store, controller.obj)
  const match = matchIngress(ingresses, host, req.path)
  if (!match) {
    tb.hop({ at, component: 'ingress-controller', action: 'respond', src: peer, dst: local, rule: null,
      note: `No Ingress rule matches host "${host.replace(/:\d+$/, '')}" and path ${req.path.split('?')[0]}: ingress-nginx answers 404 itself.` })
    return page(404, now)
  }
  if (match.tlsHosts && !tls) {
    const location = `https://${host.replace(/:\d+$/, '')}${req.path}`
    tb.hop({ at, component: 'ingress-controller', action: 'redirect', src: peer, dst: local, rule: match.rule, note: 'The host has a TLS section, so ingress-nginx redirects plain HTTP to HTTPS (308).' })
    return page(308, now, [['Location', location]])
  }
  const ns = match.ingress.metadata.namespace ?? 'default'
  const endpoints = endpointFor(world, ns, match.backend.service, match.backend.port)
  if (!endpoints?.length) {
    tb.hop({ at, component: 'ingress-controller', action: 'respond', src: peer, dst: local, rule: match.rule,
      note: `Service ${ns}/${match.backend.service} ${endpoints ? 'has no ready endpoints' : 'does not exist (or lacks that port)'}: ingress-nginx answers 503.` })
    return page(503, now)
  }
  const rrKey = `ingress-rr/${ns}/${match.backend.service}:${match.backend.port}`
  const n = world.served.get(rrKey) ?? 0
  world.served.set(rrKey, n + 1)
  const target = endpoints[n % endpoints.length]
  const upstreamReq: HttpRequest = {
    ...req, scheme: 'http',
    headers: [...req.headers.filter(([n]) => !/^connection$/i.test(n)),
      ['X-Request-ID', requestId(world)], ['X-Real-IP', peer.ip], ['X-Forwarded-For', peer.ip], ['X-Forwarded-Host', host.replace(/:\d+$/, '')],
      ['X-Forwarded-Port', String(local.port)], ['X-Forwarded-Proto', req.scheme], ['X-Forwarded-Scheme', req.scheme], ['X-Scheme', req.scheme]],
  }
  // nginx ends the client's connection and opens its own to the pod: the hop shows the packet on both.
  const upSrc: Addr = { ip: controller.ip, port: ephemeralPort(world) }
  tb.hop({ at, component: 'ingress-controller', action: 'route', src: peer, dst: local, srcAfter: upSrc, dstAfter: target, rule: `Ingress ${ns}/${match.ingress.metadata.name}: ${match.rule}`,
    note: `ingress-nginx picks endpoint ${target.ip}:${target.port} of Service ${match.backend.service} (round robin) and connects to the pod directly, not through the cluster IP.` })
  let answer: HttpResponse | undefined
  const conn = connect(world, tb, { kind: 'pod', pod: controller }, target, 'tcp', undefined, (server, p, l, t) => { answer = appAnswer(server, upstreamReq, p, l, t) }, upSrc.port)
  if (conn.status !== 'open' || !answer) return page(conn.status === 'timeout' ? 504 : 502, now)
  tb.hop({ at, component: 'ingress-controller', action: 'proxy', src: target, dst: upSrc, srcAfter: local, dstAfter: peer, rule: null,
    note: `ingress-nginx passes the pod's answer (${answer.status}) back on the client's connection.` })
  const headers: [string, string][] = [['Date', httpDate(now)], ...answer.headers.filter(([h]) => !/^(date|server|connection|transfer-encoding|content-length|keep-alive)$/i.test(h)),
    ['Content-Length', String(byteLength(answer.body))], ['Connection', 'keep-alive']]
  if (tls) headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'])
  return { status: answer.status, headers, body: answer.body }
}

function requestId(world: NetworkWorld): string {
  let out = ''
  for (let i = 0; i < 32; i++) out += world.random.int(0, 15).toString(16)
  return out
}
