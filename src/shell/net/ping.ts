// ping: BusyBox's in busybox and alpine images, iputils-ping elsewhere (the host, netshoot which installs
// iputils, Debian-based images). Formats from iputils ping/ping_common.c and busybox networking/ping.c.
// iputils prints the canonical name getaddrinfo returned (the search-list expansion); BusyBox the name typed.
import type { Command } from '../command.ts'
import { finishTool, isBusyboxImage, netContext } from './context.ts'
import { resolveName } from './resolve.ts'
import { pingOnce } from '../../engine/network/ping.ts'

export const ping: Command = (io, host) => {
  const args = io.argv.slice(1)
  let count = 4
  let target: string | undefined
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') count = Number(args[++i])
    else if (/^-c\d+$/.test(args[i])) count = Number(args[i].slice(2))
    else if (args[i] === '-W' || args[i] === '-w' || args[i] === '-i') i++
    else if (!args[i].startsWith('-')) target = args[i]
  }
  const ctx = netContext(io, host)
  if ('error' in ctx) { io.err(ctx.error + '\n'); return 1 }
  const busybox = io.location.kind === 'pod' && isBusyboxImage(ctx.image)
  if (!target) {
    io.err(busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n')
    return busybox ? 1 : 2
  }
  if (!Number.isInteger(count) || count < 1) { io.err(`ping: invalid argument: '${count}'\n`); return 1 }
  const r = resolveName(ctx, host, target)
  r.traces.forEach((t) => io.trace(t))
  if (!r.ip) {
    io.err(busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: Name or service not known\n`)
    finishTool(ctx)
    return busybox ? 1 : 2
  }
  const ip = r.ip
  const shown = busybox ? target : (r.canonical ?? target)
  io.out(busybox ? `PING ${target} (${ip}): 56 data bytes\n` : `PING ${shown} (${ip}) 56(84) bytes of data.\n`)
  const times: number[] = []
  for (let seq = 1; seq <= count; seq++) {
    if (!ctx.world) break
    const echo = pingOnce(ctx.world, ctx.client, ip, target, ctx.from)
    io.trace(echo.trace)
    if (!echo.replied) continue
    const ms = (0.04 + ctx.world.random.int(0, 80) / 1000) * (echo.ttl < 64 ? 2 : 1)
    times.push(ms)
    io.out(busybox ? `64 bytes from ${ip}: seq=${seq - 1} ttl=${echo.ttl} time=${ms.toFixed(3)} ms\n` : `64 bytes from ${ip}: icmp_seq=${seq} ttl=${echo.ttl} time=${ms.toFixed(3)} ms\n`)
  }
  const received = times.length
  const loss = Math.round(((count - received) / count) * 100)
  io.out(`\n--- ${shown} ping statistics ---\n`)
  if (busybox) {
    io.out(`${count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`)
    if (received) io.out(`round-trip min/avg/max = ${stats(times).min}/${stats(times).avg}/${stats(times).max} ms\n`)
  } else {
    io.out(`${count} packets transmitted, ${received} received, ${loss}% packet loss, time ${(count - 1) * 1000 + (received ? 3 : 39) * (count - 1)}ms\n`)
    if (received) { const s = stats(times); io.out(`rtt min/avg/max/mdev = ${s.min}/${s.avg}/${s.max}/${s.mdev} ms\n`) }
    else io.out('\n')
  }
  // One echo request per second: the clock moves as the command takes its time.
  finishTool(ctx, Math.max(0, count - 1) + (received < count ? 10 : 0))
  return received ? 0 : 1
}

function stats(xs: number[]): { min: string; avg: string; max: string; mdev: string } {
  const min = Math.min(...xs)
  const max = Math.max(...xs)
  const avg = xs.reduce((a, b) => a + b, 0) / xs.length
  const mdev = Math.sqrt(xs.reduce((a, b) => a + (b - avg) ** 2, 0) / xs.length)
  return { min: min.toFixed(3), avg: avg.toFixed(3), max: max.toFixed(3), mdev: mdev.toFixed(3) }
}
