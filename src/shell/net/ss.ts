// iproute2's ss (misc/ss.c, 6.x as netshoot and agnhost ship it): Netid only when several tables are asked for,
// State only when several states are, Process only with -p (since 6.8); `0.0.0.0:80`, `[::]:80` for an IPv6-only
// socket, `*:8080` for a dual-stack one; Recv-Q/Send-Q as `%-6d` (a listener's Send-Q is its backlog); UDP first.
import type { Command } from '../command.ts'
import { podToolContext } from './pod-tool.ts'
import { openSockets } from './open-sockets.ts'
import type { OpenSocket } from './open-sockets.ts'
import { hasEtcServices, serviceName } from './services.ts'
import { renderSsColumns } from './ss-columns.ts'
import { matchesSsFilter, parseSsFilter } from './ss-filter.ts'
import type { SsColumn } from './ss-columns.ts'

interface Options { tables: Set<'tcp' | 'udp' | 'raw' | 'unix'>; states: 'listening' | 'all' | 'connected'; numeric: boolean; processes: boolean; family?: 4 | 6; header: boolean }

const LONG: Record<string, string> = { '--tcp': 't', '--udp': 'u', '--raw': 'w', '--unix': 'x', '--listening': 'l', '--all': 'a', '--numeric': 'n',
  '--processes': 'p', '--ipv4': '4', '--ipv6': '6', '--no-header': 'H' }

function parseOptions(args: string[]): Options {
  const o: Options = { tables: new Set(), states: 'connected', numeric: false, processes: false, header: true }
  for (const a of args) {
    const letters = LONG[a] ?? (/^-[a-zA-Z0-9]+$/.test(a) ? a.slice(1) : '')
    for (const ch of letters) {
      if (ch === 't') o.tables.add('tcp')
      else if (ch === 'u') o.tables.add('udp')
      else if (ch === 'w') o.tables.add('raw')
      else if (ch === 'x') o.tables.add('unix')
      else if (ch === 'l') o.states = 'listening'
      else if (ch === 'a') o.states = 'all'
      else if (ch === 'n') o.numeric = true
      else if (ch === 'p') o.processes = true
      else if (ch === '4') o.family = 4
      else if (ch === '6') o.family = 6
      else if (ch === 'H') o.header = false
    }
  }
  return o
}

/** inet_addr_print: `*` for a dual-stack wildcard, brackets around other IPv6 addresses. */
function addrText(s: OpenSocket, addr: string): string {
  if (s.family === 4) return addr
  if (s.dualStack && addr === '::') return '*'
  return `[${addr}]`
}

export const ss: Command = (io, host) => {
  const ctx = podToolContext(io, host, 'ss', 'ss')
  if (typeof ctx === 'number') return ctx
  const o = parseOptions(io.argv.slice(1))
  const filter = parseSsFilter(io.argv.slice(1).filter((a) => !a.startsWith('-')))
  if ('unsupported' in filter) {
    io.err(`kubehop: the ss filter "${filter.unsupported}" is not simulated (state listening|established|all, sport = :PORT and dport = :PORT are)\n`)
    return 1
  }
  // One state asked for (`state listening`, `state established`) hides the State column; -l asks for LISTEN and UNCONN.
  const oneState = filter.state === 'listening' || filter.state === 'established'
  const states = filter.state === 'listening' ? 'listening' : filter.state ? (filter.state === 'all' ? 'all' : 'connected') : o.states
  // Without -t/-u/-w/-x ss dumps every table (netlink, packet, unix, ...); kubehop knows the TCP and UDP ones.
  const tables = o.tables.size ? o.tables : new Set(['tcp', 'udp', 'raw', 'unix', 'netlink'])
  const resolve = !o.numeric && hasEtcServices(ctx.image)
  const columns: (SsColumn & { on: boolean })[] = [
    { header: 'Netid', align: 'left', ldelim: '', on: tables.size > 1 },
    { header: 'State', align: 'left', ldelim: ' ', on: !oneState },
    { header: 'Recv-Q', align: 'left', ldelim: ' ', on: true },
    { header: 'Send-Q', align: 'left', ldelim: ' ', on: true },
    { header: 'Local Address:', align: 'right', ldelim: ' ', on: true },
    { header: 'Port', align: 'left', ldelim: '', on: true },
    { header: 'Peer Address:', align: 'right', ldelim: ' ', on: true },
    { header: 'Port', align: 'left', ldelim: '', on: true },
    { header: 'Process', align: 'left', ldelim: '', on: o.processes },
    { header: '', align: 'left', ldelim: '', on: true },
  ]
  // Every socket kubehop knows is a TCP listener or an unconnected UDP one: -l and -a list them, the default does not.
  const sockets = states === 'connected' ? [] : openSockets(ctx.world.view, ctx.pod, ctx.container)
    .filter((s) => tables.has(s.proto) && (!o.family || s.family === o.family) && !(o.family === 4 && s.dualStack))
    .filter((s) => matchesSsFilter(s, filter, serviceName(s.port, s.proto, true)) && !(filter.state === 'listening' && s.proto === 'udp'))
  // ss dumps UDP before TCP, IPv4 before IPv6 within each.
  const ordered = [...sockets.filter((s) => s.proto === 'udp'), ...sockets.filter((s) => s.proto === 'tcp')]
  const rows = ordered.map((s) => {
    const users = s.owner ? ` users:(("${s.owner.comm}",pid=${s.owner.pid},fd=${s.owner.fd}))` : ''
    const cells = [s.proto, s.proto === 'tcp' ? 'LISTEN' : 'UNCONN', '0'.padEnd(6), String(s.backlog).padEnd(6),
      `${addrText(s, s.addr)}:`, serviceName(s.port, s.proto, resolve), `${addrText(s, s.family === 4 ? '0.0.0.0' : '::')}:`, '*', users, '']
    return cells.filter((_, i) => columns[i].on)
  })
  const shown = columns.filter((c) => c.on)
  io.out(renderSsColumns(shown, rows, o.header))
  return 0
}
