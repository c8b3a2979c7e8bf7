// registry.k8s.io/echoserver (1.10): nginx + lua printing the request back, the image of the minikube and
// Kubernetes tutorials. Layout copied from its real output (two blank lines first, tab-indented sections,
// headers lower-cased and sorted). It listens on 8080.
import type { HttpRequest, HttpResponse } from './http.ts'
import { headerValue, httpDate } from './http.ts'
import type { ServerContext } from './server-context.ts'

/** The echoed request, with `client_address` = the peer address the pod saw (SNAT makes it the node). */
export function echoserverRespond(req: HttpRequest, ctx: ServerContext): HttpResponse {
  const [path, query = ''] = req.path.split(/\?(.*)/s)
  const hostHeader = headerValue(req, 'host') ?? ctx.localIP
  const hostOnly = hostHeader.replace(/:\d+$/, '')
  const headers = req.headers.map(([n, v]) => [n.toLowerCase(), v] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const lines = [
    '', '', `Hostname: ${ctx.podName}`, '',
    'Pod Information:', '\t-no pod information available-', '',
    'Server values:', '\tserver_version=nginx: 1.13.3 - lua: 10008', '',
    'Request Information:',
    `\tclient_address=${ctx.remoteIP}`,
    `\tmethod=${req.method}`,
    `\treal path=${path}`,
    `\tquery=${query}`,
    '\trequest_version=1.1',
    `\trequest_scheme=${req.scheme}`,
    `\trequest_uri=${req.scheme}://${hostOnly}:${ctx.localPort}${req.path}`, '',
    'Request Headers:',
    ...headers.map(([n, v]) => `\t${n}=${v}`), '',
    'Request Body:',
    req.body ? `\t${req.body}` : '\t-no body in request-', '', '',
  ]
  return {
    status: 200,
    headers: [['Server', 'nginx/1.13.3'], ['Date', httpDate(ctx.now)], ['Content-Type', 'text/plain'], ['Transfer-Encoding', 'chunked'], ['Connection', 'keep-alive']],
    body: lines.join('\n'),
  }
}
