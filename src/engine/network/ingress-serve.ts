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
import { proxyToEndpoint } from './proxy-upstream.ts'
import type { AppAnswer } from './proxy-upstream.ts'
import { ingressesServedBy } from '../ingress/classes.ts'
import { matchIngress } from '../ingress/match.ts'

function page(status: number, now: number, extra: [string, string][] = []): HttpResponse {
  const body = nginxErrorPage(status, REASONS[status] ?? '', false)
  return { status, headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'], ...extra], body }
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
  const request = (): HttpRequest => ({
    ...req, scheme: 'http',
    headers: [...req.headers.filter(([n]) => !/^connection$/i.test(n)),
      ['X-Request-ID', requestId(world)], ['X-Real-IP', peer.ip], ['X-Forwarded-For', peer.ip], ['X-Forwarded-Host', host.replace(/:\d+$/, '')],
      ['X-Forwarded-Port', String(local.port)], ['X-Forwarded-Proto', req.scheme], ['X-Forwarded-Scheme', req.scheme], ['X-Scheme', req.scheme]],
  })
  const plan = { proxy: 'ingress-nginx', namespace: ns, service: match.backend.service, port: match.backend.port, rule: `Ingress ${ns}/${match.ingress.metadata.name}: ${match.rule}`, request }
  const result = proxyToEndpoint(world, tb, controller, plan, peer, local, appAnswer)
  if (result.kind === 'no-backend') {
    tb.hop({ at, component: 'ingress-controller', action: 'respond', src: peer, dst: local, rule: match.rule,
      note: `Service ${ns}/${match.backend.service} ${result.endpoints ? 'has no ready endpoints' : 'does not exist (or lacks that port)'}: ingress-nginx answers 503.` })
    return page(503, now)
  }
  if (result.kind === 'unreachable') return page(result.timeout ? 504 : 502, now)
  const answer = result.response
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
