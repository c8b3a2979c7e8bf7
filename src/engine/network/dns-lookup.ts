// A stub resolver's lookup as its own TRACE: each query of the search list travels as UDP to the nameserver
// in resolv.conf (the kube-dns cluster IP, DNATed by kube-proxy to a CoreDNS pod), CoreDNS answers, and the
// reply comes back through conntrack. All queries of one lookup share a socket, hence one conntrack entry.
import type { DnsAnswer, RRType } from '../dns/records.ts'
import { corednsResolve } from '../dns/coredns.ts'
import type { ResolvConf } from '../dns/resolv-conf.ts'
import { searchCandidates } from '../dns/resolv-conf.ts'
import type { Trace } from '../trace/types.ts'
import { TraceBuilder } from '../trace/builder.ts'
import type { ConnMemo, Peer } from './connect.ts'
import { connect, peerAt } from './connect.ts'
import type { NetworkWorld } from './world.ts'
import { appKind } from '../apps/registry.ts'
import { upstreamResolve } from './outside.ts'

interface QueryResult {
  name: string
  answer?: DnsAnswer
  /** No answer came back (no reachable DNS server): `connection timed out; no servers could be reached`. */
  timedOut?: boolean
  server: string
}

export interface LookupResult {
  queries: QueryResult[]
  /** The query that produced the final answer (the first NOERROR with records, else the last). */
  final: QueryResult
  trace: Trace
}

function shuffler(world: NetworkWorld) {
  return <T,>(items: T[]): T[] => {
    const a = items.slice()
    for (let i = a.length - 1; i > 0; i--) {
      const j = world.random.int(0, i)
      ;[a[i], a[j]] = [a[j], a[i]]
    }
    return a
  }
}

/** One query to `server` (UDP 53) from `client`; `memo` keeps the socket across the search list. */
function dnsQuery(world: NetworkWorld, tb: TraceBuilder, client: Peer, server: string, name: string, type: RRType, memo?: ConnMemo): { result: QueryResult; memo: ConnMemo } {
  let answer: DnsAnswer | undefined
  const conn = connect(world, tb, client, { ip: server, port: 53 }, 'udp', memo, (srv, peer, local, t) => {
    if (srv.kind !== 'container' || appKind(srv.container.image) !== 'coredns') return
    answer = corednsResolve(world.view.store, name, type, { clusterDomain: world.view.config.clusterDomain, now: world.view.now, shuffle: shuffler(world), upstream: upstreamResolve })
    t.hop({ at: `pod/${srv.pod.name}`, component: 'coredns', action: 'resolve', src: peer, dst: local, rule: answer.rule,
      note: `${type} ${name}: ${answer.rcode}${answer.answer.length ? ` → ${answer.answer.map((r) => r.data).join(', ')}` : ''}. ${answer.note}` })
  })
  return { result: { name, answer, timedOut: conn.status !== 'open' || !answer, server }, memo: conn.memo }
}

/**
 * Resolves `name` as the client's stub resolver does: through each search-list candidate until one answers
 * with records (NXDOMAIN moves on; a timeout stops), returning all queries and the TRACE.
 */
export function lookup(world: NetworkWorld, client: Peer, rc: ResolvConf, name: string, type: RRType = 'A', opts: { search?: boolean; from?: string } = {}): LookupResult {
  const tb = new TraceBuilder(opts.from ?? peerAt(client), name)
  const server = rc.nameservers[0] ?? '127.0.0.1'
  const candidates = opts.search === false ? [name.endsWith('.') ? name : `${name}.`] : searchCandidates(name, rc)
  const queries: QueryResult[] = []
  let memo: ConnMemo | undefined
  for (const candidate of candidates) {
    const q = dnsQuery(world, tb, client, server, candidate, type, memo)
    memo = q.memo
    queries.push(q.result)
    if (q.result.timedOut) break
    if (q.result.answer?.rcode === 'NOERROR' && q.result.answer.answer.length) break
  }
  const final = queries.find((q) => q.answer?.rcode === 'NOERROR' && q.answer.answer.length) ?? queries[queries.length - 1]
  const outcome = final.timedOut ? 'timeout' : final.answer?.answer.length ? 'delivered' : 'unresolved'
  const servedBy = tb.hops.find((h) => h.component === 'coredns')?.at ?? null
  return { queries, final, trace: tb.finish(outcome, servedBy, null) }
}

/**
 * Sends each (name, type) query as given, with no search list, on one socket, as BusyBox's nslookup does
 * (networking/nslookup.c sends all its queries up front and prints every reply).
 */
export function queryEach(world: NetworkWorld, client: Peer, server: string, queries: { name: string; type: RRType }[], from?: string): { queries: (QueryResult & { type: RRType })[]; trace: Trace } {
  const tb = new TraceBuilder(from ?? peerAt(client), queries[0]?.name ?? '')
  const results: (QueryResult & { type: RRType })[] = []
  let memo: ConnMemo | undefined
  for (const q of queries) {
    const r = dnsQuery(world, tb, client, server, q.name.endsWith('.') ? q.name : `${q.name}.`, q.type, memo)
    memo = r.memo
    results.push({ ...r.result, type: q.type })
    if (r.result.timedOut) break
  }
  const answered = results.some((r) => r.answer?.answer.length)
  const outcome = results.some((r) => r.timedOut) ? 'timeout' : answered ? 'delivered' : 'unresolved'
  const servedBy = tb.hops.find((h) => h.component === 'coredns')?.at ?? null
  return { queries: results, trace: tb.finish(outcome, servedBy, null) }
}
