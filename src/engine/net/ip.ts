// IPv4 arithmetic on dotted strings (the simulation is IPv4 single-stack, like kind's default).

// The network walk converts the same few hundred addresses and CIDRs at every hop: remember them.
const MEMO_MAX = 50_000
const ipMemo = new Map<string, number>()
const cidrMemo = new Map<string, Readonly<{ base: number; prefix: number; size: number }>>()

/** Dotted-quad IPv4 as an unsigned number, or null (leading zeros accepted, as Go's ParseIPSloppy does). */
export function parseIPv4(ip: string): number | null {
  const parts = ip.split('.')
  if (parts.length !== 4) return null
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null
    const v = Number(p)
    if (v > 255) return null
    n = n * 256 + v
  }
  return n
}

export function ipToInt(ip: string): number {
  let n = ipMemo.get(ip)
  if (n === undefined) {
    const parsed = parseIPv4(ip)
    if (parsed === null) throw new Error(`invalid IPv4 address "${ip}"`)
    n = parsed
    if (ipMemo.size >= MEMO_MAX) ipMemo.clear()
    ipMemo.set(ip, n)
  }
  return n
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export { intToIp as formatIPv4 }

export function isIPv4(text: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text)
}

export function parseCidr(cidr: string): { base: number; prefix: number; size: number } {
  let c = cidrMemo.get(cidr)
  if (c === undefined) {
    c = Object.freeze(parseCidrText(cidr))
    if (cidrMemo.size >= MEMO_MAX) cidrMemo.clear()
    cidrMemo.set(cidr, c)
  }
  return c
}

function parseCidrText(cidr: string): { base: number; prefix: number; size: number } {
  const [ip, bits] = cidr.split('/')
  const prefix = Number(bits)
  if (!isIPv4(ip) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`invalid CIDR address: ${cidr}`)
  const size = 2 ** (32 - prefix)
  const base = Math.floor(ipToInt(ip) / size) * size
  return { base, prefix, size }
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { base, size } = parseCidr(cidr)
  const n = ipToInt(ip)
  return n >= base && n < base + size
}

/** A prefix length's netmask in dotted quads (24 → 255.255.255.0). */
export function netmask(prefix: number): string {
  return intToIp(2 ** 32 - 2 ** (32 - prefix))
}

/** The n-th address of a range (n = 0 is the network address). */
export function cidrHost(cidr: string, n: number): string {
  const { base, size } = parseCidr(cidr)
  if (n < 0 || n >= size) throw new Error(`host ${n} is outside ${cidr}`)
  return intToIp(base + n)
}

/** The index-th subnet of the given prefix length inside `cidr` (10.244.0.0/16, 24, 2 → 10.244.2.0/24). */
export function cidrSubnet(cidr: string, prefix: number, index: number): string {
  const { base, prefix: parent } = parseCidr(cidr)
  if (prefix < parent) throw new Error(`/${prefix} does not fit in ${cidr}`)
  return `${intToIp(base + index * 2 ** (32 - prefix))}/${prefix}`
}
