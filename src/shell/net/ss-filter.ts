// ss's filter expressions, the forms guides use: `state listening|established|connected|all`, and `sport|dport`
// `= :PORT` (also `==`, `eq`, `:SERVICE`, several joined by `or`, in parentheses). Other expressions are not simulated.
import type { OpenSocket } from './open-sockets.ts'

export interface SsFilter {
  /** `state X` (undefined: the -l/-a/default choice stands). `listening` is LISTEN alone, not -l's LISTEN and UNCONN. */
  state?: 'listening' | 'established' | 'connected' | 'all'
  /** One of these ports must match (none: no port condition). */
  ports: { side: 'sport' | 'dport'; port: string }[]
}

const STATES: Record<string, SsFilter['state']> = { listening: 'listening', established: 'established', connected: 'connected', all: 'all' }

/** The filter, or the first word kubehop cannot read. */
export function parseSsFilter(words: string[]): SsFilter | { unsupported: string } {
  const f: SsFilter = { ports: [] }
  const tokens = words.flatMap((w) => w.replace(/[()]/g, ' ').split(/\s+/)).filter(Boolean)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t === 'or') continue
    if (t === 'state' && STATES[tokens[i + 1]]) { f.state = STATES[tokens[++i]]; continue }
    if (t === 'sport' || t === 'dport') {
      if (['=', '==', 'eq'].includes(tokens[i + 1])) i++
      const value = tokens[++i] ?? ''
      if (!value.startsWith(':')) return { unsupported: `${t} ${value}`.trim() }
      f.ports.push({ side: t, port: value.slice(1) })
      continue
    }
    return { unsupported: t }
  }
  return f
}

/** Whether a listening socket passes the port conditions (a listener's peer port is 0: no dport matches it). */
export function matchesSsFilter(s: OpenSocket, f: SsFilter, name: string): boolean {
  if (!f.ports.length) return true
  return f.ports.some((p) => p.side === 'sport' && (p.port === String(s.port) || p.port === name))
}
