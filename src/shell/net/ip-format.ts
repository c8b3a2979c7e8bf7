// `ip addr`, `ip link` and `ip route` text, as iproute2 6.x prints it (ip/ipaddress.c print_linkinfo/print_addrinfo,
// ip/iproute.c print_route: every field followed by a space) and as BusyBox's ip does (networking/libiproute: no
// `group`, no link-netnsid, a peer in another namespace looked up here by index, hence `@if6` and `M-DOWN`; routes
// with ` src` after a double space).
import type { Iface, Inet4, Inet6, Netns, Route4 } from './netns.ts'
import { macText } from './link-addresses.ts'

export type IpFlavor = 'iproute2' | 'busybox'
export interface AddrFilter { family?: 4 | 6; dev?: string }

const flagsOf = (i: Iface) => (i.loopback ? 'LOOPBACK,UP,LOWER_UP' : 'BROADCAST,MULTICAST,UP,LOWER_UP')
const stateOf = (i: Iface) => (i.loopback ? 'UNKNOWN' : 'UP')

/** `eth0@if6` (iproute2: IFLA_LINK_NETNSID says the peer is elsewhere); BusyBox resolves the index in this namespace. */
function nameAndLink(i: Iface, ns: Netns, flavor: IpFlavor): { name: string; mdown: boolean } {
  if (!i.peer) return { name: i.name, mdown: false }
  if (flavor === 'iproute2') return { name: `${i.name}@if${i.peer.index}`, mdown: false }
  const local = ns.ifaces.find((x) => x.index === i.peer!.index)
  return { name: `${i.name}@${local ? local.name : `if${i.peer.index}`}`, mdown: !local }
}

function linkLines(i: Iface, ns: Netns, flavor: IpFlavor, withLinkLine: boolean, mode: boolean): string {
  const { name, mdown } = nameAndLink(i, ns, flavor)
  const flags = `<${flagsOf(i)}${mdown ? ',M-DOWN' : ''}>`
  const qlen = i.qlen ? `qlen ${i.qlen}` : ''
  const head = flavor === 'iproute2'
    ? `${i.index}: ${name}: ${flags} mtu ${i.mtu} qdisc noqueue state ${stateOf(i)} ${mode ? 'mode DEFAULT ' : ''}group default ${qlen}`
    : `${i.index}: ${name}: ${flags} mtu ${i.mtu} qdisc noqueue state ${stateOf(i)} ${qlen}`
  if (!withLinkLine) return head + '\n'
  const link = i.loopback ? 'loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00' : `ether ${macText(i.mac)} brd ff:ff:ff:ff:ff:ff`
  const netns = flavor === 'iproute2' && i.peer ? ` link-netnsid ${i.peer.netnsid}` : ''
  return `${head}\n    link/${link}${netns}\n`
}

const LIFETIME = '       valid_lft forever preferred_lft forever\n'

function inetLine(a: Inet4, i: Iface): string {
  return `    inet ${a.ip}/${a.prefix} ${a.brd ? `brd ${a.brd} ` : ''}scope ${a.scope} ${a.dynamic ? 'dynamic ' : ''}${i.name}\n${LIFETIME}`
}

function inet6Line(a: Inet6, flavor: IpFlavor): string {
  // BusyBox does not print IFA_PROTO; iproute2 6.3+ does.
  const proto = flavor === 'iproute2' && a.proto ? `proto ${a.proto} ` : ''
  return `    inet6 ${a.ip}/${a.prefix} scope ${a.scope} ${a.nodad ? 'nodad ' : ''}${proto}\n${LIFETIME}`
}

/** Interfaces a filter keeps: the named one, and with -4/-6 only those with an address of that family. */
export function selectIfaces(ns: Netns, f: AddrFilter): Iface[] {
  return ns.ifaces.filter((i) => (!f.dev || i.name === f.dev) && (f.family !== 4 || i.inet.length) && (f.family !== 6 || i.inet6.length))
}

export function ipAddr(ns: Netns, flavor: IpFlavor, f: AddrFilter): string {
  return selectIfaces(ns, f).map((i) => linkLines(i, ns, flavor, !f.family, false)
    + (f.family === 6 ? '' : i.inet.map((a) => inetLine(a, i)).join(''))
    + (f.family === 4 ? '' : i.inet6.map((a) => inet6Line(a, flavor)).join(''))).join('')
}

export function ipLink(ns: Netns, flavor: IpFlavor, f: AddrFilter): string {
  return selectIfaces(ns, { dev: f.dev }).map((i) => linkLines(i, ns, flavor, true, flavor === 'iproute2')).join('')
}

/** iproute2's -br: name@link padded to 16, state to 14, then the addresses (ip -br addr) or MAC and flags (ip -br link). */
export function ipBrief(ns: Netns, what: 'addr' | 'link', f: AddrFilter): string {
  return selectIfaces(ns, what === 'addr' ? f : { dev: f.dev }).map((i) => {
    const head = `${nameAndLink(i, ns, 'iproute2').name.padEnd(16)} ${stateOf(i).padEnd(14)} `
    if (what === 'link') return `${head}${i.loopback ? '00:00:00:00:00:00' : macText(i.mac)} <${flagsOf(i)}> \n`
    const addrs = [...(f.family === 6 ? [] : i.inet), ...(f.family === 4 ? [] : i.inet6)]
    return head + addrs.map((a) => `${a.ip}/${a.prefix} `).join('') + '\n'
  }).join('')
}

export function ipRoute(routes: Route4[], flavor: IpFlavor): string {
  return routes.map((r) => {
    let line = `${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${r.dev} `
    // BusyBox does not print the protocol (its "Todo: parse & show proto kernel"), and writes " src %s ".
    if (r.proto && flavor === 'iproute2') line += `proto ${r.proto} `
    if (r.scope) line += `scope ${r.scope} `
    if (r.src) line += flavor === 'iproute2' ? `src ${r.src} ` : ` src ${r.src} `
    return line + '\n'
  }).join('')
}
