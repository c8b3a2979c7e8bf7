// `kubectl get -o go-template=… / --template …`: the part of Go's text/template kubectl users write — fields
// (`.status.podIP`, `.`, `$`), `range`/`if`/`with` with `else`, string and number literals, `{{- -}}` trimming and
// the functions index, len, printf, print, println, eq, ne, not, and, or. A missing key prints `<no value>`
// (--allow-missing-template-keys defaults to true). Upstream: cli-runtime/pkg/printers/template.go, Go text/template.

export class GoTemplateError extends Error {}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: string }
  | { t: 'range' | 'if' | 'with'; pipe: string; body: Node[]; orElse: Node[] }

function tokenize(src: string): ({ text: string } | { action: string })[] {
  const out: ({ text: string } | { action: string })[] = []
  let i = 0
  while (i < src.length) {
    const open = src.indexOf('{{', i)
    if (open < 0) { out.push({ text: src.slice(i) }); break }
    let text = src.slice(i, open)
    let start = open + 2
    if (src[start] === '-' && /\s/.test(src[start + 1] ?? '')) { text = text.replace(/\s+$/, ''); start++ }
    if (text) out.push({ text })
    const close = findClose(src, start)
    if (close < 0) throw new GoTemplateError('unclosed action')
    let action = src.slice(start, close)
    i = close + 2
    if (/\s-$/.test(action)) { action = action.slice(0, -1); while (i < src.length && /\s/.test(src[i])) i++ }
    out.push({ action: action.trim() })
  }
  return out
}

/** The `}}` ending an action, skipping string literals. */
function findClose(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] === '"') { i++; while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1 }
    else if (src[i] === '`') { i = src.indexOf('`', i + 1); if (i < 0) return -1 }
    else if (src.startsWith('}}', i)) return i
  }
  return -1
}

function parse(src: string): Node[] {
  const tokens = tokenize(src)
  let pos = 0
  const block = (): { nodes: Node[]; end: string } => {
    const nodes: Node[] = []
    while (pos < tokens.length) {
      const tok = tokens[pos++]
      if ('text' in tok) { nodes.push({ t: 'text', text: tok.text }); continue }
      const a = tok.action
      if (a.startsWith('/*')) continue
      const kw = /^(range|if|with|else|end)\b\s*(.*)$/s.exec(a)
      if (!kw) { nodes.push({ t: 'action', pipe: a }); continue }
      if (kw[1] === 'end' || kw[1] === 'else') return { nodes, end: a }
      nodes.push(control(kw[1] as 'range' | 'if' | 'with', kw[2]))
    }
    return { nodes, end: '' }
  }
  /** A range/if/with up to its `end`; `else if X` is an if in the else branch sharing that `end`. */
  function control(kind: 'range' | 'if' | 'with', pipe: string): Node {
    const body = block()
    let orElse: Node[] = []
    const elseIf = /^else\s+if\s+(.*)$/s.exec(body.end)
    if (elseIf) orElse = [control('if', elseIf[1])]
    else if (body.end === 'else') {
      const e = block()
      if (e.end !== 'end') throw new GoTemplateError(e.end ? `unexpected {{${e.end}}}` : 'unexpected EOF')
      orElse = e.nodes
    } else if (body.end !== 'end') throw new GoTemplateError('unexpected EOF')
    return { t: kind, pipe, body: body.nodes, orElse }
  }
  const top = block()
  if (top.end) throw new GoTemplateError(`unexpected {{${top.end}}}`)
  return top.nodes
}

type Scope = { dot: unknown; root: unknown; vars: Map<string, unknown> }

function words(pipe: string): string[] {
  const out: string[] = []
  const re = /"(?:[^"\\]|\\.)*"|`[^`]*`|\(|\)|[^\s()]+/g
  for (const m of pipe.matchAll(re)) out.push(m[0])
  return out
}

function field(value: unknown, path: string): unknown {
  let v = value
  for (const key of path.split('.').filter(Boolean)) {
    if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return undefined
    v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, unknown>)[key] : undefined
  }
  return v
}

