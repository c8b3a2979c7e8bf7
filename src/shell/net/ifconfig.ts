// BusyBox ifconfig (networking/ifconfig.c, networking/interface.c ife_print), the one busybox, alpine and netshoot
// have: interfaces sorted by name, `Link encap:`, upper-case HWaddr, IPv6 lines from /proc/net/if_inet6. The packet
// and byte counters are nominal (kubehop does not count traffic per interface): they read 0.
import type { Command } from '../command.ts'
import { podToolContext } from './pod-tool.ts'
import { podNetns } from './netns.ts'
import type { Iface } from './netns.ts'
import { macText } from './link-addresses.ts'
import { netmask } from '../../engine/net/ip.ts'

const SCOPE6: Record<string, string> = { host: 'Host', link: 'Link', global: 'Global' }

function block(i: Iface): string {
  let out = `${i.name.padEnd(9)} Link encap:${i.loopback ? 'Local Loopback' : 'Ethernet'}  ${i.loopback ? '' : `HWaddr ${macText(i.mac, true)}  `}\n`
  for (const a of i.inet.slice(0, 1)) {
    out += `          inet addr:${a.ip} ${i.loopback ? '' : ` Bcast:${a.brd ?? '0.0.0.0'} `} Mask:${netmask(a.prefix)}\n`
  }
  for (const a of i.inet6) out += `          inet6 addr: ${a.ip}/${a.prefix} Scope:${SCOPE6[a.scope]}\n`
  out += `          ${i.loopback ? 'UP LOOPBACK RUNNING ' : 'UP BROADCAST RUNNING MULTICAST '} MTU:${i.mtu}  Metric:1\n`
  out += '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n'
  out += '          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n'
  out += `          collisions:0 txqueuelen:${i.qlen} \n`
  out += '          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n'
  return out
}

export const ifconfig: Command = (io, host) => {
  const ctx = podToolContext(io, host, 'ifconfig', 'ifconfig')
  if (typeof ctx === 'number') return ctx
  const args = io.argv.slice(1).filter((a) => a !== '-a')
  // Configuring (`ifconfig eth0 up`, an address) needs NET_ADMIN, which a pod's container does not have by default.
  if (args.length > 1) { io.err('ifconfig: SIOCSIFFLAGS: Operation not permitted\n'); return 1 }
  const ifaces = [...podNetns(ctx.world.view, ctx.pod).ifaces].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const shown = args[0] ? ifaces.filter((i) => i.name === args[0]) : ifaces
  if (!shown.length) { io.err(`ifconfig: ${args[0]}: error fetching interface information: Device not found\n`); return 1 }
  io.out(shown.map(block).join(''))
  return 0
}
