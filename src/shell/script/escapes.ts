// Backslash escapes shared by $'...', `echo -e`, printf formats and printf %b (each differs slightly).

export type EscapeMode = 'ansi' | 'echo' | 'printf'

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/** Decodes backslash escapes in `s`; `stopped` is true when `\c` asked to end all output. */
export function decodeEscapes(s: string, mode: EscapeMode): { text: string; stopped: boolean } {
  let out = ''
  let i = 0
  while (i < s.length) {
    const c = s[i]
    if (c !== '\\' || i + 1 >= s.length) {
      out += c
      i++
      continue
    }
    const n = s[i + 1]
    if (n in SIMPLE) {
      out += SIMPLE[n]
      i += 2
    } else if (n === 'c' && mode !== 'ansi') {
      return { text: out, stopped: true }
    } else if ((n === '"' && mode !== 'echo') || (n === "'" && mode === 'ansi') || (n === '?' && mode === 'ansi')) {
      out += n
      i += 2
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2))
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16))
        i += 2 + m[0].length
      } else {
        out += '\\x'
        i += 2
      }
    } else if (n === 'u' && mode !== 'echo') {
      const m = /^[0-9a-fA-F]{1,4}/.exec(s.slice(i + 2))
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16))
        i += 2 + m[0].length
      } else {
        out += '\\u'
        i += 2
      }
    } else if (/[0-7]/.test(n)) {
      // echo wants \0nnn; $'..' and printf take \nnn directly.
      const digits = mode === 'echo' ? (n === '0' ? /^[0-7]{0,3}/.exec(s.slice(i + 2))![0] : null) : /^[0-7]{1,3}/.exec(s.slice(i + 1))![0]
      if (digits === null) {
        out += '\\' + n
        i += 2
      } else {
        out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff)
        i += (mode === 'echo' ? 2 : 1) + digits.length
      }
    } else {
      out += '\\' + n
      i += 2
    }
  }
  return { text: out, stopped: false }
}

/** Reads a `$'...'` body starting after the opening quote; end is past the closing quote or -1. */
export function decodeAnsiC(text: string, start: number): { value: string; end: number } {
  let i = start
  while (i < text.length && text[i] !== "'") i += text[i] === '\\' ? 2 : 1
  if (i >= text.length) return { value: '', end: -1 }
  return { value: decodeEscapes(text.slice(start, i), 'ansi').text, end: i + 1 }
}
