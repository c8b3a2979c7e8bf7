// A plain GET with a fresh connection, shared by wget: resolve, connect, answer, trace.
import type { ShellHost } from '../command.ts'
import type { NetContext } from './context.ts'
import { resolveName } from './resolve.ts'
import { parseUrl } from './curl-args.ts'
import { httpExchange } from '../../engine/network/http-exchange.ts'
import type { HttpResponse } from '../../engine/apps/http.ts'
import type { Trace } from '../../engine/trace/types.ts'
import { TraceBuilder } from '../../engine/trace/builder.ts'

export type GetResult =
  | { kind: 'bad-url' }
  | { kind: 'unresolved'; host: string }
  | { kind: 'refused' | 'timeout' | 'empty'; host: string; ip: string; port: number }
  | { kind: 'response'; host: string; ip: string; port: number; response: HttpResponse }

export function httpGet(ctx: NetContext, host: ShellHost, raw: string, userAgent: string, trace: (t: Trace) => void): GetResult {
  const url = parseUrl(raw)
  if ('error' in url) return { kind: 'bad-url' }
  const r = resolveName(ctx, host, url.host)
  r.traces.forEach(trace)
  const to = raw.includes('://') ? raw : `http://${raw}`
  if (!r.ip) { trace(new TraceBuilder(ctx.from, to).finish('unresolved', null, null)); return { kind: 'unresolved', host: url.host } }
  if (!ctx.world) return { kind: 'timeout', host: url.host, ip: r.ip, port: url.port }
  const hostHeader = url.explicitPort ? `${url.host}:${url.port}` : url.host
  const ex = httpExchange(ctx.world, ctx.client, { ip: r.ip, port: url.port }, { method: 'GET', path: url.path, scheme: url.scheme,
    headers: [['Host', hostHeader], ['User-Agent', userAgent], ['Accept', '*/*'], ['Connection', 'close']], tls: url.scheme === 'https' ? { insecure: false, sni: url.host } : undefined }, to, undefined, ctx.from)
  trace(ex.trace)
  if (ex.conn.status === 'open' && ex.response) return { kind: 'response', host: url.host, ip: r.ip, port: url.port, response: ex.response }
  const kind = ex.conn.status === 'open' || ex.conn.status === 'empty-reply' ? 'empty' : ex.conn.status
  return { kind, host: url.host, ip: r.ip, port: url.port }
}
