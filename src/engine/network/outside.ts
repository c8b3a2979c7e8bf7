// The world outside the cluster: the few public hosts a walkthrough reaches (CoreDNS forwards their names
// upstream, a pod curls them, an ExternalName or selector-less Service points at them), the resolver
// chain that answers for them, and what their web servers send back. Anything else on the internet is
// unknown: its name is NXDOMAIN and its addresses never answer.
import type { HttpRequest, HttpResponse } from '../apps/http.ts'
import { byteLength, httpDate } from '../apps/http.ts'
import type { RRType, ResourceRecord } from '../dns/records.ts'
import { fqdn } from '../dns/records.ts'

interface OutsideHost {
  name: string
  /** A records in the order the authoritative servers hand them out. */
  ipv4: string[]
  /** The HTTP answer to any request (the host serves the same page on every path). */
  page: { contentType: string; body: string }
}

// example.com as IANA serves it since 2025 (Akamai addresses; `dig +short example.com`).
const EXAMPLE_PAGE = '<!doctype html><html lang="en"><head><title>Example Domain</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{background:#eee;width:60vw;margin:15vh auto;font-family:system-ui,sans-serif}h1{font-size:1.5em}div{opacity:0.8}a:link,a:visited{color:#348}</style><body><div><h1>Example Domain</h1><p>This domain is for use in documentation examples without needing permission. Avoid use in operations.<p><a href="https://iana.org/domains/example">Learn more</a></div></body></html>\n'
const EXAMPLE_IPS = ['23.192.228.80', '23.192.228.84', '23.215.0.136', '23.215.0.138', '96.7.128.175', '96.7.128.198']

const HOSTS: OutsideHost[] = [
  { name: 'example.com', ipv4: EXAMPLE_IPS, page: { contentType: 'text/html', body: EXAMPLE_PAGE } },
  { name: 'example.net', ipv4: EXAMPLE_IPS, page: { contentType: 'text/html', body: EXAMPLE_PAGE } },
  { name: 'example.org', ipv4: EXAMPLE_IPS, page: { contentType: 'text/html', body: EXAMPLE_PAGE } },
]

/** The TTL a forwarded answer shows through CoreDNS (kubeadm's Corefile: `cache 30`) or systemd-resolved. */
const UPSTREAM_TTL = 30

/** The address the host's traffic to the internet leaves with (its LAN address, behind the home router). */
export const HOST_LAN_IP = '192.168.1.23'
/** The host's default route. */
export const HOST_DEFAULT_ROUTE = 'default via 192.168.1.1 dev wlan0'

/** The upstream resolver's answer for `name` (records), or undefined when it does not exist (NXDOMAIN). */
export function upstreamResolve(name: string, type: RRType): ResourceRecord[] | undefined {
  const n = fqdn(name)
  const host = HOSTS.find((h) => fqdn(h.name) === n)
  if (!host) return undefined
  if (type !== 'A') return []
  return host.ipv4.map((ip) => ({ name: n, ttl: UPSTREAM_TTL, type: 'A' as const, data: ip }))
}

/** The public host holding `ip`, if the simulation knows one. */
export function outsideHostAt(ip: string): { name: string } | undefined {
  return HOSTS.find((h) => h.ipv4.includes(ip))
}

/** What the web server at `ip` answers (the same page on any path; HEAD gets the headers only). */
export function outsideHttp(ip: string, req: HttpRequest, now: number): HttpResponse {
  const host = HOSTS.find((h) => h.ipv4.includes(ip))
  if (!host) return { status: 0, headers: [], body: '' }
  const body = req.method === 'HEAD' ? '' : host.page.body
  return {
    status: 200,
    headers: [['Content-Type', host.page.contentType], ['Date', httpDate(now)], ['Content-Length', String(byteLength(host.page.body))], ['Connection', 'keep-alive']],
    body,
    // A certificate from a public CA: curl verifies it without -k.
    certificate: `CN=*.${host.name}`,
    certificateTrusted: true,
  }
}
