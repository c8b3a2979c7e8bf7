// CoreDNS's kubernetes plugin (github.com/coredns/coredns plugin/kubernetes, spec:
// github.com/kubernetes/dns docs/specification.md): A/SRV/PTR records for Services and their endpoints,
// pod A records (`pods insecure`), CNAMEs for ExternalName, NXDOMAIN otherwise; other zones are forwarded.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { DnsAnswer, RRType, ResourceRecord } from './records.ts'
import { fqdn } from './records.ts'
import { FORWARD_PLUGIN_LINE, KUBERNETES_PLUGIN_LINE } from './corefile.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'
import type { Endpoint as SliceEndpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'

const TTL = 30

export interface CoreDnsOptions {
  clusterDomain: string
  /** Simulated time: the SOA serial (CoreDNS uses the time of the last change it saw). */
  now: number
  /** The `loadbalance` plugin shuffles A records; pass a seeded shuffle for deterministic transcripts. */
  shuffle?: <T>(items: T[]) => T[]
  /** Names the upstream resolver (the node's /etc/resolv.conf → docker → the internet) knows. */
  upstream?: (name: string, type: RRType) => ResourceRecord[] | undefined
}

interface Endpoint { ip: string; hostname?: string; ready: boolean }

function soa(domain: string, now: number): ResourceRecord {
  return { name: fqdn(domain), ttl: TTL, type: 'SOA', data: `ns.dns.${domain}. hostmaster.${domain}. ${Math.floor(now)} 7200 1800 86400 30` }
}

function endpointsOf(store: ReadonlyStore, svc: KubeObject): Endpoint[] {
  const ns = svc.metadata.namespace
  const out: Endpoint[] = []
  const seen = new Set<string>()
  const publish = !!svc.spec?.publishNotReadyAddresses
  for (const slice of store.list('EndpointSlice', ns)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue
    if (slice.addressType && slice.addressType !== 'IPv4') continue
    for (const ep of (slice.endpoints ?? []) as SliceEndpoint[]) {
      const ready = ep.conditions?.ready !== false
      if (!ready && !publish) continue
      for (const ip of ep.addresses ?? []) {
        if (seen.has(ip)) continue
        seen.add(ip)
        out.push({ ip, hostname: ep.hostname, ready })
      }
    }
  }
  return out
}

function slicePorts(store: ReadonlyStore, svc: KubeObject): { name: string; port: number; protocol: string }[] {
  if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') {
    return (svc.spec.ports ?? []).map((p: ServicePort) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' }))
  }
  const ports = new Map<string, { name: string; port: number; protocol: string }>()
  for (const slice of store.list('EndpointSlice', svc.metadata.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue
    for (const p of (slice.ports ?? []) as SlicePort[]) ports.set(`${p.name ?? ''}/${p.protocol ?? 'TCP'}`, { name: p.name ?? '', port: p.port as number, protocol: p.protocol ?? 'TCP' })
  }
  return [...ports.values()]
}

function dashed(ip: string): string {
  return ip.replace(/\./g, '-')
}

const noShuffle = <T,>(items: T[]) => items

/**
 * Answers one query as CoreDNS with kubeadm's Corefile does: names under the cluster domain from the API
 * (Services, endpoints, pods), reverse lookups of service and endpoint IPs, everything else forwarded.
 */
export function corednsResolve(store: ReadonlyStore, qname: string, qtype: RRType, opts: CoreDnsOptions): DnsAnswer {
  const domain = opts.clusterDomain
  const name = fqdn(qname)
  const shuffle = opts.shuffle ?? noShuffle
  const kubeRule = KUBERNETES_PLUGIN_LINE(domain)
  const answer = (answerRRs: ResourceRecord[], note: string, additional: ResourceRecord[] = []): DnsAnswer =>
    ({ rcode: 'NOERROR', authoritative: true, answer: answerRRs, authority: answerRRs.length ? [] : [soa(domain, opts.now)], additional, rule: kubeRule, note })
  const nx = (note: string): DnsAnswer => ({ rcode: 'NXDOMAIN', authoritative: true, answer: [], authority: [soa(domain, opts.now)], additional: [], rule: kubeRule, note })

  if (name.endsWith('.in-addr.arpa.') && qtype === 'PTR') return reverse(store, name, domain, opts)
  const suffix = `.${domain}.`
  if (!name.endsWith(suffix)) return forward(name, qtype, opts)
  const labels = name.slice(0, -suffix.length).split('.')
  // <ip-dashed>.<ns>.pod.<domain>
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0].replace(/-/g, '.')
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return nx(`${name} is not a pod name CoreDNS can answer.`)
    if (!store.get('Namespace', undefined, labels[1])) return nx(`Namespace ${labels[1]} does not exist.`)
    return answer(qtype === 'A' ? [{ name, ttl: TTL, type: 'A', data: ip }] : [], `"pods insecure": CoreDNS answers any <ip>.${labels[1]}.pod name with that IP.`)
  }
  const svcAt = labels.lastIndexOf('svc')
  if (svcAt < 2 || svcAt !== labels.length - 1) return nx(`${name} is not a Service or pod name of ${domain}.`)
  const ns = labels[svcAt - 1]
  const svcName = labels[svcAt - 2]
  const rest = labels.slice(0, svcAt - 2)
  const svc = store.get('Service', ns, svcName)
  if (!svc) return nx(`No Service "${svcName}" in namespace "${ns}".`)
  const svcFqdn = `${svcName}.${ns}.svc.${domain}.`
  const type = svc.spec?.type ?? 'ClusterIP'
  const headless = svc.spec?.clusterIP === 'None'

  if (type === 'ExternalName') {
    if (rest.length) return nx(`${name} does not exist under an ExternalName Service.`)
    const target = fqdn(svc.spec.externalName ?? '')
    const cname: ResourceRecord = { name, ttl: TTL, type: 'CNAME', data: target }
    const chased = qtype === 'CNAME' ? [] : corednsResolve(store, target, qtype, opts).answer
    return answer([cname, ...chased], `ExternalName Service: only a CNAME to ${target}, no cluster IP and no proxying.`)
  }

  // SRV: _port._proto.svc.ns.svc.domain (or svc.ns.svc.domain for all ports)
  if (rest.length === 2 && rest[0].startsWith('_') && rest[1].startsWith('_')) {
    const portName = rest[0].slice(1)
    const proto = rest[1].slice(1).toUpperCase()
    const ports = slicePorts(store, svc).filter((p) => p.name === portName && p.protocol === proto)
    if (!ports.length) return nx(`Service ${ns}/${svcName} has no port named "${portName}" over ${proto}.`)
    if (qtype !== 'SRV') return answer([], `${name} exists but holds only SRV records.`)
    return srv(store, svc, name, svcFqdn, ports, headless, shuffle)
  }
  if (rest.length === 1) {
    // <hostname-or-dashed-ip>.svc.ns.svc.domain: one endpoint of a headless Service.
    const ep = endpointsOf(store, svc).find((e) => e.hostname === rest[0] || dashed(e.ip) === rest[0])
    if (!ep) return nx(`No endpoint "${rest[0]}" behind Service ${ns}/${svcName}.`)
    return answer(qtype === 'A' ? [{ name, ttl: TTL, type: 'A', data: ep.ip }] : [], `An endpoint of headless Service ${ns}/${svcName}.`)
  }
  if (rest.length) return nx(`${name} does not exist.`)

  if (qtype === 'SRV') return srv(store, svc, name, svcFqdn, slicePorts(store, svc), headless, shuffle)
  if (qtype !== 'A') return answer([], `Service ${ns}/${svcName} has no ${qtype} record (the cluster is IPv4 only).`)
  if (!headless) {
    return answer([{ name, ttl: TTL, type: 'A', data: svc.spec.clusterIP }], `Service ${ns}/${svcName} resolves to its cluster IP ${svc.spec.clusterIP}.`)
  }
  const eps = endpointsOf(store, svc)
  if (!eps.length) return nx(`Headless Service ${ns}/${svcName} has no ready endpoints, so the name does not exist.`)
  return answer(shuffle(eps.map((e) => ({ name, ttl: TTL, type: 'A' as const, data: e.ip }))),
    `Headless Service ${ns}/${svcName}: one A record per ${svc.spec.publishNotReadyAddresses ? '' : 'ready '}pod, no cluster IP.`)
}

