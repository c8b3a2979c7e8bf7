// DNS resource records and answers as CoreDNS sends them and dig/nslookup print them.

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'SOA' | 'TXT' | 'NS'

export interface ResourceRecord {
  /** Fully qualified, with the trailing dot. */
  name: string
  ttl: number
  type: RRType
  /** Presentation format of the RDATA: `10.96.0.1`, `0 100 80 kubia.default.svc.cluster.local.`. */
  data: string
}

type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED'

export interface DnsAnswer {
  rcode: Rcode
  /** Authoritative answer (CoreDNS's kubernetes plugin sets AA for its zones). */
  authoritative: boolean
  answer: ResourceRecord[]
  authority: ResourceRecord[]
  additional: ResourceRecord[]
  /** What decided: the Corefile line (for the trace). */
  rule: string
  /** One sentence for the trace. */
  note: string
}

/** The PTR query name of an IPv4 address: `10.96.0.1` → `1.0.96.10.in-addr.arpa` (no trailing dot, as tools print it). */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`
}

export function fqdn(name: string): string {
  return name.endsWith('.') ? name.toLowerCase() : `${name.toLowerCase()}.`
}
