// Link-layer and IPv6 addresses for simulated interfaces: a MAC address fixed per interface (the kernel picks a random
// locally administered one for each veth), the EUI-64 link-local address the kernel derives from it, and IPv6 text.

/** A stable pseudo-random MAC for `key`: unicast, locally administered (eth_random_addr's two low bits: 0b10). */
export function macFor(key: string): number[] {
  const bytes: number[] = []
  let h = 0x811c9dc5
  for (let round = 0; bytes.length < 6; round++) {
    for (const ch of `${key}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193)
    const v = h >>> 0
    bytes.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255)
  }
  bytes.length = 6
  bytes[0] = (bytes[0] & 0xfe) | 0x02
  return bytes
}

/** `3e:87:5b:71:5b:8a` (iproute2) or `3E:87:5B:71:5B:8A` (BusyBox ifconfig). */
export function macText(mac: number[], upper = false): string {
  const text = mac.map((b) => b.toString(16).padStart(2, '0')).join(':')
  return upper ? text.toUpperCase() : text
}

/** fe80::/64 with the modified EUI-64 interface id (addrconf_ifid_eui48: flip the U/L bit, insert ff:fe). */
export function linkLocalFor(mac: number[]): number[] {
  return [0xfe80, 0, 0, 0, ((mac[0] ^ 2) << 8) | mac[1], (mac[2] << 8) | 0xff, 0xfe00 | mac[3], (mac[4] << 8) | mac[5]]
}

/** inet_ntop's text: lowercase groups without leading zeros, the longest run of two or more zero groups as `::`. */
export function ipv6Text(groups: number[]): string {
  let best = -1, bestLen = 0
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i }
    i = j
  }
  const hex = groups.map((g) => g.toString(16))
  if (best < 0) return hex.join(':')
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`
}
