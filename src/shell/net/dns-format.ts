// DNS answers printed as nslookup (bind 9.18 and BusyBox 1.36) and dig (bind 9.18) print them.
import type { DnsAnswer, RRType, ResourceRecord } from '../../engine/dns/records.ts'

function digRR(rr: ResourceRecord): string {
  // dig separates fields with tabs, and the name with tabs to column 24 (a space when longer).
  const name = rr.name.length < 24 ? rr.name + '\t'.repeat(Math.ceil((24 - rr.name.length) / 8)) : rr.name + ' '
  return `${name}${rr.ttl}\tIN\t${rr.type}\t${rr.data}`
}

export function digOutput(args: { qname: string; qtype: RRType; answer: DnsAnswer; server: string; id: number; when: string; argsText: string; version: string }): string {
  const a = args.answer
  const flags = a.authoritative ? 'qr aa rd' : 'qr rd ra'
  const lines = [
    '', `; <<>> DiG ${args.version} <<>> ${args.argsText}`, ';; global options: +cmd', ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${a.rcode}, id: ${args.id}`,
    `;; flags: ${flags}; QUERY: 1, ANSWER: ${a.answer.length}, AUTHORITY: ${a.authority.length}, ADDITIONAL: ${a.additional.length + 1}`,
  ]
  if (a.authoritative) lines.push(';; WARNING: recursion requested but not available')
  lines.push('', ';; OPT PSEUDOSECTION:', '; EDNS: version: 0, flags:; udp: 1232', ';; QUESTION SECTION:', `;${args.qname}\t\t${'IN'}\t${args.qtype}`, '')
  if (a.answer.length) lines.push(';; ANSWER SECTION:', ...a.answer.map(digRR), '')
  if (a.authority.length) lines.push(';; AUTHORITY SECTION:', ...a.authority.map(digRR), '')
  if (a.additional.length) lines.push(';; ADDITIONAL SECTION:', ...a.additional.map(digRR), '')
  const size = 12 + args.qname.length + 5 + 11 + [...a.answer, ...a.authority, ...a.additional].reduce((n, r) => n + 12 + r.data.length + 2, 0)
  lines.push(';; Query time: 0 msec', `;; SERVER: ${args.server}#53(${args.server}) (UDP)`, `;; WHEN: ${args.when}`, `;; MSG SIZE  rcvd: ${size}`, '', '')
  return lines.join('\n')
}

/** `+short`: the data of the answer records only. */
export function digShort(a: DnsAnswer): string {
  return a.answer.map((r) => `${r.data}\n`).join('')
}

/** dig's `;; WHEN:` date: `Thu Jan 01 09:00:00 UTC 2026`. */
export function digWhen(epochSeconds: number): string {
  const d = new Date(Math.floor(epochSeconds) * 1000)
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const two = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}
