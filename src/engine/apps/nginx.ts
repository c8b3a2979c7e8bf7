// The nginx image as a server: it reads its (possibly ConfigMap-mounted) configuration, listens where `listen`
// says, picks a server block and a location as nginx does (ngx_http_core_find_location: exact, longest prefix,
// `^~`, then regexes in order), and answers `return` directives or static files.
import type { HttpRequest, HttpResponse } from './http.ts'
import { REASONS, byteLength, headerValue, httpDate } from './http.ts'
import type { Directive } from './nginx-conf.ts'
import { expandIncludes, parseNginxConf } from './nginx-conf.ts'
import { NGINX_HTML_MTIME, NGINX_VERSION, nginxErrorPage } from './nginx-stock.ts'
import type { ServerContext } from './server-context.ts'

interface ServerBlock {
  ports: number[]
  defaultServer: boolean
  names: string[]
  directives: Directive[]
}

export interface NginxConfig {
  servers: ServerBlock[]
  http: Directive[]
  /** Set when the configuration does not parse: nginx would exit and the container crash-loop. */
  error?: string
}

/** Reads nginx.conf (and what it includes) from the container's files. */
export function loadNginxConfig(files: ReadonlyMap<string, string>): NginxConfig {
  const main = files.get('/etc/nginx/nginx.conf')
  if (main === undefined) return { servers: [], http: [], error: 'open() "/etc/nginx/nginx.conf" failed (2: No such file or directory)' }
  let tree: Directive[]
  try {
    tree = expandIncludes(parseNginxConf(main), files)
  } catch (err) {
    return { servers: [], http: [], error: (err as Error).message }
  }
  const http = tree.find((d) => d.name === 'http')?.block ?? []
  const servers = http.filter((d) => d.name === 'server' && d.block).map((d) => toServer(d.block!))
  return { servers, http }
}

function toServer(block: Directive[]): ServerBlock {
  const listens = block.filter((d) => d.name === 'listen')
  const ports: number[] = []
  let defaultServer = false
  for (const l of listens) {
    const addr = l.args[0] ?? ''
    if (addr.startsWith('[')) continue // IPv6: the simulation is IPv4 only
    const port = Number(addr.includes(':') ? addr.slice(addr.lastIndexOf(':') + 1) : /^\d+$/.test(addr) ? addr : 80)
    if (Number.isInteger(port)) ports.push(port)
    if (l.args.includes('default_server') || l.args.includes('default')) defaultServer = true
  }
  // A server without `listen` listens on *:80 (nginx runs as root in the image).
  if (!listens.length) ports.push(80)
  const names = block.filter((d) => d.name === 'server_name').flatMap((d) => d.args)
  return { ports, defaultServer, names, directives: block }
}

/** TCP ports nginx opens with this configuration. */
export function nginxListenPorts(config: NginxConfig): number[] {
  return [...new Set(config.servers.flatMap((s) => s.ports))].sort((a, b) => a - b)
}

function pickServer(config: NginxConfig, port: number, host: string): ServerBlock | undefined {
  const candidates = config.servers.filter((s) => s.ports.includes(port))
  const name = host.replace(/:\d+$/, '').toLowerCase()
  return candidates.find((s) => s.names.some((n) => n.toLowerCase() === name))
    ?? candidates.find((s) => s.names.some((n) => n.startsWith('*.') && name.endsWith(n.slice(1).toLowerCase())))
    ?? candidates.find((s) => s.defaultServer) ?? candidates[0]
}

function pickLocation(directives: Directive[], uri: string): Directive | undefined {
  const locations = directives.filter((d) => d.name === 'location' && d.block)
  const exact = locations.find((l) => l.args[0] === '=' && l.args[1] === uri)
  if (exact) return exact
  let best: Directive | undefined
  let bestLen = -1
  for (const l of locations) {
    const [mod, arg] = l.args.length > 1 ? l.args : ['', l.args[0]]
    if (mod !== '' && mod !== '^~') continue
    if (arg !== undefined && uri.startsWith(arg) && arg.length > bestLen) { best = l; bestLen = arg.length }
  }
  if (best && best.args[0] === '^~') return best
  for (const l of locations) {
    if (l.args[0] !== '~' && l.args[0] !== '~*') continue
    try {
      if (new RegExp(l.args[1], l.args[0] === '~*' ? 'i' : '').test(uri)) return l
    } catch { /* nginx would have refused to start */ }
  }
  return best
}

