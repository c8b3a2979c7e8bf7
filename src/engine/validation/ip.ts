// IP address parsing with the leniency of k8s.io/utils/net ParseIPSloppy (leading zeros accepted in
// IPv4), plus the IP checks of k8s.io/apimachinery/pkg/util/validation/ip.go (v1.32) and
// ValidateNonSpecialIP (pkg/apis/core/validation/validation.go).
import { invalid, type ErrorList, type FieldPath } from './field-errors.ts'
import { formatIPv4, parseIPv4 as parseDottedQuad } from '../net/ip.ts'

/** Parses dotted-quad IPv4 into a 32-bit unsigned number, or undefined. */
export function parseIPv4(s: string): number | undefined {
  return parseDottedQuad(s) ?? undefined
}

export { formatIPv4 }

/** True for a syntactically valid IPv6 address (with `::` compression and an optional dotted IPv4 tail). */
export function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false
  let head = s
  let tailGroups = 0
  const lastColon = s.lastIndexOf(':')
  const tail = s.slice(lastColon + 1)
  if (tail.includes('.')) {
    if (parseIPv4(tail) === undefined) return false
    head = s.slice(0, lastColon + 1) + '0:0'
    tailGroups = 0
  }
  const dbl = head.split('::')
  if (dbl.length > 2) return false
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const left = groups(dbl[0])
  const right = dbl.length === 2 ? groups(dbl[1]) : []
  const all = [...left, ...right]
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  const count = all.length + tailGroups
  return dbl.length === 2 ? count < 8 : count === 8
}

export function isIP(s: string): boolean {
  return parseIPv4(s) !== undefined || isIPv6(s)
}

/** validation.IsValidIP */
export function isValidIP(p: FieldPath, value: string): ErrorList {
  return isIP(value) ? [] : [invalid(p, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')]
}

/** validation.IsValidIPv4Address */
export function isValidIPv4Address(p: FieldPath, value: string): ErrorList {
  return parseIPv4(value) !== undefined ? [] : [invalid(p, value, 'must be a valid IPv4 address')]
}

/** ValidateNonSpecialIP: unspecified, loopback and link-local addresses may not be endpoints or external IPs. */
export function validateNonSpecialIP(value: string, p: FieldPath): ErrorList {
  const v4 = parseIPv4(value)
  if (v4 === undefined && !isIPv6(value)) return [invalid(p, value, 'must be a valid IP address')]
  const errs: ErrorList = []
  const lower = value.toLowerCase()
  const unspecified = v4 === 0 || lower === '::'
  const loopback = v4 !== undefined ? v4 >>> 24 === 127 : lower === '::1'
  const linkLocal = v4 !== undefined ? Math.floor(v4 / 65536) === 0xa9fe : /^fe[89ab]/.test(lower)
  const linkLocalMulticast = v4 !== undefined ? Math.floor(v4 / 256) === 0xe00000 : lower.startsWith('ff02:')
  if (unspecified) errs.push(invalid(p, value, `may not be unspecified (${value})`))
  if (loopback) errs.push(invalid(p, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'))
  if (linkLocal) errs.push(invalid(p, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'))
  if (linkLocalMulticast) errs.push(invalid(p, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'))
  return errs
}