function srv(store: ReadonlyStore, svc: KubeObject, name: string, svcFqdn: string, ports: { name: string; port: number; protocol: string }[], headless: boolean, shuffle: <T>(items: T[]) => T[]): DnsAnswer {
  const domain = svcFqdn.split('.svc.')[1].replace(/\.$/, '')
  const rule = KUBERNETES_PLUGIN_LINE(domain)
  const records: ResourceRecord[] = []
  const extra: ResourceRecord[] = []
  if (!headless) {
    const weight = Math.floor(100 / Math.max(1, ports.length))
    for (const p of ports) records.push({ name: p.name ? `_${p.name}._${p.protocol.toLowerCase()}.${svcFqdn}` : name, ttl: TTL, type: 'SRV', data: `0 ${weight} ${p.port} ${svcFqdn}` })
    extra.push({ name: svcFqdn, ttl: TTL, type: 'A', data: svc.spec.clusterIP })
  } else {
    const eps = endpointsOf(store, svc)
    const weight = Math.floor(100 / Math.max(1, eps.length * ports.length))
    for (const p of ports) {
      for (const e of eps) {
        const target = `${e.hostname ?? dashed(e.ip)}.${svcFqdn}`
        records.push({ name: name.startsWith('_') ? name : `_${p.name}._${p.protocol.toLowerCase()}.${svcFqdn}`, ttl: TTL, type: 'SRV', data: `0 ${weight} ${p.port} ${target}` })
        if (!extra.some((x) => x.name === target)) extra.push({ name: target, ttl: TTL, type: 'A', data: e.ip })
      }
    }
  }
  return { rcode: 'NOERROR', authoritative: true, answer: shuffle(records), authority: [], additional: extra, rule,
    note: `SRV records name the port${ports.length === 1 ? '' : 's'} of Service ${svc.metadata.namespace}/${svc.metadata.name}.` }
}

