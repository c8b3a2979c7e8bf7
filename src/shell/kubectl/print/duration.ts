// Ages as kubectl prints them. Source: k8s.io/apimachinery/pkg/util/duration (HumanDuration) and the printers'
// translateTimestampSince (`<unknown>` for a zero time).

/** duration.HumanDuration for a span in seconds: ~2-3 significant figures. */
export function humanDuration(totalSeconds: number): string {
  const seconds = Math.trunc(totalSeconds)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.floor(seconds / 3600)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365
    const years = Math.floor(hours / 24 / 365)
    return dy === 0 ? `${years}y` : `${years}y${dy}d`
  }
  return `${Math.floor(hours / 24 / 365)}y`
}

/** Seconds since the epoch for an RFC 3339 timestamp, or undefined when absent/unparseable. */
export function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || !ts) return undefined
  const ms = Date.parse(ts)
  return Number.isNaN(ms) ? undefined : ms / 1000
}

/** translateTimestampSince: the age of a timestamp at `now`. */
export function since(ts: unknown, now: number): string {
  const t = parseTime(ts)
  return t === undefined ? '<unknown>' : humanDuration(now - t)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Go's time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`) in UTC, as describe prints timestamps. */
export function rfc1123z(ts: unknown): string {
  const t = parseTime(ts)
  // A zero metav1.Time formats as Go's zero time.
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(t * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}
