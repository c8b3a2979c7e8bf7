// Base64 decoding without DOM or Node globals (Secret `data` values are base64).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes standard base64 to a UTF-8 string; returns the input unchanged when it is not valid base64. */
export function decodeBase64(data: string): string {
  const clean = data.replace(/\s+/g, '').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return data
  const bytes: number[] = []
  let buffer = 0, bits = 0
  for (const ch of clean) {
    buffer = (buffer << 6) | ALPHABET.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  return decodeUtf8(bytes)
}

function decodeUtf8(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]
    let cp: number, n: number
    if (b < 0x80) { cp = b; n = 1 } else if (b >= 0xf0) { cp = b & 7; n = 4 } else if (b >= 0xe0) { cp = b & 15; n = 3 } else { cp = b & 31; n = 2 }
    for (let k = 1; k < n; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 63)
    out += String.fromCodePoint(cp)
    i += n
  }
  return out
}
