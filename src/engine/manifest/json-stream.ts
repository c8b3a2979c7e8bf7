// Splits a JSON stream (kubectl accepts several objects back to back) and reports syntax errors with
// Go's encoding/json wording and byte offset (`json: offset 66: invalid character '}' looking for
// beginning of object key string`), which is what kubectl prints. Upstream: encoding/json/scanner.go.

export interface JsonSplit {
  values: { start: number; end: number }[]
  error?: { message: string; offset: number }
}

class JsonSyntax extends Error {
  constructor(message: string, readonly offset: number) {
    super(message)
  }
}
class UnexpectedEof extends Error {}

const WS = new Set([' ', '\t', '\n', '\r'])

/** Go's quoteChar: `'\''`, `'"'`, or strconv.Quote of the byte between single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`
  if (c === '"') return `'"'`
  const escapes: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' }
  if (escapes[c]) return `'${escapes[c]}'`
  const code = c.charCodeAt(0)
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`
  return `'${c}'`
}

export function splitJsonStream(text: string): JsonSplit {
  const values: JsonSplit['values'] = []
  let i = 0
  const fail = (context: string): never => {
    throw new JsonSyntax(`invalid character ${quoteChar(text[i])} ${context}`, i + 1)
  }
  const skipWs = () => { while (i < text.length && WS.has(text[i])) i++ }
  const need = () => { if (i >= text.length) throw new UnexpectedEof() }
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++
      need()
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k])})`)
    }
    i++
  }
  const digits = () => { while (i < text.length && text[i] >= '0' && text[i] <= '9') i++ }
  const number = () => {
    if (text[i] === '-') {
      i++
      need()
      if (!(text[i] >= '0' && text[i] <= '9')) fail('in numeric literal')
    }
    if (text[i] === '0') i++
    else digits()
    if (text[i] === '.') {
      i++
      need()
      if (!(text[i] >= '0' && text[i] <= '9')) fail('after decimal point in numeric literal')
      digits()
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      need()
      if (text[i] === '+' || text[i] === '-') { i++; need() }
      if (!(text[i] >= '0' && text[i] <= '9')) fail('in exponent of numeric literal')
      digits()
    }
  }
  const string = () => {
    i++
    for (;;) {
      need()
      const c = text[i]
      if (c === '"') { i++; return }
      if (c === '\\') {
        i++
        need()
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++
            need()
            if (!/[0-9a-fA-F]/.test(text[i])) fail('in \\u hexadecimal character escape')
          }
        } else if (!'"\\/bfnrt'.includes(text[i])) fail('in string escape code')
      } else if (c.charCodeAt(0) < 0x20) fail('in string literal')
      i++
    }
  }
  const value = (depth: number, context: string) => {
    if (depth > 1000) fail('exceeded max depth')
    skipWs()
    need()
    const c = text[i]
    if (c === '{') {
      i++
      skipWs()
      need()
      if (text[i] === '}') { i++; return }
      for (;;) {
        skipWs()
        need()
        if (text[i] !== '"') fail('looking for beginning of object key string')
        string()
        skipWs()
        need()
        if (text[i] !== ':') fail('after object key')
        i++
        value(depth + 1, 'looking for beginning of value')
        skipWs()
        need()
        if (text[i] === ',') { i++; continue }
        if (text[i] === '}') { i++; return }
        fail('after object key:value pair')
      }
    }
    if (c === '[') {
      i++
      skipWs()
      need()
      if (text[i] === ']') { i++; return }
      for (;;) {
        value(depth + 1, 'looking for beginning of value')
        skipWs()
        need()
        if (text[i] === ',') { i++; continue }
        if (text[i] === ']') { i++; return }
        fail('after array element')
      }
    }
    if (c === '"') return string()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    if (c === '-' || (c >= '0' && c <= '9')) return number()
    fail(context)
  }
  try {
    for (;;) {
      skipWs()
      if (i >= text.length) break
      const start = i
      value(0, 'looking for beginning of value')
      values.push({ start, end: i })
    }
    return { values }
  } catch (err) {
    if (err instanceof JsonSyntax) return { values, error: { message: `json: offset ${err.offset}: ${err.message}`, offset: err.offset - 1 } }
    if (err instanceof UnexpectedEof) return { values, error: { message: 'unexpected EOF', offset: text.length } }
    throw err
  }
}
