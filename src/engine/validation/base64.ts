// Standard base64 (RFC 4648 with padding), as Go's encoding/json uses for []byte fields such as
// Secret.data. Pure TS: the engine has neither Buffer nor btoa.

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return out
}

/** Encodes the UTF-8 bytes of a string (Secret.stringData is merged into data this way). */
export function base64EncodeUtf8(text: string): string {
  const bytes = utf8(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63]
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? alphabet[n & 63] : '='
  }
  return out
}

/**
 * Where Go's base64.StdEncoding would stop with `illegal base64 data at input byte N`, or -1 when the
 * text decodes. Go ignores \r and \n.
 */
export function base64ErrorOffset(text: string): number {
  const clean = text.replace(/[\r\n]/g, '')
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]
    if (alphabet.includes(c)) continue
    if (c === '=' && i >= clean.length - 2 && clean.length % 4 === 0 && (i === clean.length - 1 || clean[i + 1] === '=')) continue
    return i
  }
  if (clean.length % 4 !== 0) return clean.length - (clean.length % 4)
  return -1
}

export function base64DecodedLength(text: string): number {
  const clean = text.replace(/[\r\n]/g, '')
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad)
}
