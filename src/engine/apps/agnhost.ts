// agnhost's serving subcommands (kubernetes test/images/agnhost): netexec (HTTP on --http-port, 8080; "/" answers
// "NOW: <time>", /hostname the pod's hostname, /clientip the peer, /echo?msg=) and serve-hostname (the hostname on
// --port, 9376). `pause`, the image's CMD, binds nothing.
import type { HttpRequest, HttpResponse } from './http.ts'
import { byteLength, httpDate } from './http.ts'
import type { ServerContext } from './server-context.ts'
import type { ProcessSpec } from '../images/process.ts'
import { serverArgv } from '../images/process.ts'
import { agnhostFlag, queryParam } from '../images/agnhost.ts'

type Mode = { sub: 'netexec' | 'serve-hostname'; port: number } | { sub: 'other' }

function mode(c: ProcessSpec): Mode {
  const argv = serverArgv(c)
  const sub = argv.slice(1).find((a) => !a.startsWith('-'))
  if (sub === 'netexec') return { sub, port: Number(agnhostFlag(argv, 'http-port') ?? 8080) }
  if (sub === 'serve-hostname') return { sub, port: Number(agnhostFlag(argv, 'port') ?? 9376) }
  return { sub: 'other' }
}

export function agnhostPorts(c: ProcessSpec): number[] {
  const m = mode(c)
  return m.sub === 'other' ? [] : [m.port]
}

/** Go's time.Time.String() without the monotonic reading: `2026-12-07 02:44:01.5 +0000 UTC`. */
function goTime(seconds: number): string {
  const d = new Date(Math.floor(seconds) * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  const nanos = Math.round((seconds - Math.floor(seconds)) * 1e9)
  const frac = nanos ? '.' + String(nanos).padStart(9, '0').replace(/0+$/, '') : ''
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${frac} +0000 UTC`
}

function text(status: number, body: string, ctx: ServerContext): HttpResponse {
  return { status, headers: [['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/plain; charset=utf-8']], body }
}

export function agnhostRespond(c: ProcessSpec, req: HttpRequest, ctx: ServerContext): HttpResponse {
  if (mode(c).sub === 'serve-hostname') return text(200, ctx.podName, ctx)
  const [path, query = ''] = req.path.split('?')
  const param = (k: string) => queryParam(query, k)
  switch (path) {
    case '/hostname': case '/hostName': return text(200, ctx.podName, ctx)
    case '/clientip': return text(200, `${ctx.remoteIP}:${ctx.remotePort}`, ctx)
    case '/healthz': return text(200, '', ctx)
    case '/echo': {
      const code = param('code')
      return text(code && /^\d+$/.test(code) ? Number(code) : 200, param('msg'), ctx)
    }
    default: return text(200, `NOW: ${goTime(ctx.now)}`, ctx)
  }
}
