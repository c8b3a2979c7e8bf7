// HTTP messages as the simulated applications see and answer them.

export interface HttpRequest {
  method: string
  /** Request target as sent: `/`, `/foo?x=1`. */
  path: string
  /** Header names as the client wrote them, in order (curl: Host, User-Agent, Accept, then -H extras). */
  headers: [string, string][]
  body?: string
  scheme: 'http' | 'https'
  /** Client TLS settings for https: whether the certificate is verified (curl without -k). */
  tls?: { insecure: boolean; sni: string }
}

export interface HttpResponse {
  status: number
  headers: [string, string][]
  body: string
  /** The TLS handshake failed before any HTTP: 35 (the server does not speak TLS) or 60 (certificate not trusted). */
  tlsError?: 35 | 60
  /** The certificate the server presented (subject CN), for curl -v. */
  certificate?: string
  /** The certificate chains to a public CA the client trusts (a real internet host), so verification passes. */
  certificateTrusted?: boolean
}

/** Reason phrases as the servers in the simulated images print them (RFC 9110 names). */
export const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Not Allowed', 418: "I'm a teapot", 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

export function headerValue(req: { headers: [string, string][] }, name: string): string | undefined {
  const lower = name.toLowerCase()
  return req.headers.find(([n]) => n.toLowerCase() === lower)?.[1]
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** RFC 9110 IMF-fixdate, the `Date:` header every server sends: `Thu, 01 Jan 2026 09:00:00 GMT`. */
export function httpDate(epochSeconds: number): string {
  const second = Math.floor(epochSeconds)
  // Every answer within one simulated second carries the same date: remember the last one.
  if (second === lastDate.second) return lastDate.text
  const d = new Date(second * 1000)
  const text = `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`
  lastDate = { second, text }
  return text
}

let lastDate = { second: NaN, text: '' }

function two(n: number): string {
  return String(n).padStart(2, '0')
}

/** UTF-8 byte length (Content-Length counts bytes). */
export function byteLength(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}
