// Which HTTPRoute rule a Gateway listener sends a request to. Hostnames first (envoy's virtual host choice: an
// exact domain, then the longest wildcard, then the catch-all), then the spec's match precedence across every
// attached route (gateway-api apis/v1/httproute_types.go, HTTPRouteRule.Matches): an Exact path, the longest
// PathPrefix, a method match, the most header matches, the most query param matches; then the oldest route,
// then "{namespace}/{name}" alphabetically, then the first rule and match in list order.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { listenersAccepting } from './attach.ts'
import type { HTTPHeaderMatch, HTTPPathMatch, HTTPRouteMatch, HTTPRouteRule, Listener } from './types.ts'

export interface RequestLine {
  host: string
  method: string
  /** The path with its query string, as it came in the request line. */
  path: string
  headers: [string, string][]
}

export interface RouteMatch {
  route: KubeObject
  ruleIndex: number
  rule: HTTPRouteRule
  match: HTTPRouteMatch
  /** The hostname (virtual host domain) that took the request: `kubia.example.com`, `*.example.com`, `*`. */
  domain: string
}

/** PathPrefix is element-wise and ignores a trailing `/`: `/abc` matches `/abc`, `/abc/` and `/abc/def`, not `/abcd`. */
export function pathMatches(m: HTTPPathMatch | undefined, reqPath: string): boolean {
  const type = m?.type ?? 'PathPrefix'
  const value = m?.value ?? '/'
  if (type === 'Exact') return reqPath === value
  if (type === 'RegularExpression') {
    try { return new RegExp(`^(?:${value})$`).test(reqPath) } catch { return false }
  }
  const prefix = value.replace(/\/+$/, '')
  return prefix === '' || reqPath === prefix || reqPath.startsWith(prefix + '/')
}

function headerMatches(h: HTTPHeaderMatch, headers: [string, string][]): boolean {
  const got = headers.filter(([n]) => n.toLowerCase() === h.name.toLowerCase()).map(([, v]) => v)
  if (!got.length) return false
  const value = got.join(',')
  if (h.type === 'RegularExpression') {
    try { return new RegExp(`^(?:${h.value})$`).test(value) } catch { return false }
  }
  return value === h.value
}

/** The first value of each query parameter (`a=1&b=2`). */
function parseQuery(raw: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const pair of raw.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const name = decodeSafe(eq < 0 ? pair : pair.slice(0, eq))
    if (!out.has(name)) out.set(name, decodeSafe(eq < 0 ? '' : pair.slice(eq + 1)))
  }
  return out
}

function decodeSafe(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')) } catch { return s }
}

function queryMatches(q: HTTPHeaderMatch, query: Map<string, string>): boolean {
  const v = query.get(q.name)
  if (v === undefined) return false
  if (q.type === 'RegularExpression') {
    try { return new RegExp(`^(?:${q.value})$`).test(v) } catch { return false }
  }
  return v === q.value
}

/** Whether one HTTPRouteMatch takes the request (every condition in it must hold). */
function matchTakes(m: HTTPRouteMatch, req: RequestLine): boolean {
  const [rawPath, rawQuery = ''] = req.path.split('?', 2)
  const query = parseQuery(rawQuery)
  return pathMatches(m.path, rawPath || '/')
    && (!m.method || m.method === req.method)
    && (m.headers ?? []).every((h) => headerMatches(h, req.headers))
    && (m.queryParams ?? []).every((q) => queryMatches(q, query))
}

/** A wildcard `*.example.com` covers any name ending in `.example.com` (one label or more). */
function hostCovered(pattern: string, host: string): boolean {
  if (pattern === '*') return true
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
  return pattern === host
}

/** The route's hostnames as the listener narrows them (their intersection); `*` when neither sets any. */
function effectiveHostnames(route: KubeObject, listener: Listener): string[] {
  const own = (route.spec?.hostnames ?? []) as string[]
  const lh = listener.hostname
  if (!own.length) return [lh ?? '*']
  if (!lh) return own
  return own.flatMap((h) => (hostCovered(lh, h) ? [h] : hostCovered(h, lh) ? [lh] : []))
}

/** Envoy's domain order: exact names, then wildcards longest first, then the catch-all. */
function domainRank(d: string): number {
  if (d === '*') return 0
  return d.startsWith('*.') ? 1000 + d.length : 100000 + d.length
}

