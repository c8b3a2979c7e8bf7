// BusyBox netstat (networking/netstat.c; -r from networking/route.c bb_displayroutes), the netstat of busybox,
// alpine and the Alpine-based images (netshoot has no net-tools). Lines come from /proc/net/{tcp,tcp6,udp,udp6}:
// `tcp` for both families, 23-column addresses (51 with -W), 12 for the state, `PID/argv0` cut to 19 characters.
import type { Command } from '../command.ts'
import { podToolContext } from './pod-tool.ts'
import { openSockets } from './open-sockets.ts'
import type { OpenSocket } from './open-sockets.ts'
import { podNetns } from './netns.ts'
import type { Route4 } from './netns.ts'
import { hasEtcServices, serviceName } from './services.ts'
import { ipToInt, netmask } from '../../engine/net/ip.ts'

interface Flags { listening: boolean; connected: boolean; numeric: boolean; protos: Set<string>; wide: boolean; prg: boolean; route: boolean }

function parseFlags(args: string[]): Flags {
  const f: Flags = { listening: false, connected: true, numeric: false, protos: new Set(), wide: false, prg: false, route: false }
  for (const a of args) {
    if (!/^-[a-zA-Z]+$/.test(a)) continue
    for (const ch of a.slice(1)) {
      if (ch === 'l') { f.listening = true; f.connected = false }
      else if (ch === 'a') { f.listening = true; f.connected = true }
      else if (ch === 'n') f.numeric = true
      else if ('tuwx'.includes(ch)) f.protos.add(ch)
      else if (ch === 'W') f.wide = true
      else if (ch === 'p') f.prg = true
      else if (ch === 'r') f.route = true
    }
  }
  // -l after -a still shows both: getopt32 sets bits, the code applies -l then -a.
  if (args.some((a) => /^-[a-zA-Z]*a/.test(a))) { f.listening = true; f.connected = true }
  if (!f.protos.size) for (const p of 'tuwx') f.protos.add(p)
  return f
}

function hostPort(s: OpenSocket, port: number | '*', resolve: boolean, addr = s.addr): string {
  return `${addr}:${port === '*' ? '*' : serviceName(port, s.proto, resolve)}`
}

function socketLine(s: OpenSocket, f: Flags, resolve: boolean): string {
  const width = f.wide ? 51 : 23
  const local = hostPort(s, s.port, resolve)
  const remote = hostPort(s, '*', resolve, s.family === 4 ? '0.0.0.0' : '::')
  // A UDP socket in TCP_CLOSE prints an empty state; LISTEN for TCP.
  const state = s.proto === 'tcp' ? 'LISTEN' : ''
  const line = `${s.proto}   ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(width)} ${remote.padEnd(width)} ${state.padEnd(12)}`
  if (!f.prg) return line
  return line + (s.owner ? `${s.owner.pid}/${s.owner.cmdline}`.slice(0, 19) : '-')
}

function routeTable(routes: Route4[], numeric: boolean): string {
  let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n'
  for (const r of routes) {
    const [ip, bits] = r.dst === 'default' ? ['0.0.0.0', '0'] : r.dst.split('/')
    const prefix = bits === undefined ? 32 : Number(bits)
    const flags = `U${r.via ? 'G' : ''}${prefix === 32 ? 'H' : ''}`
    // INET_rresolve: 0.0.0.0/0 is `default` and a missing gateway `*` unless -n asks for numbers.
    const dest = !numeric && ipToInt(ip) === 0 && prefix === 0 ? 'default' : ip
    const gw = r.via ?? (numeric ? '0.0.0.0' : '*')
    out += `${dest.padEnd(15).slice(0, 15)} ${gw.padEnd(15).slice(0, 15)} ${netmask(prefix).padEnd(16)}${flags.padEnd(6)}${'0'.padStart(5)} ${'0'.padEnd(5)} ${'0'.padStart(6)} ${r.dev}\n`
  }
  return out
}

export const netstat: Command = (io, host) => {
  const ctx = podToolContext(io, host, 'netstat', 'netstat')
  if (typeof ctx === 'number') return ctx
  const f = parseFlags(io.argv.slice(1))
  if (f.route) {
    io.out(routeTable(podNetns(ctx.world.view, ctx.pod).routes, f.numeric))
    return 0
  }
  const resolve = !f.numeric && hasEtcServices(ctx.image)
  const scope = f.listening && f.connected ? '(servers and established)' : f.listening ? '(only servers)' : '(w/o servers)'
  const banner = f.prg ? 'PID/Program name    ' : ''
  let out = ''
  if (f.protos.has('t') || f.protos.has('u') || f.protos.has('w')) {
    const width = f.wide ? 51 : 23
    out += `Active Internet connections ${scope}\nProto Recv-Q Send-Q ${'Local Address'.padEnd(width)} ${'Foreign Address'.padEnd(width)} State       ${banner}\n`
    // Every socket kubehop knows of listens (a TCP listener, or a UDP socket with no peer): -l and -a show them.
    const shown = openSockets(ctx.world.view, ctx.pod, ctx.container)
      .filter((s) => f.listening && f.protos.has(s.proto === 'tcp' ? 't' : 'u'))
    for (const s of shown) out += socketLine(s, f, resolve) + '\n'
  }
  // UNIX sockets (nginx's worker channels, ...) are not simulated: the section has its header only.
  if (f.protos.has('x')) out += `Active UNIX domain sockets ${scope}\nProto RefCnt Flags       Type       State         I-Node ${banner}Path\n`
  io.out(out)
  return 0
}
