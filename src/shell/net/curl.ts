// curl, on the host (Ubuntu 24.04's curl 8.5.0) or in a pod. Messages and exit codes are curl's own
// (lib/strerror.c, lib/connect.c "Failed to connect to %s port %u after %ld ms: %s", lib/multi.c
// "Connection timed out after %ld milliseconds"); several URLs share one keep-alive connection per host:port.
import type { Command, CommandIO, ShellHost } from '../command.ts'
import { CurlUsage, parseCurlArgs, parseUrl } from './curl-args.ts'
import type { CurlOptions, ParsedUrl } from './curl-args.ts'
import { finishTool, netContext, toolInImage } from './context.ts'
import { execNotFound } from './exec-not-found.ts'
import type { NetContext } from './context.ts'
import { resolveName } from './resolve.ts'
import { httpExchange } from '../../engine/network/http-exchange.ts'
import type { ConnMemo } from '../../engine/network/connect.ts'
import type { HttpRequest, HttpResponse } from '../../engine/apps/http.ts'
import { REASONS, byteLength } from '../../engine/apps/http.ts'
import { TraceBuilder } from '../../engine/trace/builder.ts'

/** The curl version of the machine or image the tool runs on. */
function curlVersion(ctx: NetContext): string {
  if (ctx.client.kind === 'host') return '8.5.0'
  const image = ctx.image ?? ''
  if (/curlimages\/curl|netshoot/.test(image)) return '8.12.1'
  return '7.88.1'
}

interface Transfer { code: number; bytes: number; status: number; remote?: { ip: string; port: number }; local?: { ip: string; port: number } }

/** curl's -w variables. */
function writeOut(format: string, t: Transfer, url: string, connects: number): string {
  const text = format.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r')
  return text.replace(/%\{([a-z_]+)\}/g, (all, name: string) => {
    switch (name) {
      case 'http_code': case 'response_code': return String(t.status).padStart(3, '0')
      case 'remote_ip': return t.remote?.ip ?? ''
      case 'remote_port': return t.remote ? String(t.remote.port) : ''
      case 'local_ip': return t.local?.ip ?? ''
      case 'local_port': return t.local ? String(t.local.port) : ''
      case 'size_download': return String(t.bytes)
      case 'url_effective': case 'url': return url
      case 'num_connects': return String(connects)
      case 'exitcode': return String(t.code)
      case 'time_total': case 'time_connect': case 'time_starttransfer': return '0.002000'
      default: return all
    }
  }).replace(/%%/g, '%')
}

