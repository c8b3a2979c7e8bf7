// What kube-apiserver and the kubelet answer an anonymous HTTPS client (a pod's `curl -sk
// https://kubernetes.default/...` without a token). The health endpoints are open to everyone
// (ClusterRole system:public-info-viewer: /healthz, /livez, /readyz, /version); every other path is
// refused by RBAC with a Status object, written pretty-printed without a trailing newline
// (apiserver endpoints/handlers/responsewriters Forbidden; apimachinery's json serializer with Pretty).
// The kubelet refuses anonymous requests outright (401, body "Unauthorized").
import type { HttpRequest, HttpResponse } from '../apps/http.ts'
import { byteLength, httpDate } from '../apps/http.ts'

const OPEN_PATHS = new Set(['/healthz', '/livez', '/readyz'])

function response(status: number, contentType: string, body: string, now: number, extra: [string, string][] = []): HttpResponse {
  return {
    status,
    headers: [['Cache-Control', 'no-cache, private'], ['Content-Type', contentType], ...extra,
      ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(now)], ['Content-Length', String(byteLength(body))]],
    body,
  }
}

/** The Status JSON of a refused anonymous request, as the API server pretty-prints it for curl. */
function forbiddenStatus(path: string): string {
  return JSON.stringify({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: `forbidden: User "system:anonymous" cannot get path "${path}"`, reason: 'Forbidden', details: {}, code: 403,
  }, null, 2)
}

/** The answer of `daemon` (kube-apiserver or kubelet) to an anonymous HTTPS request; `version` is the server's (`v1.32.2`). */
export function apiServerAnswer(daemon: string, req: HttpRequest, now: number, version: string): HttpResponse {
  const path = req.path.split('?')[0] || '/'
  if (daemon !== 'kube-apiserver') return { status: 401, headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Date', httpDate(now)], ['Content-Length', '12']], body: 'Unauthorized' }
  if (OPEN_PATHS.has(path)) return response(200, 'text/plain; charset=utf-8', 'ok', now)
  if (path === '/version' || path === '/version/') {
    // The same fields `kubectl version -o json` shows for the server (kubehop has no build commit or date to report).
    const info = { major: '1', minor: version.replace(/^v1\.(\d+).*$/, '$1'), gitVersion: version, gitTreeState: 'clean', compiler: 'gc', platform: 'linux/amd64' }
    return response(200, 'application/json', JSON.stringify(info, null, 2), now)
  }
  return response(403, 'application/json', forbiddenStatus(path), now)
}
