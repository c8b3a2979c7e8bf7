// The node's connection tracking table and `conntrack -L`. Only the first packet of a connection walks the
// nat table; conntrack replays its NAT on every later packet, both ways. Timeouts are the kernel defaults
// (nf_conntrack_proto_tcp.c / _udp.c); kind sets kube-proxy's conntrack.tcpEstablishedTimeout to 0s, so a
// kind node keeps the kernel's 432000 s for ESTABLISHED.
import type { ConntrackEntry, ConntrackTable, L4Protocol, Tuple } from './types'

export const TIMEOUTS = { synSent: 120, timeWait: 120, udpUnreplied: 30, udpStream: 120 }
const PROTO_NUMBERS: Record<L4Protocol, number> = { tcp: 6, udp: 17, sctp: 132 }

/** An empty table. `tcpEstablishedTimeout` is nf_conntrack_tcp_timeout_established (432000 on kind nodes). */
export function newConntrackTable(tcpEstablishedTimeout = 432000): ConntrackTable {
  return { entries: [], nextId: 1, tcpEstablishedTimeout }
}

const sameTuple = (a: Tuple, b: Tuple) => a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport

/** Drops entries whose timeout has passed (the kernel's garbage collector). */
export function expireConntrack(table: ConntrackTable, now: number): void {
  table.entries = table.entries.filter((e) => e.expiresAt > now)
}

/** Finds the live entry a packet belongs to, and in which direction it travels. */
export function lookupConntrack(table: ConntrackTable, protocol: L4Protocol, t: Tuple, now: number):
  { entry: ConntrackEntry; direction: 'original' | 'reply' } | undefined {
  expireConntrack(table, now)
  for (const entry of table.entries) {
    if (entry.protocol !== protocol) continue
    if (sameTuple(entry.original, t)) return { entry, direction: 'original' }
    if (sameTuple(entry.reply, t)) return { entry, direction: 'reply' }
  }
  return undefined
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
  table.entries.push(entry)
  return entry
}

/** A packet was seen in the reply direction: the connection is established and assured. */
export function markReplied(table: ConntrackTable, entry: ConntrackEntry, now: number): void {
  entry.unreplied = false
  entry.assured = true
  if (entry.protocol === 'tcp') entry.state = 'ESTABLISHED'
  entry.expiresAt = now + (entry.protocol === 'tcp' ? table.tcpEstablishedTimeout : TIMEOUTS.udpStream)
}

/** Another packet of a known connection refreshes its timeout. */
export function refreshConntrack(table: ConntrackTable, entry: ConntrackEntry, now: number): void {
  if (entry.unreplied) return
  entry.expiresAt = now + (entry.protocol === 'tcp' ? table.tcpEstablishedTimeout : TIMEOUTS.udpStream)
}

/** The connection was closed (FIN exchange): TCP entries linger in TIME_WAIT for 120 s. */
export function closeConntrack(entry: ConntrackEntry, now: number): void {
  if (entry.protocol !== 'tcp') return
  entry.state = 'TIME_WAIT'
  entry.expiresAt = now + TIMEOUTS.timeWait
}

export function removeConntrack(table: ConntrackTable, entry: ConntrackEntry): void {
  table.entries = table.entries.filter((e) => e !== entry)
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
  const lines = table.entries.map((e) => conntrackLine(e, now))
  return {
    stdout: lines.map((l) => l + '\n').join(''),
    stderr: `conntrack v1.4.7 (conntrack-tools): ${lines.length} flow entries have been shown.\n`,
  }
}
