// Standard base64 (RFC 4648 with padding) as Go's encoding/json uses for []byte fields such as Secret.data.
import { decodeUtf8, utf8Bytes } from './utf8.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of the UTF-8 bytes of `text` (`kubectl create secret`, Secret.stringData merged into data). */
export function encodeBase64(text: string): string {
  const bytes = utf8Bytes(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}

/** Decodes base64 to UTF-8 text (what a mounted Secret file contains); returns the input when it is not base64. */
export function decodeBase64(data: string): string {
  const clean = data.replace(/\s+/g, '').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return data
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (const ch of clean) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(ch)) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  return decodeUtf8(bytes)
}

/** Where Go's base64.StdEncoding stops with `illegal base64 data at input byte N`, or -1 when it decodes (\r, \n ignored). */
export function base64ErrorOffset(text: string): number {
  const clean = text.replace(/[\r\n]/g, '')
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]
    if (ALPHABET.includes(c)) continue
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
