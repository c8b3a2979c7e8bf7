// `ip` in a pod: `ip addr|a`, `ip link|l`, `ip route|r` (show/list, optionally `dev IF`), with -4/-6 and iproute2's
// -br. BusyBox's applet in busybox/alpine-based images; iproute2's where the image installs it (the catalog lists
// `ss`, which only iproute2 provides, as in netshoot and agnhost) or where the userland is not BusyBox.
import type { Command } from '../command.ts'
import { podToolContext } from './pod-tool.ts'
import { toolInImage } from './context.ts'
import { podNetns } from './netns.ts'
import { ipAddr, ipBrief, ipLink, ipRoute, selectIfaces } from './ip-format.ts'
import type { AddrFilter, IpFlavor } from './ip-format.ts'
import { isBusyboxImage } from '../../engine/images/index.ts'

/** Which `ip` the image has. */
function ipFlavor(image: string | undefined): IpFlavor {
  return !image || toolInImage(image, 'ss') || !isBusyboxImage(image) ? 'iproute2' : 'busybox'
}

/** iproute2's matches(): any prefix of the object's name, objects tried in ip.c's order. */
function objectOf(word: string): 'addr' | 'link' | 'route' | 'other' | undefined {
  if (!word) return undefined
  for (const [name, obj] of [['address', 'addr'], ['addrlabel', 'other'], ['maddress', 'other'], ['route', 'route'], ['rule', 'other'], ['neighbor', 'other'],
    ['neighbour', 'other'], ['ntable', 'other'], ['link', 'link'], ['l2tp', 'other'], ['fou', 'other'], ['tunnel', 'other'], ['netns', 'other'], ['monitor', 'other']] as const) {
    if (name.startsWith(word)) return obj
  }
  return undefined
}

export const ip: Command = (io, host) => {
  const ctx = podToolContext(io, host, 'ip', 'ip addr')
  if (typeof ctx === 'number') return ctx
  const flavor = ipFlavor(ctx.image)
  const args = io.argv.slice(1)
  const filter: AddrFilter = {}
  let brief = false
  while (args[0]?.startsWith('-')) {
    const opt = args.shift()!.replace(/^--?/, '-')
    if (opt === '-4') filter.family = 4
    else if (opt === '-6') filter.family = 6
    else if ((opt === '-br' || opt === '-brief') && flavor === 'iproute2') brief = true
    else if (/^-c(olor)?(=.*)?$/.test(opt) && flavor === 'iproute2') continue
    else { io.err(`kubehop: ip ${opt} is not simulated (ip [-4|-6${flavor === 'iproute2' ? '|-br' : ''}] addr|link|route are)\n`); return 1 }
  }
  const word = args.shift() ?? ''
  const object = objectOf(word)
  if (!object) {
    io.err(word && flavor === 'iproute2' ? `Object "${word}" is unknown, try "ip help".\n` : `kubehop: ip ${word || 'without an object'} is not simulated (ip addr, ip link and ip route are)\n`)
    return 1
  }
  if (args[0] && ['show', 'list', 'lst', 'ls', 'sh', 's', 'l'].includes(args[0])) args.shift()
  // IPv6 routes (fe80::/64 and the kernel's local ones) and `ip route get` are not modelled.
  if (object === 'other' || (object === 'route' && (args.length || filter.family === 6))) {
    io.err(`kubehop: ip ${filter.family === 6 ? '-6 ' : ''}${[word, ...args].join(' ')} is not simulated (ip addr, ip link and ip [-4] route show are)\n`)
    return 1
  }
  if (args[0] === 'dev') args.shift()
  if (args[0]) filter.dev = args[0]
  const ns = podNetns(ctx.world.view, ctx.pod)
  if (filter.dev && !selectIfaces(ns, { dev: filter.dev }).length) {
    io.err(flavor === 'iproute2' ? `Device "${filter.dev}" does not exist.\n` : `ip: can't find device '${filter.dev}'\n`)
    return 1
  }
  if (object === 'route') io.out(ipRoute(ns.routes, flavor))
  else if (brief) io.out(ipBrief(ns, object, filter))
  else io.out(object === 'addr' ? ipAddr(ns, flavor, filter) : ipLink(ns, flavor, filter))
  return 0
}
