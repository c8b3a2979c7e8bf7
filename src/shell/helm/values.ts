// `--set a.b=c,d=e`: helm's strvals parser for the forms people type (dotted keys, comma-separated pairs, `\,`
// escapes, typed scalars: integers, true/false, null). Upstream: helm/helm pkg/strvals/parser.go (ParseInto, typedVal).

export type Values = { [key: string]: unknown }

function typed(raw: string): unknown {
  if (raw === 'true') return true
  if (raw === 'false') return false
  if (raw === 'null') return null
  // strvals keeps a number with a leading zero a string (it would not survive a round trip).
  if (/^-?(0|[1-9]\d*)$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw)
  return raw
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) { cur += s[++i]; continue }
    if (s[i] === sep) { out.push(cur); cur = ''; continue }
    cur += s[i]
  }
  out.push(cur)
  return out
}

/** Merges one `--set` argument into `into`; returns helm's error text for a malformed one. */
export function parseSet(arg: string, into: Values): string | undefined {
  for (const pair of splitUnescaped(arg, ',')) {
    const eq = pair.indexOf('=')
    if (eq < 0) return `failed parsing --set data: key "${pair}" has no value`
    const path = pair.slice(0, eq).split('.')
    if (path.some((p) => !p)) return `failed parsing --set data: key "${pair.slice(0, eq)}" has no value`
    let node = into
    for (const key of path.slice(0, -1)) {
      const next = node[key]
      node = (next && typeof next === 'object' && !Array.isArray(next) ? next : (node[key] = {})) as Values
    }
    node[path[path.length - 1]] = typed(pair.slice(eq + 1))
  }
  return undefined
}

/** The chart's defaults overlaid with the user's values (helm's CoalesceValues for maps and scalars). */
export function coalesce(defaults: Values, user: Values): Values {
  const out: Values = { ...defaults }
  for (const [k, v] of Object.entries(user)) {
    const d = defaults[k]
    out[k] = v && typeof v === 'object' && d && typeof d === 'object' && !Array.isArray(v) ? coalesce(d as Values, v as Values) : v
  }
  return out
}

/** A value by dotted path, or undefined. */
export function valueAt(values: Values, path: string): unknown {
  let node: unknown = values
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined
    node = (node as Values)[key]
  }
  return node
}
