// IPv4 helpers for rule matching. kubehop's clusters are single-stack IPv4, as kind's default is.
import { formatIPv4, parseIPv4 } from '../../net/ip.ts'

export { parseIPv4 }

export function isIPv4(ip: string): boolean {
  return parseIPv4(ip) !== null
}

/** `10.244.0.0/16` → network and prefix length; a bare address is a /32. */
export function parseCidr(cidr: string): { base: number; bits: number } | null {
  const [addr, len] = cidr.trim().split('/')
  const base = parseIPv4(addr)
  const bits = len === undefined ? 32 : Number(len)
  if (base === null || !Number.isInteger(bits) || bits < 0 || bits > 32) return null
  return { base: maskOf(base, bits), bits }
}

function maskOf(value: number, bits: number): number {
  if (bits === 0) return 0
  const size = 2 ** (32 - bits)
  return Math.floor(value / size) * size
}

export function cidrContains(cidr: string, ip: string): boolean {
  const net = parseCidr(cidr)
  const addr = parseIPv4(ip)
  return net !== null && addr !== null && maskOf(addr, net.bits) === net.base
}

/** How iptables-save prints an address match: always with a prefix length (`10.96.0.10/32`). */
export function canonicalCidr(cidr: string): string {
  const net = parseCidr(cidr)
  return net ? `${formatIPv4(net.base)}/${net.bits}` : cidr
}

/** The loopback range: always a local address, whatever the node's interfaces are. */
export const LOOPBACK_CIDR = '127.0.0.0/8'