export const curl: Command = (io, host) => {
  let opts: CurlOptions
  try {
    opts = parseCurlArgs(io.argv.slice(1))
  } catch (e) {
    if (e instanceof CurlUsage) { io.err(e.message + '\n'); return e.code }
    throw e
  }
  const ctx = netContext(io, host)
  if ('error' in ctx) { io.err(ctx.error + '\n'); return 1 }
  if (io.location.kind === 'pod' && !toolInImage(ctx.image, 'curl')) return execNotFound(io, host, 'curl')
  if (!opts.urls.length) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n")
    return 2
  }
  const quietErrors = opts.silent && !opts.showError
  let transfer: { url: string; status: number; remote?: { ip: string; port: number }; local?: { ip: string; port: number } } = { url: '', status: 0 }
  // curl prints the error, then -w (tool_operate.c post_per_transfer): a failed connection's %{http_code} is 000.
  const fail = (code: number, message: string) => {
    if (opts.verbose) io.err(`* ${message.replace(/^curl: \(\d+\) /, '')}\n* Closing connection\n`)
    if (!quietErrors) io.err(`${message}\n`)
    if (opts.writeOut) io.out(writeOut(opts.writeOut, { code, bytes: 0, status: transfer.status, remote: transfer.remote, local: transfer.local }, transfer.url, connects))
    return code
  }
  const memos = new Map<string, ConnMemo>()
  let exit = 0
  let waited = 0
  let connects = 0
  const version = curlVersion(ctx)
  for (const raw of opts.urls) {
    transfer = { url: raw, status: 0 }
    const url = parseUrl(raw)
    if ('error' in url) { exit = fail(url.code, url.error); continue }
    const forced = opts.resolve.find((r) => r.host.toLowerCase() === url.host && r.port === url.port)
    if (forced && opts.verbose) io.err(`* Added ${forced.host}:${forced.port}:${forced.ip} to DNS cache\n`)
    let ip = forced?.ip
    if (!ip) {
      const r = resolveName(ctx, host, url.host)
      r.traces.forEach((t) => io.trace(t))
      ip = r.ip
      if (r.timedOut) waited += 10
    } else if (opts.verbose) io.err(`* Hostname ${url.host} was found in DNS cache\n`)
    const to = raw.includes('://') ? raw : `http://${raw}`
    transfer.url = to
    if (!ip) {
      io.trace(new TraceBuilder(ctx.from, to).finish('unresolved', null, null))
      exit = fail(6, `curl: (6) Could not resolve host: ${url.host}`)
      continue
    }
    if (!ctx.world) {
      io.trace(new TraceBuilder(ctx.from, to).finish('timeout', null, null))
      const ms = opts.maxTime ? opts.maxTime * 1000 + 1 : 130000
      waited += ms / 1000
      exit = fail(28, opts.maxTime ? `curl: (28) Connection timed out after ${ms} milliseconds` : `curl: (28) Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`)
      continue
    }
    const key = `${ip}:${url.port}`
    const memo = memos.get(key)
    if (opts.verbose) io.err(memo ? `* Re-using existing connection with host ${url.host}\n` : `*   Trying ${ip}:${url.port}...\n`)
    const req = buildRequest(opts, url, version)
    const ex = httpExchange(ctx.world, ctx.client, { ip, port: url.port }, req, to, memo, ctx.from)
    io.trace(ex.trace)
    const limit = opts.maxTime ?? opts.connectTimeout
    if (ex.conn.status === 'timeout') {
      memos.delete(key)
      const ms = limit !== undefined ? Math.round(limit * 1000) + 1 : 127000 + ctx.world.random.int(500, 4500)
      waited += ms / 1000
      exit = fail(28, limit !== undefined ? `curl: (28) Connection timed out after ${ms} milliseconds` : `curl: (28) Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`)
      continue
    }
    if (ex.conn.status === 'refused') {
      memos.delete(key)
      if (opts.verbose) io.err(`* connect to ${ip} port ${url.port} from ${ex.conn.client.ip} port ${ex.conn.client.port} failed: Connection refused\n`)
      exit = fail(7, `curl: (7) Failed to connect to ${url.host} port ${url.port} after ${ip.startsWith('127.') ? 0 : 1} ms: Couldn't connect to server`)
      continue
    }
    transfer.remote = { ip, port: url.port }
    transfer.local = ex.conn.client
    if (!memo) connects++
    if (opts.verbose && !memo) io.err(`* Connected to ${url.host} (${ip}) port ${url.port}${version.startsWith('7.') ? ' (#0)' : ''}\n`)
    const res = ex.response
    if (ex.conn.status === 'empty-reply' || !res) {
      memos.delete(key)
      exit = fail(52, 'curl: (52) Empty reply from server')
      continue
    }
    if (res.tlsError === 35) { memos.delete(key); exit = fail(35, `curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number`); continue }
    if (res.tlsError === 60) {
      memos.delete(key)
      const text = 'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.'
      exit = fail(60, text)
      continue
    }
    memos.set(key, ex.conn.memo)
    exit = 0
    if (opts.verbose && url.scheme === 'https') io.err(`* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS\n* Server certificate:\n*  subject: ${res.certificate ?? ''}\n${res.certificateTrusted ? '*  SSL certificate verify ok.' : '*  SSL certificate verify result: self-signed certificate (18), continuing anyway.'}\n`)
    transfer.status = res.status
    // -f: "fail fast with no output at all on server errors" (curl's manual): the body is not written.
    if (!(opts.fail && res.status >= 400)) printExchange(io, host, ctx, opts, req, res)
    if (opts.fail && res.status >= 400) {
      exit = fail(22, `curl: (22) The requested URL returned error: ${res.status}`)
      continue
    }
    if (opts.writeOut) io.out(writeOut(opts.writeOut, { code: 0, bytes: byteLength(res.body), status: res.status, remote: { ip, port: url.port }, local: ex.conn.client }, to, connects))
    if (opts.verbose) io.err(`* Connection #0 to host ${url.host} left intact\n`)
  }
  finishTool(ctx, waited)
  return exit
}

function buildRequest(opts: CurlOptions, url: ParsedUrl, version: string): HttpRequest {
  const hostHeader = url.explicitPort ? `${url.host}:${url.port}` : url.host
  const headers: [string, string][] = [['Host', hostHeader], ['User-Agent', opts.userAgent ?? `curl/${version}`], ['Accept', '*/*']]
  for (const [n, v] of opts.headers) {
    const i = headers.findIndex(([h]) => h.toLowerCase() === n.toLowerCase())
    if (i >= 0) { if (v) headers[i] = [headers[i][0] === n ? n : n, v]; else headers.splice(i, 1) } else if (v) headers.push([n, v])
  }
  const method = opts.method ?? (opts.head ? 'HEAD' : opts.data !== undefined ? 'POST' : 'GET')
  if (opts.data !== undefined) headers.push(['Content-Length', String(byteLength(opts.data))], ['Content-Type', 'application/x-www-form-urlencoded'])
  const sni = headers.find(([h]) => h.toLowerCase() === 'host')?.[1].replace(/:\d+$/, '') ?? url.host
  return { method, path: url.path, headers, body: opts.data, scheme: url.scheme, tls: url.scheme === 'https' ? { insecure: opts.insecure, sni: url.host || sni } : undefined }
}

function printExchange(io: CommandIO, host: ShellHost, ctx: NetContext, opts: CurlOptions, req: HttpRequest, res: HttpResponse): void {
  const statusLine = `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}`
  if (opts.verbose) {
    io.err([`${req.method} ${req.path} HTTP/1.1`, ...req.headers.map(([n, v]) => `${n}: ${v}`), ''].map((l) => `> ${l}\r\n`).join(''))
    io.err([statusLine, ...res.headers.map(([n, v]) => `${n}: ${v}`), ''].map((l) => `< ${l}\r\n`).join(''))
  }
  const head = [statusLine, ...res.headers.map(([n, v]) => `${n}: ${v}`), ''].map((l) => `${l}\r\n`).join('')
  const body = req.method === 'HEAD' ? '' : res.body
  const text = (opts.include || opts.head ? head : '') + body
  if (opts.output && opts.output !== '-') {
    if (opts.output !== '/dev/null' && ctx.client.kind === 'host') host.hostFiles.set(opts.output, text)
    return
  }
  io.out(text)
}
