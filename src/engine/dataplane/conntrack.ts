// The node's connection tracking table and `conntrack -L`. Only the first packet of a connection walks the
// nat table; conntrack replays its NAT on every later packet, both ways. Timeouts are the kernel defaults
// (nf_conntrack_proto_tcp.c / _udp.c); kind sets kube-proxy's conntrack.tcpEstablishedTimeout to 0s, so a
// kind node keeps the kernel's 432000 s for ESTABLISHED.
import type { ConntrackEntry, ConntrackRef, ConntrackTable, L4Protocol, Tuple } from './types'

const TIMEOUTS = { synSent: 120, timeWait: 120, udpUnreplied: 30, udpStream: 120 }
const PROTO_NUMBERS: Record<L4Protocol, number> = { tcp: 6, udp: 17, sctp: 132 }

/** An empty table. `tcpEstablishedTimeout` is nf_conntrack_tcp_timeout_established (432000 on kind nodes). */
export function newConntrackTable(tcpEstablishedTimeout = 432000): ConntrackTable {
  return {
    byId: new Map(), byTuple: new Map(), nextId: 1, tcpEstablishedTimeout, earliestExpiry: Infinity,
    get entries() { return [...this.byId.values()] },
  }
}

/**
 * A tuple's two ports as one int32 (exact: 16 bits each). A small integer, not the double the protocol would
 * make of it: V8 boxes a double on every Map lookup. Refs of other protocols under the same ports are told
 * apart by their entry.
 */
const portsKey = (t: Tuple) => (t.sport << 16) | t.dport

/**
 * The refs filed under one direction's tuple, keyed dst → src → ports and protocol. Not one joined string:
 * the address strings come from the packet and keep their hash, where a joined key is a new string to hash
 * on every packet.
 */
function refsAt(table: ConntrackTable, t: Tuple, create: boolean): ConntrackRef[] | undefined {
  let bySrc = table.byTuple.get(t.dst)
  if (!bySrc) {
    if (!create) return undefined
    table.byTuple.set(t.dst, (bySrc = new Map()))
  }
  let byPorts = bySrc.get(t.src)
  if (!byPorts) {
    if (!create) return undefined
    bySrc.set(t.src, (byPorts = new Map()))
  }
  const key = portsKey(t)
  let list = byPorts.get(key)
  if (!list && create) byPorts.set(key, (list = []))
  return list
}

function indexAdd(table: ConntrackTable, t: Tuple, ref: ConntrackRef): void {
  refsAt(table, t, true)!.push(ref)
}

function indexRemove(table: ConntrackTable, t: Tuple, entry: ConntrackEntry): void {
  const list = refsAt(table, t, false)
  if (!list) return
  const i = list.findIndex((r) => r.entry === entry)
  if (i >= 0) list.splice(i, 1)
  if (list.length) return
  // Drop emptied maps, so a long-lived table does not keep every address it ever saw.
  const bySrc = table.byTuple.get(t.dst)!
  const byPorts = bySrc.get(t.src)!
  byPorts.delete(portsKey(t))
  if (byPorts.size) return
  bySrc.delete(t.src)
  if (!bySrc.size) table.byTuple.delete(t.dst)
}

/** Keeps `earliestExpiry` a lower bound of every entry's timeout after one changed. */
function noteExpiry(table: ConntrackTable, entry: ConntrackEntry): void {
  if (entry.expiresAt < table.earliestExpiry) table.earliestExpiry = entry.expiresAt
}

/**
 * Drops entries whose timeout has passed (the kernel's garbage collector). Only sweeps when some entry can
 * have expired (`earliestExpiry` has passed), so calling it on every packet costs nothing in between.
 */
function expireConntrack(table: ConntrackTable, now: number): void {
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
export function lookupConntrack(table: ConntrackTable, protocol: L4Protocol, t: Tuple, now: number): ConntrackRef | undefined {
  expireConntrack(table, now)
  const list = refsAt(table, t, false)
  if (!list?.length) return undefined
  if (list.length === 1) return list[0].entry.protocol === protocol ? list[0] : undefined
  let best: ConntrackRef | undefined
  for (const r of list) {
    if (r.entry.protocol !== protocol) continue
    if (!best || r.entry.id < best.entry.id || (r.entry === best.entry && r.direction === 'original')) best = r
  }
  return best
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
  // One shared ref per direction: lookups hand them out as they are, with no allocation per packet.
  indexAdd(table, original, { entry, direction: 'original' })
  indexAdd(table, reply, { entry, direction: 'reply' })
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
  indexRemove(table, entry.original, entry)
  indexRemove(table, entry.reply, entry)
}

function tupleText(t: Tuple): string {
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`
}

/** One line as libnetfilter_conntrack's default output format prints it. */
function conntrackLine(e: ConntrackEntry, now: number): string {
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
