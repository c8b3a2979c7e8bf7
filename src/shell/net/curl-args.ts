// curl's command line (the options the contract lists, with curl's short/long spellings and bundled flags).

export interface CurlOptions {
  urls: string[]
  silent: boolean
  showError: boolean
  verbose: boolean
  include: boolean
  head: boolean
  insecure: boolean
  fail: boolean
  maxTime?: number
  connectTimeout?: number
  output?: string
  writeOut?: string
  headers: [string, string][]
  resolve: { host: string; port: number; ip: string }[]
  method?: string
  data?: string
  userAgent?: string
  location: boolean
}

export class CurlUsage extends Error {
  constructor(message: string, readonly code = 2) { super(message) }
}

const WITH_VALUE: Record<string, string> = {
  '-m': 'max-time', '--max-time': 'max-time', '--connect-timeout': 'connect-timeout', '-o': 'output', '--output': 'output',
  '-w': 'write-out', '--write-out': 'write-out', '-H': 'header', '--header': 'header', '--resolve': 'resolve',
  '-X': 'request', '--request': 'request', '-d': 'data', '--data': 'data', '--data-raw': 'data', '--data-binary': 'data',
  '-A': 'user-agent', '--user-agent': 'user-agent', '-u': 'user', '--user': 'user', '--cacert': 'cacert', '-e': 'referer',
}
const FLAGS: Record<string, keyof CurlOptions | 'ignore'> = {
  '-s': 'silent', '--silent': 'silent', '-S': 'showError', '--show-error': 'showError', '-v': 'verbose', '--verbose': 'verbose',
  '-i': 'include', '--include': 'include', '-I': 'head', '--head': 'head', '-k': 'insecure', '--insecure': 'insecure',
  '-f': 'fail', '--fail': 'fail', '-L': 'location', '--location': 'location',
  '-4': 'ignore', '--ipv4': 'ignore', '--http1.1': 'ignore', '-N': 'ignore', '--no-buffer': 'ignore', '-q': 'ignore', '--compressed': 'ignore',
}

export function parseCurlArgs(args: string[]): CurlOptions {
  const o: CurlOptions = { urls: [], silent: false, showError: false, verbose: false, include: false, head: false, insecure: false, fail: false, headers: [], resolve: [], location: false }
  const setValue = (name: string, v: string) => {
    switch (name) {
      case 'max-time': o.maxTime = Number(v); if (!Number.isFinite(o.maxTime)) throw new CurlUsage('curl: (2) option -m: expected a proper numerical parameter'); break
      case 'connect-timeout': o.connectTimeout = Number(v); break
      case 'output': o.output = v; break
      case 'write-out': o.writeOut = v; break
      case 'header': {
        const i = v.indexOf(':')
        if (i > 0) o.headers.push([v.slice(0, i).trim(), v.slice(i + 1).trim()])
        break
      }
      case 'resolve': {
        const m = /^([^:]+):(\d+):(.+)$/.exec(v)
        if (!m) throw new CurlUsage(`curl: (49) Couldn't parse CURLOPT_RESOLVE entry '${v}'`, 49)
        o.resolve.push({ host: m[1], port: Number(m[2]), ip: m[3].replace(/^\[|\]$/g, '') })
        break
      }
      case 'request': o.method = v; break
      case 'data': o.data = o.data === undefined ? v : `${o.data}&${v}`; break
      case 'user-agent': o.userAgent = v; break
    }
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('--') && a.includes('=')) {
      const [k, v] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      if (WITH_VALUE[k]) { setValue(WITH_VALUE[k], v); continue }
    }
    if (WITH_VALUE[a]) {
      if (i + 1 >= args.length) throw new CurlUsage(`curl: option ${a}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information`)
      setValue(WITH_VALUE[a], args[++i])
      continue
    }
    if (FLAGS[a]) { if (FLAGS[a] !== 'ignore') Object.assign(o, { [FLAGS[a]]: true }); continue }
    if (/^-[a-zA-Z]{2,}$/.test(a)) {
      // Bundled short options: -sS, -sv, -ik, -sm5 style (a value-taking letter takes the rest or the next argument).
      const letters = a.slice(1)
      for (let j = 0; j < letters.length; j++) {
        const opt = `-${letters[j]}`
        if (WITH_VALUE[opt]) {
          const rest = letters.slice(j + 1)
          setValue(WITH_VALUE[opt], rest || args[++i] || '')
          break
        }
        if (!FLAGS[opt]) throw new CurlUsage(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`)
        if (FLAGS[opt] !== 'ignore') Object.assign(o, { [FLAGS[opt]]: true })
      }
      continue
    }
    if (a.startsWith('-') && a !== '-') throw new CurlUsage(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`)
    o.urls.push(a)
  }
  return o
}

export interface ParsedUrl {
  scheme: 'http' | 'https'
  host: string
  port: number
  path: string
  /** The port was written in the URL (it then appears in the Host header). */
  explicitPort: boolean
}

/** curl's URL parsing for http(s); a URL without a scheme is http. */
export function parseUrl(url: string): ParsedUrl | { error: string; code: number } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([^#]*)/.exec(url)
  if (!m) return { error: `curl: (3) URL rejected: Malformed input to a URL function`, code: 3 }
  const scheme = (m[1] ?? 'http').toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') return { error: `curl: (1) Protocol "${scheme}" not supported`, code: 1 }
  if (!m[2]) return { error: 'curl: (3) URL rejected: No host part in the URL', code: 3 }
  const explicitPort = m[3] !== undefined && m[3] !== ''
  const port = explicitPort ? Number(m[3]) : scheme === 'https' ? 443 : 80
  if (port > 65535) return { error: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535', code: 3 }
  let path = m[4] || '/'
  if (path.startsWith('?')) path = '/' + path
  return { scheme, host: m[2].toLowerCase(), port, path, explicitPort }
}
