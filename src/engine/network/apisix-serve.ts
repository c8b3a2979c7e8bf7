// An APISIX gateway pod answering one request on its proxy port (9080): the route apisix-ingress-controller synced
// from the ApisixRoutes (../apisix/match.ts), then the same upstream hop as ingress-nginx (proxy-upstream.ts: a
// ready endpoint of the backend Service, round robin, straight to the pod). Without a matching route, or before
// an ingress controller has synced any, APISIX answers its own 404 JSON. Its Admin API (9180) wants an API key.
// Upstream: apache/apisix apisix/init.lua (http_access_phase: `404 Route Not Found`), apisix/admin/init.lua
// (check_token: `failed to check token`), apisix/core/response.lua (a table body is JSON plus a newline).
import type { HttpRequest, HttpResponse } from '../apps/http.ts'
import { byteLength, headerValue, httpDate } from '../apps/http.ts'
import type { TraceBuilder } from '../trace/builder.ts'
import type { NetPod } from './view.ts'
import type { NetworkWorld } from './world.ts'
import type { Addr } from './packet.ts'
import { proxyToEndpoint } from './proxy-upstream.ts'
import type { AppAnswer } from './proxy-upstream.ts'
import { matchApisixRoute } from '../apisix/match.ts'
import { imageFamily, parseImage } from '../images/index.ts'

/** APISIX's version from its image tag (`2.15.0-alpine` → 2.15.0), as its Server header carries it. */
function version(controller: NetPod): string {
  const image = controller.containers.find((c) => imageFamily(c.image)?.app === 'apisix')?.image ?? ''
  return (parseImage(image).tag ?? '').replace(/-.*$/, '') || '2.15.0'
}

function own(status: number, message: string, now: number, server: string): HttpResponse {
  const body = `${JSON.stringify({ error_msg: message })}\n`
  return { status, headers: [['Date', httpDate(now)], ['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'], ['Server', server]], body }
}

/** Whether an apisix-ingress-controller pod runs: only then are ApisixRoutes turned into APISIX routes. */
function controllerSyncs(world: NetworkWorld): boolean {
  return world.view.pods.some((p) => p.running && p.containers.some((c) => imageFamily(c.image)?.repositories.includes('docker.io/apache/apisix-ingress-controller')))
}

/** The gateway's answer to `req`, arrived on `local` from `peer` (as the APISIX pod saw them). */
export function apisixServe(world: NetworkWorld, tb: TraceBuilder, controller: NetPod, req: HttpRequest, peer: Addr, local: Addr, appAnswer: AppAnswer): HttpResponse {
  const now = world.view.now
  const at = `pod/${controller.name}`
  const server = `APISIX/${version(controller)}`
  if (local.port === 9180) {
    tb.hop({ at, component: 'ingress-controller', action: 'respond', src: peer, dst: local, rule: null, note: 'The Admin API wants the X-API-KEY header (admin_key in config.yaml): APISIX answers 401.' })
    return own(401, 'failed to check token', now, server)
  }
  const host = headerValue(req, 'host') ?? local.ip
  const routes = controllerSyncs(world) ? world.view.store.list('ApisixRoute') : []
  const match = matchApisixRoute(routes, host, req.method, req.path)
  const backend = match?.backends[0]
  if (!match || !backend) {
    tb.hop({ at, component: 'ingress-controller', action: 'respond', src: peer, dst: local, rule: match ? `ApisixRoute ${match.route.metadata.namespace}/${match.route.metadata.name}: ${match.name}` : null,
      note: routes.length || !match
        ? `No ApisixRoute rule matches ${req.method} ${req.path.split('?')[0]} on host "${host.replace(/:\d+$/, '')}": APISIX answers 404 itself.`
        : 'The rule has no backend: APISIX answers 404 itself.' })
    return own(404, '404 Route Not Found', now, server)
  }
  const ns = match.route.metadata.namespace ?? 'default'
  const request = (): HttpRequest => ({
    ...req, scheme: 'http',
    headers: [...req.headers.filter(([n]) => !/^connection$/i.test(n)),
      ['X-Real-IP', peer.ip], ['X-Forwarded-For', peer.ip], ['X-Forwarded-Proto', req.scheme], ['X-Forwarded-Host', host.replace(/:\d+$/, '')], ['X-Forwarded-Port', String(local.port)]],
  })
  const rule = `ApisixRoute ${ns}/${match.route.metadata.name}: ${match.name} (paths ${match.path})`
  const result = proxyToEndpoint(world, tb, controller, { proxy: 'APISIX', namespace: ns, service: backend.serviceName, port: backend.servicePort, rule, request }, peer, local, appAnswer)
  if (result.kind === 'no-backend') {
    tb.hop({ at, component: 'ingress-controller', action: 'respond', src: peer, dst: local, rule,
      note: `Service ${ns}/${backend.serviceName} ${result.endpoints ? 'has no ready endpoints' : 'does not exist (or lacks that port)'}: the upstream has no nodes, APISIX answers 503.` })
    return own(503, 'no valid upstream node', now, server)
  }
  if (result.kind === 'unreachable') {
    const body = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>openresty</center>\r\n<p><em>Powered by <a href="https://apisix.apache.org/">APISIX</a>.</em></p></body>\r\n</html>\r\n`
    return { status: 502, headers: [['Date', httpDate(now)], ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'], ['Server', server]], body }
  }
  const answer = result.response
  const headers: [string, string][] = [...answer.headers.filter(([h]) => !/^(server|connection|transfer-encoding|content-length|keep-alive)$/i.test(h)),
    ['Content-Length', String(byteLength(answer.body))], ['Connection', 'keep-alive'], ['Server', server]]
  return { status: answer.status, headers, body: answer.body }
}
