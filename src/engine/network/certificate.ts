// The subject of a PEM certificate (what `curl -v` prints as `subject:`), read from the DER bytes: the
// commonName attributes (OID 2.5.4.3) in order are the issuer's, then the subject's.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function derBytes(pem: string): number[] | undefined {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)
  if (!m) return undefined
  const clean = m[1].replace(/\s+/g, '').replace(/=+$/, '')
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch)
    if (v < 0) return undefined
    buffer = ((buffer << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  return bytes
}

/** `CN=<name>` of the certificate's subject, or undefined when the PEM holds no readable certificate. */
export function certificateSubject(pem: string): string | undefined {
  const der = derBytes(pem)
  if (!der) return undefined
  const names: string[] = []
  for (let i = 0; i + 6 < der.length; i++) {
    if (der[i] !== 0x06 || der[i + 1] !== 0x03 || der[i + 2] !== 0x55 || der[i + 3] !== 0x04 || der[i + 4] !== 0x03) continue
    const tag = der[i + 5]
    const len = der[i + 6]
    if (![0x0c, 0x13, 0x16].includes(tag) || len >= 0x80) continue
    names.push(String.fromCharCode(...der.slice(i + 7, i + 7 + len)))
  }
  const cn = names.length >= 2 ? names[1] : names[0]
  return cn === undefined ? undefined : `CN=${cn}`
}