type Candidate = RouteMatch & { matchIndex: number }

function compare(a: Candidate, b: Candidate): number {
  const pa = a.match.path ?? {}
  const pb = b.match.path ?? {}
  const exact = Number(pb.type === 'Exact') - Number(pa.type === 'Exact')
  if (exact) return exact
  const prefixLen = (pb.type === 'PathPrefix' || !pb.type ? (pb.value ?? '/').length : 0) - (pa.type === 'PathPrefix' || !pa.type ? (pa.value ?? '/').length : 0)
  if (prefixLen) return prefixLen
  const method = Number(!!b.match.method) - Number(!!a.match.method)
  if (method) return method
  const headers = (b.match.headers ?? []).length - (a.match.headers ?? []).length
  if (headers) return headers
  const queries = (b.match.queryParams ?? []).length - (a.match.queryParams ?? []).length
  if (queries) return queries
  const age = String(a.route.metadata.creationTimestamp ?? '').localeCompare(String(b.route.metadata.creationTimestamp ?? ''))
  if (age) return age
  const ka = `${a.route.metadata.namespace}/${a.route.metadata.name}`
  const kb = `${b.route.metadata.namespace}/${b.route.metadata.name}`
  if (ka !== kb) return ka < kb ? -1 : 1
  return a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex
}

/**
 * The rule of a route attached to `gateway` on `port` that takes the request; undefined: envoy's 404. Listeners
 * sharing a port share one envoy listener (cloud-provider-kind aggregates them), so every route accepted by any
 * of them competes, each with the hostnames its own listener allows.
 */
export function matchRoute(store: ReadonlyStore, gateway: KubeObject, port: number, req: RequestLine): RouteMatch | undefined {
  const host = req.host.replace(/:\d+$/, '').toLowerCase()
  const listeners = ((gateway.spec?.listeners ?? []) as Listener[]).filter((l) => l.port === port && (l.protocol === 'HTTP' || l.protocol === 'HTTPS'))
  const attached: { route: KubeObject; hostnames: string[] }[] = []
  for (const route of store.list('HTTPRoute')) {
    const accepting = listenersAccepting(store, route, gateway).filter((l) => listeners.includes(l))
    const hostnames = [...new Set(accepting.flatMap((l) => effectiveHostnames(route, l)))]
    if (hostnames.length) attached.push({ route, hostnames })
  }
  // Virtual host: the most specific domain any attached route offers for this host.
  let best: string | undefined
  for (const a of attached) for (const d of a.hostnames) if (hostCovered(d, host) && (best === undefined || domainRank(d) > domainRank(best))) best = d
  if (best === undefined) return undefined
  const candidates: Candidate[] = []
  for (const { route, hostnames } of attached) {
    if (!hostnames.includes(best)) continue
    ;((route.spec?.rules ?? []) as HTTPRouteRule[]).forEach((rule, ruleIndex) => {
      const matches = rule.matches?.length ? rule.matches : [{ path: { type: 'PathPrefix' as const, value: '/' } }]
      matches.forEach((match, matchIndex) => {
        if (matchTakes(match, req)) candidates.push({ route, ruleIndex, rule, match, matchIndex, domain: best! })
      })
    })
  }
  candidates.sort(compare)
  const top = candidates[0]
  return top && { route: top.route, ruleIndex: top.ruleIndex, rule: top.rule, match: top.match, domain: top.domain }
}

/** The match as a person reads it in the route: `HTTPRoute default/kubia rules[0]: PathPrefix /api, header version=v2`. */
export function describeMatch(m: RouteMatch): string {
  const parts = [`${m.match.path?.type ?? 'PathPrefix'} ${m.match.path?.value ?? '/'}`]
  if (m.match.method) parts.push(`method ${m.match.method}`)
  for (const h of m.match.headers ?? []) parts.push(`header ${h.name}${h.type === 'RegularExpression' ? '~' : '='}${h.value}`)
  for (const q of m.match.queryParams ?? []) parts.push(`query ${q.name}=${q.value}`)
  return `HTTPRoute ${m.route.metadata.namespace}/${m.route.metadata.name} rules[${m.ruleIndex}] (host ${m.domain}): ${parts.join(', ')}`
}
