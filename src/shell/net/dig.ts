// dig (bind 9.18, Debian bookworm's dnsutils): no search list unless +search, full sections or +short.
import type { Command } from '../command.ts'
import { finishTool, netContext, toolInImage } from './context.ts'
import { execNotFound } from './exec-not-found.ts'
import { lookup } from '../../engine/network/dns-lookup.ts'
import type { RRType } from '../../engine/dns/records.ts'
import { reverseName } from '../../engine/dns/records.ts'
import { digOutput, digShort, digWhen } from './dns-format.ts'
import { TraceBuilder } from '../../engine/trace/builder.ts'
import { upstreamResolve } from '../../engine/network/outside.ts'

const TYPES = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'NS', 'SOA', 'ANY']

export const dig: Command = (io, host) => {
  const args = io.argv.slice(1)
  const ctx = netContext(io, host)
  if ('error' in ctx) { io.err(ctx.error + '\n'); return 1 }
  if (io.location.kind === 'pod' && !toolInImage(ctx.image, 'dig')) return execNotFound(io, host, 'dig')
  let name: string | undefined
  let qtype: RRType = 'A'
  let short = false
  let search = false
  let server: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '+short') short = true
    else if (a === '+search') search = true
    else if (a.startsWith('+')) continue
    else if (a.startsWith('@')) server = a.slice(1)
    else if (a === '-t') { qtype = (args[++i] ?? 'A').toUpperCase() as RRType }
    else if (a === '-x') { const ip = args[++i]; name = reverseName(ip ?? ''); qtype = 'PTR' }
    // bind9 dig.c parse_args: a word that parses as a type sets the type wherever it stands (the last one wins); any other word is the name.
    else if (TYPES.includes(a.toUpperCase())) qtype = a.toUpperCase() as RRType
    else name = a
  }
  if (!name) name = '.'
  if (ctx.client.kind === 'host' || !ctx.world || !ctx.resolv) {
    io.trace(new TraceBuilder(ctx.from, name).finish('unresolved', null, null))
    const rootSoa = { name: '.', ttl: 1800, type: 'SOA' as const, data: 'a.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400' }
    // systemd-resolved answers the internet's names (not authoritative) and none of the cluster's.
    const known = upstreamResolve(name, qtype)
    const answer = known
      ? { rcode: 'NOERROR' as const, authoritative: false, answer: known, authority: [], additional: [], rule: '', note: '' }
      : { rcode: 'NXDOMAIN' as const, authoritative: false, answer: [], authority: [rootSoa], additional: [], rule: '', note: '' }
    if (short) io.out(digShort(answer))
    else io.out(digOutput({ qname: name.endsWith('.') ? name : `${name}.`, qtype, answer, server: '127.0.0.53', id: 4242, when: digWhen(host.cluster?.clock.now() ?? 0), argsText: args.join(' '), version: '9.18.28-0ubuntu0.24.04.1-Ubuntu' }))
    return 0
  }
  const srv = server ?? ctx.resolv.nameservers[0]
  const result = lookup(ctx.world, ctx.client, { ...ctx.resolv, nameservers: [srv] }, name, qtype, { from: ctx.from, search })
  io.trace(result.trace)
  if (result.final.timedOut) {
    finishTool(ctx, 15)
    io.out(`;; communications error to ${srv}#53: timed out\n;; communications error to ${srv}#53: timed out\n;; communications error to ${srv}#53: timed out\n\n; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> ${args.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`)
    return 9
  }
  finishTool(ctx)
  const answer = result.final.answer!
  if (short) { io.out(digShort(answer)); return 0 }
  io.out(digOutput({ qname: result.final.name, qtype, answer, server: srv, id: ctx.world.random.int(1, 65535), when: digWhen(ctx.world.view.now), argsText: args.join(' '), version: '9.18.28-1~deb12u2-Debian' }))
  return 0
}
