// BusyBox's nslookup, in its two lives (mirror/busybox networking/nslookup.c). Up to 1.28 it asked libc's
// getaddrinfo, so the search list applied and each address was printed with its reverse name ("Address 1: …").
// From 1.29 it sends its own A and AAAA queries, expands the search list only for names without a dot, and prints
// every reply: why `nslookup kubernetes.default` is NXDOMAIN in today's busybox and Kubernetes' docs pinned 1.28.
import type { CommandIO } from '../command.ts'
import type { NetContext } from './context.ts'
import { finishTool } from './context.ts'
import { lookup, queryEach } from '../../engine/network/dns-lookup.ts'
import type { DnsAnswer, RRType } from '../../engine/dns/records.ts'
import { reverseName } from '../../engine/dns/records.ts'
import type { ResolvConf } from '../../engine/dns/resolv-conf.ts'
import { parseImage } from '../../engine/images/index.ts'
import { isIPv4 } from '../../engine/net/ip.ts'

type PodContext = NetContext & { world: NonNullable<NetContext['world']>; resolv: ResolvConf }

const bare = (name: string) => name.replace(/\.$/, '')

/** busybox:1.28 and older (and their -uclibc/-musl/-glibc variants) print through getaddrinfo. */
export function isGetaddrinfoBusybox(image: string): boolean {
  const ref = parseImage(image)
  const m = /^1\.(\d+)/.exec(ref.tag ?? '')
  return /(^|\/)busybox$/.test(ref.repository) && !!m && Number(m[1]) <= 28
}

/** 1.28's output: `Server:` and each `Address N:` followed by the address's PTR name when it has one. */
export function busyboxLegacyNslookup(io: CommandIO, ctx: PodContext, name: string, server: string): number {
  const rc = { ...ctx.resolv, nameservers: [server] }
  const reverse = (ip: string) => {
    const r = lookup(ctx.world, ctx.client, rc, reverseName(ip), 'PTR', { from: ctx.from, search: false })
    const ptr = r.final.answer?.answer.find((a) => a.type === 'PTR')
    return ptr ? ` ${bare(ptr.data)}` : ''
  }
  const address = (n: number, ip: string) => `Address ${n}: ${ip}${reverse(ip)}`
  const result = lookup(ctx.world, ctx.client, rc, name, 'A', { from: ctx.from, search: true })
  io.trace(result.trace)
  finishTool(ctx, result.final.timedOut ? 10 : 0)
  io.out(`${'Server:'.padEnd(10)} ${server}\n${result.final.timedOut ? `Address 1: ${server}` : address(1, server)}\n\n`)
  const ips = isIPv4(name) ? [name] : (result.final.answer?.answer ?? []).filter((a) => a.type === 'A').map((a) => a.data)
  if (!ips.length) { io.err(`nslookup: can't resolve '${name}'\n`); return 1 }
  io.out(`${'Name:'.padEnd(10)} ${name}\n${ips.map((ip, i) => address(i + 1, ip)).join('\n')}\n`)
  return 0
}

/** One reply as parse_reply prints it: a Non-authoritative line without AA, then each answer record. */
function printReply(a: DnsAnswer): string {
  const lines: string[] = a.authoritative ? [] : ['Non-authoritative answer:']
  for (const rr of a.answer) {
    const n = bare(rr.name)
    if (rr.type === 'A' || rr.type === 'AAAA') lines.push(`Name:\t${n}`, `Address: ${rr.data}`)
    else if (rr.type === 'CNAME') lines.push(`${n}\tcanonical name = ${bare(rr.data)}`)
    else if (rr.type === 'PTR') lines.push(`${n}\tname = ${bare(rr.data)}`)
    else if (rr.type === 'SRV') lines.push(`${n}\tservice = ${bare(rr.data)}`)
    else if (rr.type === 'TXT') lines.push(`${n}\ttext = ${rr.data}`)
  }
  return lines.map((l) => l + '\n').join('')
}

/** 1.29 and later (busybox:latest, alpine): A and AAAA per search domain for a name without a dot, each reply printed. */
export function busyboxNslookup(io: CommandIO, ctx: PodContext, name: string, server: string, types: RRType[]): number {
  const names = isIPv4(name) ? [reverseName(name)]
    : name.includes('.') || !ctx.resolv.search.length ? [name] : ctx.resolv.search.map((s) => `${name}.${s}`)
  const wanted = isIPv4(name) ? [{ name: names[0], type: 'PTR' as RRType }] : types.flatMap((type) => names.map((n) => ({ name: n, type })))
  const result = queryEach(ctx.world, ctx.client, server, wanted, ctx.from)
  io.trace(result.trace)
  if (result.queries.some((q) => q.timedOut)) {
    finishTool(ctx, 10)
    io.out(';; connection timed out; no servers could be reached\n\n')
    return 1
  }
  finishTool(ctx)
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`
  let failed = false
  for (const q of result.queries) {
    const a = q.answer!
    if (a.rcode !== 'NOERROR') { out += `** server can't find ${bare(q.name)}: ${a.rcode}\n`; failed = true }
    else out += printReply(a)
    out += '\n'
  }
  io.out(out)
  return failed ? 1 : 0
}