function variables(req: HttpRequest, ctx: ServerContext, serverName: string): (name: string) => string {
  const [uri, args = ''] = req.path.split(/\?(.*)/s)
  return (name) => {
    switch (name) {
      case 'hostname': return ctx.podName
      case 'server_addr': return ctx.localIP
      case 'server_port': return String(ctx.localPort)
      case 'remote_addr': return ctx.remoteIP
      case 'remote_port': return String(ctx.remotePort)
      case 'request_uri': return req.path
      case 'uri': case 'document_uri': return uri
      case 'args': case 'query_string': return args
      case 'request_method': return req.method
      case 'scheme': return req.scheme
      case 'server_protocol': return 'HTTP/1.1'
      case 'server_name': return serverName
      case 'host': return (headerValue(req, 'host') ?? serverName).replace(/:\d+$/, '').toLowerCase()
      case 'nginx_version': return NGINX_VERSION
      default:
        if (name.startsWith('http_')) return headerValue(req, name.slice(5).replace(/_/g, '-')) ?? ''
        return ''
    }
  }
}

/** nginx's `$var` / `${var}` interpolation in `return` texts. */
function interpolate(text: string, lookup: (name: string) => string): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => lookup(a ?? b ?? ''))
}

function inherited(name: string, ...levels: (Directive[] | undefined)[]): Directive | undefined {
  for (const level of levels) {
    const d = level?.find((x) => x.name === name)
    if (d) return d
  }
  return undefined
}

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', json: 'application/json', css: 'text/css', js: 'application/javascript', xml: 'text/xml', svg: 'image/svg+xml' }

function baseHeaders(ctx: ServerContext): [string, string][] {
  return [['Server', `nginx/${NGINX_VERSION}`], ['Date', httpDate(ctx.now)]]
}

function errorResponse(status: number, ctx: ServerContext): HttpResponse {
  const body = nginxErrorPage(status, REASONS[status] ?? '')
  return { status, headers: [...baseHeaders(ctx), ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive']], body }
}

/**
 * Answers one request as nginx with this configuration would: the `return` directive of the matching
 * location (or server), else the static file under `root` (index.html for a directory), else 404.
 */
export function nginxRespond(config: NginxConfig, files: ReadonlyMap<string, string>, req: HttpRequest, ctx: ServerContext): HttpResponse {
  const host = headerValue(req, 'host') ?? ''
  const server = pickServer(config, ctx.localPort, host)
  if (!server) return errorResponse(404, ctx)
  const uri = req.path.split('?')[0]
  const location = pickLocation(server.directives, uri)
  const lookup = variables(req, ctx, server.names[0] ?? '')
  const ret = inherited('return', location?.block, server.directives)
  const defaultType = inherited('default_type', location?.block, server.directives, config.http)?.args[0] ?? 'text/plain'
  if (ret) {
    const code = Number(ret.args[0])
    if (!Number.isInteger(code)) return redirect(302, interpolate(ret.args[0], lookup), ctx)
    if ([301, 302, 303, 307, 308].includes(code)) return redirect(code, interpolate(ret.args[1] ?? '', lookup), ctx)
    if (ret.args.length < 2) return errorResponse(code, ctx)
    const body = interpolate(ret.args[1], lookup)
    return { status: code, headers: [...baseHeaders(ctx), ['Content-Type', defaultType], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive']], body }
  }
  const root = inherited('root', location?.block, server.directives, config.http)?.args[0] ?? '/etc/nginx/html'
  const index = inherited('index', location?.block, server.directives, config.http)?.args ?? ['index.html']
  const base = root.replace(/\/$/, '') + uri
  const candidates = uri.endsWith('/') ? index.map((i) => base + i) : [base]
  const file = candidates.find((f) => files.has(f))
  if (!file) {
    // A directory that exists but has no index file: autoindex is off, so 403.
    const dirExists = uri.endsWith('/') && [...files.keys()].some((f) => f.startsWith(base))
    return errorResponse(dirExists ? 403 : 404, ctx)
  }
  const body = files.get(file)!
  const ext = file.slice(file.lastIndexOf('.') + 1)
  const size = byteLength(body)
  const mtime = file.startsWith('/usr/share/nginx/html/') ? NGINX_HTML_MTIME : Math.floor(ctx.now)
  return {
    status: 200,
    headers: [...baseHeaders(ctx), ['Content-Type', MIME[ext] ?? defaultType], ['Content-Length', String(size)], ['Last-Modified', httpDate(mtime)],
      ['Connection', 'keep-alive'], ['ETag', `"${mtime.toString(16)}-${size.toString(16)}"`], ['Accept-Ranges', 'bytes']],
    body,
  }
}

function redirect(status: number, location: string, ctx: ServerContext): HttpResponse {
  const page = errorResponse(status, ctx)
  page.headers.splice(page.headers.length - 1, 0, ['Location', location])
  return page
}
