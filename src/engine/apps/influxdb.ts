// influxd 2.7's HTTP API (as far as people probe it) and ansilh/demo-coffee's page.
import type { HttpRequest, HttpResponse } from './http.ts'
import { byteLength, httpDate } from './http.ts'
import type { ServerContext } from './server-context.ts'

const BUILD: [string, string][] = [['X-Influxdb-Build', 'OSS'], ['X-Influxdb-Version', 'v2.7.11']]

function json(status: number, body: string, ctx: ServerContext): HttpResponse {
  return { status, headers: [['Content-Type', 'application/json; charset=utf-8'], ...BUILD, ['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(body))]], body }
}

/** `/ping` → 204 with the build headers, `/health` → pass, anything else the API's JSON 404. */
export function influxdbRespond(app: string, req: HttpRequest, ctx: ServerContext): HttpResponse {
  const path = req.path.replace(/\?.*$/, '')
  if (app === 'demo-coffee') {
    const body = `<html><head><title>Coffee</title></head><body><h1>Coffee served from ${ctx.podName}</h1></body></html>\n`
    return { status: 200, headers: [['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/html; charset=utf-8']], body }
  }
  if (path === '/ping') return { status: 204, headers: [['Vary', 'Accept-Encoding'], ...BUILD, ['Date', httpDate(ctx.now)]], body: '' }
  if (path === '/health') return json(200, '{"name":"influxdb", "message":"ready for queries and writes", "status":"pass", "checks":[], "version": "v2.7.11", "commit": "fbf5d4ab5e"}\n', ctx)
  return json(404, '{"code":"not found","message":"path not found"}', ctx)
}
