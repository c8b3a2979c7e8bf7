// Just enough DER (X.690) and PEM to write the files `openssl genrsa` and `openssl req -x509` write: a PKCS#8 key
// and a self-signed X.509 v3 certificate whose subject and issuer other tools read back. Bytes that would be
// numbers of real RSA (modulus, signature) come from a seeded generator: nothing here is cryptography.
import { utf8Bytes } from '../../engine/util/utf8.ts'

export type Bytes = number[]

function length(n: number): Bytes {
  if (n < 0x80) return [n]
  const out: Bytes = []
  for (let v = n; v > 0; v >>= 8) out.unshift(v & 0xff)
  return [0x80 | out.length, ...out]
}

const tlv = (tag: number, body: Bytes): Bytes => [tag, ...length(body.length), ...body]
export const seq = (...items: Bytes[]): Bytes => tlv(0x30, items.flat())
const set = (...items: Bytes[]): Bytes => tlv(0x31, items.flat())
const int = (body: Bytes): Bytes => tlv(0x02, body[0] & 0x80 ? [0, ...body] : body)
const octets = (body: Bytes): Bytes => tlv(0x04, body)
const bits = (body: Bytes): Bytes => tlv(0x03, [0, ...body])
const nul: Bytes = [0x05, 0x00]
const explicit = (n: number, body: Bytes): Bytes => tlv(0xa0 | n, body)
const utf8 = (s: string): Bytes => utf8Bytes(s)

function oid(dotted: string): Bytes {
  const [a, b, ...rest] = dotted.split('.').map(Number)
  const body = [a * 40 + b]
  for (const n of rest) {
    const parts: number[] = []
    for (let v = n; ; v = Math.floor(v / 128)) { parts.unshift(v % 128); if (v < 128) break }
    body.push(...parts.map((p, i) => (i < parts.length - 1 ? p | 0x80 : p)))
  }
  return tlv(0x06, body)
}

const RSA = seq(oid('1.2.840.113549.1.1.1'), nul)
const SHA256_RSA = seq(oid('1.2.840.113549.1.1.11'), nul)
/** X.520 attribute types openssl's -subj names (short names as in `/C=US/O=Org/CN=host`). */
const ATTRIBUTES: Record<string, string> = { CN: '2.5.4.3', C: '2.5.4.6', L: '2.5.4.7', ST: '2.5.4.8', O: '2.5.4.10', OU: '2.5.4.11', emailAddress: '1.2.840.113549.1.9.1' }

/** `/CN=a/O=b` → [['CN','a'],['O','b']]; undefined names an unknown attribute (openssl's own error then). */
export function parseSubject(text: string): [string, string][] | { unknown: string } {
  const out: [string, string][] = []
  for (const part of text.split('/').filter(Boolean)) {
    const eq = part.indexOf('=')
    const key = eq < 0 ? part : part.slice(0, eq)
    if (!ATTRIBUTES[key] || eq < 0) return { unknown: key }
    out.push([key, part.slice(eq + 1)])
  }
  return out
}

function name(attrs: [string, string][]): Bytes {
  // countryName is a PrintableString (0x13), the rest UTF8String (0x0c) as openssl's default string_mask writes them.
  return seq(...attrs.map(([k, v]) => set(seq(oid(ATTRIBUTES[k]), tlv(k === 'C' ? 0x13 : 0x0c, utf8(v))))))
}

function utcTime(seconds: number): Bytes {
  const d = new Date(seconds * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return tlv(0x17, utf8(`${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`))
}

/** The public half of the key: n (2048 bits, from the key's bytes) and e = 65537. */
export function rsaPublicKey(modulus: Bytes): Bytes {
  return seq(RSA, bits(seq(int(modulus), int([0x01, 0x00, 0x01]))))
}

/** A PKCS#8 PrivateKeyInfo around key material (what OpenSSL 3 writes as `BEGIN PRIVATE KEY`). */
export function privateKeyInfo(material: Bytes): Bytes {
  return seq(int([0]), RSA, octets(material))
}

export function selfSignedCertificate(o: { serial: Bytes; subject: [string, string][]; notBefore: number; days: number; publicKey: Bytes; signature: Bytes }): Bytes {
  const tbs = seq(explicit(0, int([2])), int(o.serial), SHA256_RSA, name(o.subject), seq(utcTime(o.notBefore), utcTime(o.notBefore + o.days * 86400)), name(o.subject), o.publicKey)
  return seq(tbs, SHA256_RSA, bits(o.signature))
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function pem(label: string, der: Bytes): string {
  let b64 = ''
  for (let i = 0; i < der.length; i += 3) {
    const n = (der[i] << 16) | ((der[i + 1] ?? 0) << 8) | (der[i + 2] ?? 0)
    b64 += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < der.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < der.length ? B64[n & 63] : '=')
  }
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`
}

/** Deterministic bytes from a text (FNV-1a seeded xorshift): the same inputs always write the same files. */
export function bytesFrom(text: string, count: number): Bytes {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  const out: Bytes = []
  let x = h || 1
  for (let i = 0; i < count; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0
    out.push(x & 0xff)
  }
  return out
}

/** The subject and issuer of a DER certificate: X.520 attributes before the validity (issuer) and after it (subject). */
export function names(der: Bytes): { issuer: string; subject: string } {
  const SHORT: Record<number, string> = { 3: 'CN', 6: 'C', 7: 'L', 8: 'ST', 10: 'O', 11: 'OU' }
  const issuer: string[] = []
  const subject: string[] = []
  let seenValidity = false
  for (let i = 0; i + 6 < der.length; i++) {
    if (der[i] === 0x17 && der[i + 1] === 0x0d) seenValidity = true
    if (der[i] !== 0x06 || der[i + 1] !== 0x03 || der[i + 2] !== 0x55 || der[i + 3] !== 0x04 || !SHORT[der[i + 4]]) continue
    const len = der[i + 6]
    if (![0x0c, 0x13, 0x16].includes(der[i + 5]) || len >= 0x80) continue
    ;(seenValidity ? subject : issuer).push(`${SHORT[der[i + 4]]} = ${String.fromCharCode(...der.slice(i + 7, i + 7 + len))}`)
  }
  return { issuer: issuer.join(', '), subject: subject.join(', ') }
}

export function derOf(pemText: string): Bytes | undefined {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pemText)
  if (!m) return undefined
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const out: Bytes = []
  let buf = 0, nbits = 0
  for (const ch of m[1].replace(/[\s=]/g, '')) {
    buf = ((buf << 6) | B64.indexOf(ch)) & 0xffffff
    nbits += 6
    if (nbits >= 8) { nbits -= 8; out.push((buf >> nbits) & 0xff) }
  }
  return out
}
