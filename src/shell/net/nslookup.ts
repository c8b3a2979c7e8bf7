// nslookup: bind's (Debian dnsutils, the image of Kubernetes' DNS debugging guide) in most images, BusyBox's
// in busybox/alpine (nslookup-busybox.ts). In pods the query goes to CoreDNS through the search list; on the host to
// systemd-resolved, which knows nothing of the cluster.
import type { Command } from '../command.ts'
import { finishTool, isBusyboxImage, netContext } from './context.ts'
import { lookup } from '../../engine/network/dns-lookup.ts'
import type { RRType } from '../../engine/dns/records.ts'
import { reverseName } from '../../engine/dns/records.ts'
import { TraceBuilder } from '../../engine/trace/builder.ts'
import { isIPv4 } from '../../engine/net/ip.ts'
import { upstreamResolve } from '../../engine/network/outside.ts'
import { busyboxLegacyNslookup, busyboxNslookup, isGetaddrinfoBusybox } from './nslookup-busybox.ts'

export const nslookup: Command = (io, host) => {
  const args = io.argv.slice(1).filter((a) => !a.startsWith('-'))
  const typeArg = io.argv.slice(1).find((a) => /^-(type|query|q)=/.test(a))
  let qtype = (typeArg?.split('=')[1]?.toUpperCase() ?? 'A') as RRType
  const name = args[0]
  const ctx = netContext(io, host)
  if ('error' in ctx) { io.err(ctx.error + '\n'); return 1 }
  const image = ctx.image ?? ''
  const busybox = isBusyboxImage(image)
  if (!name) { io.err(busybox ? 'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n' : '') ; return 1 }
  let qname = name
  if (isIPv4(name)) { qname = reverseName(name); qtype = 'PTR' }
  if (ctx.client.kind === 'host' || !ctx.world || !ctx.resolv) {
    // systemd-resolved's stub answers the internet's names (not authoritatively) and none of the cluster's.
    const known = qtype === 'A' ? upstreamResolve(name, 'A') : undefined
    io.trace(new TraceBuilder(ctx.from, name).finish(known ? 'delivered' : 'unresolved', null, null))
    if (known) {
      io.out(`Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\n${known.map((r) => `Name:\t${name}\nAddress: ${r.data}\n`).join('')}\n`)
      return 0
    }
    io.out(`Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find ${name}: NXDOMAIN\n\n`)
    return 1
  }
  const server = args[1] ?? ctx.resolv.nameservers[0]
  const podCtx = { ...ctx, world: ctx.world, resolv: ctx.resolv }
  if (busybox && isGetaddrinfoBusybox(image)) return busyboxLegacyNslookup(io, podCtx, name, server)
  if (busybox) return busyboxNslookup(io, podCtx, name, server, typeArg ? [qtype] : ['A', 'AAAA'])
  const rc = { ...ctx.resolv, nameservers: [server] }
  const result = lookup(ctx.world, ctx.client, rc, qname, qtype, { from: ctx.from, search: qtype !== 'PTR' })
  io.trace(result.trace)
  finishTool(ctx, result.final.timedOut ? 15 : 0)
  if (result.final.timedOut) {
    io.out(';; connection timed out; no servers could be reached\n\n')
    return 1
  }
  const a = result.final.answer!
  const out: string[] = [`Server:\t\t${server}`, `Address:\t${server}#53`, '']
  if (!a.answer.length) {
    out.push(`** server can't find ${name}: ${a.rcode === 'NOERROR' ? 'NXDOMAIN' : a.rcode}`, '')
    io.out(out.join('\n') + '\n')
    return 1
  }
  if (!a.authoritative) out.push('Non-authoritative answer:')
  for (const rr of a.answer) {
    const n = rr.name.replace(/\.$/, '')
    if (rr.type === 'CNAME') out.push(`${n}\tcanonical name = ${rr.data}`)
    else if (rr.type === 'PTR') out.push(`${qname}\tname = ${rr.data}`)
    else if (rr.type === 'SRV') out.push(`${n}\tservice = ${rr.data}`)
    else out.push(`Name:\t${n}`, `Address: ${rr.data}`)
  }
  out.push('')
  io.out(out.join('\n') + '\n')
  return 0
}
