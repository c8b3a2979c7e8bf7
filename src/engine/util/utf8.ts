// UTF-8 without TextEncoder/TextDecoder (the engine's lib is plain ES: no DOM, no Node).

export function utf8Bytes(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** Decodes UTF-8 bytes; malformed sequences decode leniently rather than throwing. */
export function decodeUtf8(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]
    let cp: number, n: number
    if (b < 0x80) { cp = b; n = 1 } else if (b >= 0xf0) { cp = b & 7; n = 4 } else if (b >= 0xe0) { cp = b & 15; n = 3 } else { cp = b & 31; n = 2 }
    for (let k = 1; k < n; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 63)
    out += String.fromCodePoint(cp > 0x10ffff ? 0xfffd : cp)
    i += n
  }
  return out
}
