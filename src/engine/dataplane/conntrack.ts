// The node's connection tracking table and `conntrack -L`. Only the first packet of a connection walks the
// nat table; conntrack replays its NAT on every later packet, both ways. Timeouts are the kernel defaults
// (nf_conntrack_proto_tcp.c / _udp.c); kind sets kube-proxy's conntrack.tcpEstablishedTimeout to 0s, so a
// kind node keeps the kernel's 432000 s for ESTABLISHED.
import type { ConntrackEntry, ConntrackTable, L4Protocol, Tuple } from './types'

export const TIMEOUTS = { synSent: 120, timeWait: 120, udpUnreplied: 30, udpStream: 120 }
const PROTO_NUMBERS: Record<L4Protocol, number> = { tcp: 6, udp: 17, sctp: 132 }

/** An empty table. `tcpEstablishedTimeout` is nf_conntrack_tcp_timeout_established (432000 on kind nodes). */
export function newConntrackTable(tcpEstablishedTimeout = 432000): ConntrackTable {
  return {
    byId: new Map(), byTuple: new Map(), nextId: 1, tcpEstablishedTimeout, earliestExpiry: Infinity,
    get entries() { return [...this.byId.values()] },
  }
}

/** The index key of one direction's tuple. */
const tupleKey = (protocol: L4Protocol, t: Tuple) => `${protocol} ${t.src} ${t.sport} ${t.dst} ${t.dport}`

function indexAdd(table: ConntrackTable, key: string, entry: ConntrackEntry, direction: 'original' | 'reply'): void {
  const list = table.byTuple.get(key)
  if (list) list.push({ entry, direction })
  else table.byTuple.set(key, [{ entry, direction }])
}

function indexRemove(table: ConntrackTable, key: string, entry: ConntrackEntry): void {
  const list = table.byTuple.get(key)
  if (!list) return
  const kept = list.filter((r) => r.entry !== entry)
  if (kept.length) table.byTuple.set(key, kept)
  else table.byTuple.delete(key)
}

/** Keeps `earliestExpiry` a lower bound of every entry's timeout after one changed. */
function noteExpiry(table: ConntrackTable, entry: ConntrackEntry): void {
  if (entry.expiresAt < table.earliestExpiry) table.earliestExpiry = entry.expiresAt
}

/**
 * Drops entries whose timeout has passed (the kernel's garbage collector). Only sweeps when some entry can
 * have expired (`earliestExpiry` has passed), so calling it on every packet costs nothing in between.
 */
export function expireConntrack(table: ConntrackTable, now: number): void {
  if (table.earliestExpiry > now) return
  let earliest = Infinity
  for (const e of table.byId.values()) {
    if (e.expiresAt > now) {
      if (e.expiresAt < earliest) earliest = e.expiresAt
    } else removeConntrack(table, e)
  }
  table.earliestExpiry = earliest
}

/** Finds the live entry a packet belongs to, and in which direction it travels (the oldest entry first, as the kernel's table walk). */
export function lookupConntrack(table: ConntrackTable, protocol: L4Protocol, t: Tuple, now: number):
  { entry: ConntrackEntry; direction: 'original' | 'reply' } | undefined {
  expireConntrack(table, now)
  const list = table.byTuple.get(tupleKey(protocol, t))
  if (!list) return undefined
  let best = list[0]
  for (const r of list) {
    if (r.entry.id < best.entry.id || (r.entry === best.entry && r.direction === 'original')) best = r
  }
  return { entry: best.entry, direction: best.direction }
}

/** Confirms a new connection: the original tuple as sent, the reply tuple as NAT left it. */
export function addConntrack(table: ConntrackTable, protocol: L4Protocol, original: Tuple, reply: Tuple, now: number, service?: string): ConntrackEntry {
  const entry: ConntrackEntry = {
    id: table.nextId++, protocol, original, reply,
    state: protocol === 'tcp' ? 'SYN_SENT' : undefined,
    unreplied: true, assured: false,
    expiresAt: now + (protocol === 'tcp' ? TIMEOUTS.synSent : TIMEOUTS.udpUnreplied),
    mark: 0, service,
  }
  table.byId.set(entry.id, entry)
  indexAdd(table, tupleKey(protocol, original), entry, 'original')
  indexAdd(table, tupleKey(protocol, reply), entry, 'reply')
  noteExpiry(table, entry)
  return entry
}

/** A packet was seen in the reply direction: the connection is established and assured. */
export function markReplied(table: ConntrackTable, entry: ConntrackEntry, now: number): void {
  entry.unreplied = false
  entry.assured = true
  if (entry.protocol === 'tcp') entry.state = 'ESTABLISHED'
  entry.expiresAt = now + (entry.protocol === 'tcp' ? table.tcpEstablishedTimeout : TIMEOUTS.udpStream)
  noteExpiry(table, entry)
}

/** Another packet of a known connection refreshes its timeout. */
export function refreshConntrack(table: ConntrackTable, entry: ConntrackEntry, now: number): void {
  if (entry.unreplied) return
  entry.expiresAt = now + (entry.protocol === 'tcp' ? table.tcpEstablishedTimeout : TIMEOUTS.udpStream)
  noteExpiry(table, entry)
}

/** The connection was closed (FIN exchange): TCP entries linger in TIME_WAIT for 120 s. */
export function closeConntrack(table: ConntrackTable, entry: ConntrackEntry, now: number): void {
  if (entry.protocol !== 'tcp') return
  entry.state = 'TIME_WAIT'
  entry.expiresAt = now + TIMEOUTS.timeWait
  noteExpiry(table, entry)
}

export function removeConntrack(table: ConntrackTable, entry: ConntrackEntry): void {
  if (table.byId.get(entry.id) !== entry) return
  table.byId.delete(entry.id)
  indexRemove(table, tupleKey(entry.protocol, entry.original), entry)
  indexRemove(table, tupleKey(entry.protocol, entry.reply), entry)
}

function tupleText(t: Tuple): string {
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`
}

/** One line as libnetfilter_conntrack's default output format prints it. */
export function conntrackLine(e: ConntrackEntry, now: number): string {
  const remaining = Math.max(0, Math.ceil(e.expiresAt - now) - 1)
  const parts = [`${e.protocol.padEnd(8)} ${PROTO_NUMBERS[e.protocol]} ${remaining}`]
  if (e.state) parts.push(e.state)
  parts.push(tupleText(e.original))
  if (e.unreplied) parts.push('[UNREPLIED]')
  parts.push(tupleText(e.reply))
  if (e.assured) parts.push('[ASSURED]')
  parts.push(`mark=${e.mark}`, 'use=1')
  return parts.join(' ')
}

/**
 * `conntrack -L` (conntrack-tools 1.4.7, as on kind's node image): one line per live flow on stdout, and the
 * count on stderr (`conntrack v1.4.7 (conntrack-tools): N flow entries have been shown.`).
 */
export function renderConntrackList(table: ConntrackTable, now: number): { stdout: string; stderr: string } {
  expireConntrack(table, now)
  const lines = [...table.byId.values()].map((e) => conntrackLine(e, now))
  return {
    stdout: lines.map((l) => l + '\n').join(''),
    stderr: `conntrack v1.4.7 (conntrack-tools): ${lines.length} flow entries have been shown.\n`,
  }
}
