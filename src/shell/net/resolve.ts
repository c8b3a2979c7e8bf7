// Name → address for curl/wget/ping: IP literals, /etc/hosts (the host's file, or the pod's own entries), then
// DNS. On the host there is no cluster DNS; in a pod the lookup goes to CoreDNS and yields its own TRACE.
import type { ShellHost } from '../command.ts'
import type { NetContext } from './context.ts'
import { lookup } from '../../engine/network/dns-lookup.ts'
import type { Trace } from '../../engine/trace/types.ts'
import { isIPv4 } from '../../engine/net/ip.ts'
import { upstreamResolve } from '../../engine/network/outside.ts'
import type { HostAlias } from 'kubernetes-types/core/v1'

export interface Resolved {
  ip?: string
  traces: Trace[]
  /** The DNS server did not answer at all. */
  timedOut?: boolean
  /** The name the address record belongs to (getaddrinfo's AI_CANONNAME: the search-list expansion, or a CNAME's target). */
  canonical?: string
}

function fromHostsFile(text: string, name: string): string | undefined {
  for (const line of text.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/)
    if (ip && isIPv4(ip) && names.some((n) => n.toLowerCase() === name.toLowerCase())) return ip
  }
  return undefined
}

export function resolveName(ctx: NetContext, host: ShellHost, name: string): Resolved {
  if (isIPv4(name)) return { ip: name, traces: [] }
  if (name === 'localhost') return { ip: '127.0.0.1', traces: [] }
  if (ctx.client.kind === 'host') {
    // /etc/hosts first, then systemd-resolved, which knows the internet's names and none of the cluster's.
    const ip = fromHostsFile(host.hostFiles.get('/etc/hosts') ?? '', name) ?? upstreamResolve(name, 'A')?.[0]?.data
    return { ip, traces: [] }
  }
  const pod = ctx.pod
  if (pod && name === pod.name) return { ip: pod.ip, traces: [] }
  for (const alias of (pod?.obj.spec?.hostAliases ?? []) as HostAlias[]) if ((alias.hostnames ?? []).includes(name)) return { ip: alias.ip, traces: [] }
  if (!ctx.world || !ctx.resolv) return { traces: [] }
  const result = lookup(ctx.world, ctx.client, ctx.resolv, name, 'A', { from: ctx.from })
  const a = result.final.answer?.answer.find((r) => r.type === 'A')
  return { ip: a?.data, traces: [result.trace], timedOut: result.final.timedOut, canonical: a?.name.replace(/\.$/, '') }
}