function reverse(store: ReadonlyStore, name: string, domain: string, opts: CoreDnsOptions): DnsAnswer {
  const ip = name.replace(/\.in-addr\.arpa\.$/, '').split('.').reverse().join('.')
  const ptr = (target: string, note: string): DnsAnswer => ({ rcode: 'NOERROR', authoritative: true, answer: [{ name, ttl: TTL, type: 'PTR', data: target }], authority: [], additional: [], rule: KUBERNETES_PLUGIN_LINE(domain), note })
  for (const svc of store.list('Service')) {
    if ((svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]).includes(ip)) return ptr(`${svc.metadata.name}.${svc.metadata.namespace}.svc.${domain}.`, `${ip} is the cluster IP of Service ${svc.metadata.namespace}/${svc.metadata.name}.`)
  }
  for (const svc of store.list('Service')) {
    const ep = endpointsOf(store, svc).find((e) => e.ip === ip)
    if (ep && svc.spec?.clusterIP === 'None') return ptr(`${ep.hostname ?? dashed(ip)}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${domain}.`, `${ip} is an endpoint of headless Service ${svc.metadata.namespace}/${svc.metadata.name}.`)
  }
  // `fallthrough in-addr.arpa`: unknown addresses go to the upstream resolver, which knows none of them.
  return { ...forward(name, 'PTR', opts), note: `No Service or endpoint has ${ip}; CoreDNS falls through to its upstream, which does not know it either.` }
}

function forward(name: string, qtype: RRType, opts: CoreDnsOptions): DnsAnswer {
  const known = opts.upstream?.(name, qtype)
  if (known) return { rcode: 'NOERROR', authoritative: false, answer: (opts.shuffle ?? noShuffle)(known), authority: [], additional: [], rule: FORWARD_PLUGIN_LINE, note: `${name} is outside ${opts.clusterDomain}: CoreDNS forwarded it to the nameserver in its node's /etc/resolv.conf (on kind, Docker's embedded DNS 127.0.0.11, which asks the host's resolver); the answer is not authoritative.` }
  // The upstream's negative answer carries the root zone's SOA (what `dig` shows in AUTHORITY).
  const rootSoa: ResourceRecord = { name: '.', ttl: 1800, type: 'SOA', data: 'a.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400' }
  return { rcode: 'NXDOMAIN', authoritative: false, answer: [], authority: [rootSoa], additional: [], rule: FORWARD_PLUGIN_LINE,
    note: `${name} is outside ${opts.clusterDomain}: CoreDNS forwarded it upstream, which answered NXDOMAIN.` }
}