function literal(word: string, scope: Scope): unknown {
  if (word.startsWith('"')) return JSON.parse(word)
  if (word.startsWith('`')) return word.slice(1, -1)
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word)
  if (word === 'true' || word === 'false') return word === 'true'
  if (word === 'nil') return null
  if (word.startsWith('$')) {
    const dot = word.indexOf('.')
    const name = dot < 0 ? word : word.slice(0, dot)
    const base = name === '$' ? scope.root : scope.vars.get(name)
    return dot < 0 ? base : field(base, word.slice(dot))
  }
  if (word.startsWith('.')) return word === '.' ? scope.dot : field(scope.dot, word)
  throw new GoTemplateError(`function "${word}" not defined`)
}

const truthy = (v: unknown) => !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && !v.length) || (typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.keys(v).length))

const FUNCS: Record<string, (...args: unknown[]) => unknown> = {
  index: (v, ...keys) => keys.reduce((acc, k) => (acc === null || acc === undefined ? undefined : (acc as Record<string, unknown>)[String(k)]), v),
  len: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  print: (...a) => a.map(show).join(''),
  println: (...a) => a.map(show).join(' ') + '\n',
  printf: (format, ...a) => String(format).replace(/%([svdq%])/g, (_, c: string) => (c === '%' ? '%' : c === 'q' ? JSON.stringify(show(a.shift())) : show(a.shift()))),
  eq: (a, ...b) => b.some((x) => x === a), ne: (a, b) => a !== b, not: (a) => !truthy(a),
  and: (...a) => a.find((x) => !truthy(x)) ?? a[a.length - 1], or: (...a) => a.find(truthy) ?? a[a.length - 1],
}

function evalCommand(ws: string[], scope: Scope, piped: unknown[]): unknown {
  const [head, ...args] = ws
  const value = (w: string) => literal(w, scope)
  if (Object.prototype.hasOwnProperty.call(FUNCS, head)) return FUNCS[head](...args.map(value), ...piped)
  if (args.length) throw new GoTemplateError(`can't give argument to non-function ${head}`)
  return value(head)
}

function evalPipe(pipe: string, scope: Scope): unknown {
  let decl: string | undefined
  const m = /^(\$\w*)\s*:?=\s*(.*)$/s.exec(pipe)
  if (m) { decl = m[1]; pipe = m[2] }
  let result: unknown[] = []
  for (const cmd of pipe.split(/\s\|\s/)) result = [evalCommand(words(cmd.trim()), scope, result)]
  if (decl) scope.vars.set(decl, result[0])
  return result[0]
}

/** How Go prints a value from unstructured JSON (maps sorted, `<no value>` for a missing key). */
function show(v: unknown): string {
  if (v === undefined || v === null) return '<no value>'
  if (Array.isArray(v)) return `[${v.map(show).join(' ')}]`
  if (typeof v === 'object') return `map[${Object.keys(v).sort().map((k) => `${k}:${show((v as Record<string, unknown>)[k])}`).join(' ')}]`
  return String(v)
}

function run(nodes: Node[], scope: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.text)
    else if (n.t === 'action') { const v = evalPipe(n.pipe, scope); if (!/^\$\w*\s*:?=/.test(n.pipe)) out.push(show(v)) }
    else if (n.t === 'if') run(truthy(evalPipe(n.pipe, scope)) ? n.body : n.orElse, scope, out)
    else if (n.t === 'with') { const v = evalPipe(n.pipe, scope); run(truthy(v) ? n.body : n.orElse, truthy(v) ? { ...scope, dot: v } : scope, out) }
    else {
      const vars = /^(\$\w+)\s*(?:,\s*(\$\w+))?\s*:=\s*(.*)$/s.exec(n.pipe)
      const v = evalPipe(vars ? vars[3] : n.pipe, scope)
      const entries: [unknown, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]) : []
      if (!entries.length) { run(n.orElse, scope, out); continue }
      for (const [k, x] of entries) {
        const inner: Scope = { ...scope, dot: x, vars: new Map(scope.vars) }
        if (vars) { if (vars[2]) { inner.vars.set(vars[1], k); inner.vars.set(vars[2], x) } else inner.vars.set(vars[1], x) }
        run(n.body, inner, out)
      }
    }
  }
}

export function renderGoTemplate(template: string, data: unknown): string {
  const out: string[] = []
  run(parse(template), { dot: data, root: data, vars: new Map() }, out)
  return out.join('')
}
