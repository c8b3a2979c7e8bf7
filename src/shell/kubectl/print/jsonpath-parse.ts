// kubectl's JSONPath template parser. Source: k8s.io/client-go/util/jsonpath/parser.go (same node kinds,
// same terminators and error texts).

export type JPNode =
  | { t: 'text'; text: string }
  | { t: 'list'; nodes: JPNode[] }
  | { t: 'field'; name: string }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'array'; params: ArrayParam[] }
  | { t: 'union'; branches: JPNode[][] }
  | { t: 'filter'; left: JPNode[]; right: JPNode[]; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'identifier'; name: string }

interface ArrayParam { value: number; known: boolean; derived?: boolean }

export class JSONPathParseError extends Error {}

const isTerminator = (r: string | undefined) => r === undefined || ' \t\r\n.,[]$@{}'.includes(r)
const isAlphaNumeric = (r: string) => r === '_' || /[\p{L}\p{N}]/u.test(r)

class Parser {
  pos = 0
  start = 0
  constructor(readonly input: string) {}

  next(): string | undefined {
    if (this.pos >= this.input.length) { this.pos++; return undefined }
    return this.input[this.pos++]
  }
  backup(): void { this.pos-- }
  peek(): string | undefined { return this.input[this.pos] }
  consume(): string {
    const s = this.input.slice(this.start, Math.min(this.pos, this.input.length))
    this.start = this.pos
    return s
  }
  rest(): string { return this.input.slice(this.pos) }

  parseTemplate(): JPNode[] {
    const root: JPNode[] = []
    while (this.pos < this.input.length) {
      const open = this.input.indexOf('{', this.pos)
      if (open < 0) {
        this.pos = this.input.length
        root.push({ t: 'text', text: this.consume() })
        break
      }
      if (open > this.pos) {
        this.pos = open
        root.push({ t: 'text', text: this.consume() })
      }
      this.pos++
      this.consume()
      const list: JPNode[] = []
      this.parseInsideAction(list)
      root.push({ t: 'list', nodes: list })
    }
    return root
  }

  parseInsideAction(cur: JPNode[]): void {
    for (;;) {
      const rest = this.rest()
      if (rest.startsWith('}')) { this.pos++; this.consume(); return }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue }
      if (rest.startsWith('..')) {
        if (cur[cur.length - 1]?.t === 'recursive') throw new JSONPathParseError('invalid multiple recursive descent')
        this.pos += 2
        this.consume()
        cur.push({ t: 'recursive' })
        // `..name`: a field follows directly.
        const r = this.peek()
        if (r !== undefined && isAlphaNumeric(r)) this.parseField(cur)
        continue
      }
      const r = this.next()
      if (r === undefined || r === '\n' || r === '\r') throw new JSONPathParseError('unclosed action')
      if (r === ' ' || r === '@' || r === '$') { this.consume(); continue }
      if (r === '[') { this.parseArray(cur); continue }
      if (r === '"' || r === "'") { this.parseQuote(cur, r); continue }
      if (r === '.') { this.parseField(cur); continue }
      if (r === '+' || r === '-' || /\d/.test(r)) { this.backup(); this.parseNumber(cur); continue }
      if (isAlphaNumeric(r)) { this.backup(); this.parseIdentifier(cur); continue }
      throw new JSONPathParseError(`unrecognized character in action: U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${r}'`)
    }
  }

  parseField(cur: JPNode[]): void {
    this.consume()
    for (;;) {
      const r = this.next()
      if (r === '\\') { this.next(); continue }
      if (isTerminator(r)) { this.backup(); break }
    }
    const value = this.consume()
    cur.push(value === '*' ? { t: 'wildcard' } : { t: 'field', name: value.replace(/\\/g, '') })
  }

  parseIdentifier(cur: JPNode[]): void {
    for (;;) {
      const r = this.next()
      if (isTerminator(r)) { this.backup(); break }
    }
    const value = this.consume()
    if (value === 'true' || value === 'false') cur.push({ t: 'bool', value: value === 'true' })
    else cur.push({ t: 'identifier', name: value })
  }

  parseNumber(cur: JPNode[]): void {
    const r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      const c = this.next()
      if (c === undefined || !/[\d.eE]/.test(c)) { this.backup(); break }
    }
    const value = this.consume()
    if (/^[-+]?\d+$/.test(value)) cur.push({ t: 'int', value: Number(value) })
    else if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) cur.push({ t: 'float', value: Number(value) })
    else throw new JSONPathParseError(`cannot parse number ${value}`)
  }

  parseQuote(cur: JPNode[], end: string): void {
    for (;;) {
      const r = this.next()
      if (r === undefined || r === '\n') throw new JSONPathParseError('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consume()
    cur.push({ t: 'text', text: unquote(value) })
  }

  parseArray(cur: JPNode[]): void {
    for (;;) {
      const r = this.next()
      if (r === undefined || r === '\n') throw new JSONPathParseError('unterminated array')
      if (r === ']') break
    }
    let text = this.consume().slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.push({ t: 'union', branches: parts.map((p) => parseAction(`[${p.trim()}]`)) })
      return
    }
    const dict = /^'([^']*)'$/.exec(text)
    if (dict) {
      cur.push(...parseAction(`.${dict[1]}`))
      return
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text)
    if (!m) throw new JSONPathParseError(`invalid array index ${text}`)
    const raw = [m[1] ?? '', m[2] ?? '', m[3] ?? '']
    const params: ArrayParam[] = []
    for (let i = 0; i < 3; i++) {
      let v = raw[i]
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') params.push({ value: 0, known: false })
        else params.push({ value: Number(v), known: true })
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true })
      } else {
        params.push({ value: 0, known: false })
      }
    }
    cur.push({ t: 'array', params })
  }

  parseFilter(cur: JPNode[]): void {
    this.pos += 3
    this.consume()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === undefined || r === '\n') throw new JSONPathParseError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')' && begin === end) {
        break
      }
    }
    if (this.next() !== ']') throw new JSONPathParseError('unclosed array expect ]')
    const text = this.consume().slice(0, -2)
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text)
    if (!m) cur.push({ t: 'filter', left: parseAction(text), right: [], op: 'exists' })
    else cur.push({ t: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] })
  }
}

/** Go's strconv.Unquote, extended to single-quoted strings (client-go's UnquoteExtend). */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1)
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n': return '\n'
      case 't': return '\t'
      case 'r': return '\r'
      case 'a': return '\x07'
      case 'b': return '\b'
      case 'f': return '\f'
      case 'v': return '\v'
      case 'u': case 'x': return String.fromCharCode(parseInt(e.slice(1), 16))
      default: return /^[0-7]{3}$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e
    }
  })
}

/** Parses the inside of one action (`text` as if written between braces). */
function parseAction(text: string): JPNode[] {
  const p = new Parser(`${text}}`)
  const list: JPNode[] = []
  p.parseInsideAction(list)
  return list
}

export function parseJSONPath(template: string): JPNode[] {
  return new Parser(template).parseTemplate()
}
