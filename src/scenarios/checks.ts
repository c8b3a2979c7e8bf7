// The check language of `#check:` lines: a tiny, closed grammar evaluated against one step's results (the
// commands' outputs and exit codes, and the TRACEs of the connections they made). No eval, no regexes
// from the author: values are compared as text, `*` is the only wildcard. Reference: scenarios/README.md.
//
//   check      := aggregate | subject [op value]
//   subject    := [quantifier] [tool] field
//   quantifier := last | first | every | any          (default: last, or all commands joined for output)
//   tool       := a command name: curl wget ping nslookup dig kubectl docker ... (see TRACE_TOOLS)
//   field      := outcome | servedBy | pod | clientIPSeenByServer | clientIP | from | to | actions | rules | path
//               | output | stdout | stderr | exitCode | command
//   op         := == | != | contains | !contains | > | >= | < | <=          (default ==; `*` globs with ==/!=)
//   aggregate  := distribution [tool] field ≈ P/P/... [±T]   (share of each distinct value, in %, any order)
//               | distinct [tool] field op N                  (number of distinct non-null values)
//               | count [tool] op N                           (number of traces)
//   value      := word | "double-quoted text" (\" \\ \n \t escapes) ; $NAME and ${NAME} become the shell's variables

type Quantifier = 'last' | 'first' | 'every' | 'any'
type Operator = '==' | '!=' | 'contains' | '!contains' | '>' | '>=' | '<' | '<='

export type CheckExpr =
  | { kind: 'compare'; quantifier: Quantifier | null; tool: string | null; field: string; op: Operator; value: string }
  | { kind: 'distribution'; tool: string | null; field: string; expected: number[]; tolerance: number }
  | { kind: 'distinct'; tool: string | null; field: string; op: Operator; value: number }
  | { kind: 'count'; tool: string | null; field: null; op: Operator; value: number }

/** What a step produced: one record per top-level statement, in order. */
export interface StepRecord {
  source: string
  exitCode: number
  chunks: { stream: 'stdout' | 'stderr'; text: string }[]
  traces: unknown[]
}

export interface CheckResult {
  pass: boolean
  /** One readable sentence: what was found, and what was expected. */
  reason: string
}

export class CheckSyntaxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CheckSyntaxError'
  }
}

const QUANTIFIERS = new Set(['last', 'first', 'every', 'any'])
const TRACE_FIELDS = new Set(['outcome', 'servedBy', 'pod', 'clientIPSeenByServer', 'clientIP', 'from', 'to', 'actions', 'rules', 'path'])
const RECORD_FIELDS = new Set(['output', 'stdout', 'stderr', 'exitCode', 'command'])
const OPERATORS: Record<string, Operator> = {
  '==': '==', '=': '==', '!=': '!=', contains: 'contains', '!contains': '!contains', '>': '>', '>=': '>=', '<': '<', '<=': '<=',
}
/** Tools whose traces a tool word selects: connections (curl, wget), DNS lookups, ICMP. */
const TRACE_TOOLS: Record<string, 'connection' | 'dns' | 'icmp'> = {
  curl: 'connection', wget: 'connection', http: 'connection', connection: 'connection',
  nslookup: 'dns', dig: 'dns', dns: 'dns', ping: 'icmp',
}
const TOOL_WORD = /^[a-z][a-z0-9-]*$/

function tokenize(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === ' ' || c === '\t') {
      i++
      continue
    }
    if (c === '"') {
      let value = ''
      i++
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[++i]
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next
          i++
          continue
        }
        value += text[i++]
      }
      if (text[i] !== '"') throw new CheckSyntaxError(`unterminated string in "${text}"`)
      i++
      tokens.push(`"${value}`) // a leading quote marks a literal (never a keyword)
      continue
    }
    let j = i
    while (j < text.length && text[j] !== ' ' && text[j] !== '\t') j++
    tokens.push(text.slice(i, j))
    i = j
  }
  return tokens
}

const literal = (token: string) => (token.startsWith('"') ? token.slice(1) : token)
const isKeyword = (token: string | undefined, set: Set<string>) => token !== undefined && !token.startsWith('"') && set.has(token)

/** Parses one `#check:` expression; throws CheckSyntaxError with a readable message. */
export function parseCheck(text: string): CheckExpr {
  const tokens = tokenize(text.trim())
  if (tokens.length === 0) throw new CheckSyntaxError('empty check')
  let i = 0
  const head = tokens[0]
  const toolAt = (k: number) => (tokens[k] !== undefined && !tokens[k].startsWith('"') && TOOL_WORD.test(tokens[k]) && !TRACE_FIELDS.has(tokens[k]) && !RECORD_FIELDS.has(tokens[k]) && !(tokens[k] in OPERATORS) ? tokens[k] : null)

  if (head === 'distribution') {
    i = 1
    let tool = toolAt(i)
    if (tool && !TRACE_FIELDS.has(tokens[i + 1] ?? '')) tool = null
    if (tool) i++
    const field = tokens[i++]
    if (!TRACE_FIELDS.has(field)) throw new CheckSyntaxError(`distribution needs a trace field (${[...TRACE_FIELDS].join(', ')}), got "${field ?? ''}"`)
    const op = tokens[i++]
    if (op !== '≈' && op !== '~=' && op !== '~') throw new CheckSyntaxError(`distribution needs ≈ (or ~=) before the shares, got "${op ?? ''}"`)
    const shares = tokens[i++]
    if (!shares || !/^\d+(\.\d+)?(\/\d+(\.\d+)?)*$/.test(shares)) throw new CheckSyntaxError(`distribution shares must look like 50/25/25, got "${shares ?? ''}"`)
    let tolerance = 5
    const tol = tokens[i]
    if (tol !== undefined) {
      const m = /^(?:±|\+-|\+\/-)(\d+(?:\.\d+)?)%?$/.exec(tol)
      if (!m) throw new CheckSyntaxError(`distribution tolerance must look like ±5, got "${tol}"`)
      tolerance = Number(m[1])
      i++
    }
    if (i < tokens.length) throw new CheckSyntaxError(`unexpected "${literal(tokens[i])}" after the distribution`)
    return { kind: 'distribution', tool, field, expected: shares.split('/').map(Number), tolerance }
  }

  if (head === 'distinct' || head === 'count') {
    i = 1
    const tool = toolAt(i) && (head === 'count' || TRACE_FIELDS.has(tokens[i + 1] ?? '')) ? tokens[i++] : null
    let field: string | null = null
    if (head === 'distinct') {
      field = tokens[i++]
      if (!TRACE_FIELDS.has(field)) throw new CheckSyntaxError(`distinct needs a trace field (${[...TRACE_FIELDS].join(', ')}), got "${field ?? ''}"`)
    }
    const op = OPERATORS[tokens[i++] ?? '']
    if (!op || op === 'contains' || op === '!contains') throw new CheckSyntaxError(`${head} needs a comparison (== != > >= < <=)`)
    const n = tokens[i++]
    if (n === undefined || !/^\d+$/.test(n)) throw new CheckSyntaxError(`${head} compares with a whole number, got "${n ?? ''}"`)
    if (i < tokens.length) throw new CheckSyntaxError(`unexpected "${literal(tokens[i])}" at the end`)
    return head === 'count' ? { kind: 'count', tool, field: null, op, value: Number(n) } : { kind: 'distinct', tool, field: field!, op, value: Number(n) }
  }

  let quantifier: Quantifier | null = null
  if (isKeyword(tokens[i], QUANTIFIERS)) quantifier = tokens[i++] as Quantifier
  let tool: string | null = null
  const maybeTool = toolAt(i)
  if (maybeTool) {
    tool = maybeTool
    i++
  }
  const field = tokens[i++]
  if (field === undefined || (!TRACE_FIELDS.has(field) && !RECORD_FIELDS.has(field))) {
    throw new CheckSyntaxError(`unknown field "${field ?? ''}" (trace fields: ${[...TRACE_FIELDS].join(', ')}; command fields: ${[...RECORD_FIELDS].join(', ')})`)
  }
  let op: Operator = '=='
  let valueToken: string | undefined
  const rest = tokens.slice(i)
  if (rest.length === 0) throw new CheckSyntaxError(`"${field}" needs a value to compare with`)
  if (rest.length === 1) valueToken = rest[0]
  else {
    let opText = literal(rest[0])
    let k = 1
    if (!rest[0].startsWith('"') && rest[0] === 'not' && rest[1] === 'contains') {
      opText = '!contains'
      k = 2
    }
    const parsed = rest[0].startsWith('"') ? undefined : OPERATORS[opText]
    if (!parsed) throw new CheckSyntaxError(`unknown operator "${opText}" (== != contains !contains > >= < <=)`)
    op = parsed
    if (rest.length !== k + 1) throw new CheckSyntaxError(rest.length < k + 1 ? `"${opText}" needs a value` : `unexpected "${literal(rest[k + 1])}" at the end (quote values with spaces)`)
    valueToken = rest[k]
  }
  if ((op === '>' || op === '>=' || op === '<' || op === '<=') && !/^-?\d+(\.\d+)?$/.test(literal(valueToken))) {
    throw new CheckSyntaxError(`"${op}" compares numbers, got "${literal(valueToken)}"`)
  }
  return { kind: 'compare', quantifier, tool, field, op, value: literal(valueToken) }
}

// ---- evaluation ----

interface TraceLike {
  from?: string; to?: string; outcome?: string; servedBy?: string | null; clientIPSeenByServer?: string | null
  hops?: { at?: string; action?: string; rule?: string | null; dst?: string; component?: string }[]
}

/** A trace is a DNS lookup when the client's first packet goes to port 53 over a name, ICMP when it has no port. */
function traceKind(t: TraceLike): 'connection' | 'dns' | 'icmp' {
  const dst = t.hops?.[0]?.dst ?? ''
  if (!/:\d+$/.test(dst)) return 'icmp'
  if (t.hops?.some((h) => h.component === 'coredns') && !/^\w+:\/\//.test(t.to ?? '')) return 'dns'
  return 'connection'
}

function traceField(t: TraceLike, field: string): string | string[] | null {
  switch (field) {
    case 'pod': return t.servedBy ? t.servedBy.replace(/^pod\//, '') : null
    case 'clientIP': return t.clientIPSeenByServer ?? null
    case 'actions': return (t.hops ?? []).map((h) => h.action ?? '')
    case 'rules': return (t.hops ?? []).map((h) => h.rule ?? '').filter(Boolean)
    case 'path': return (t.hops ?? []).map((h) => h.at ?? '').filter((at, k, all) => at !== all[k - 1])
    default: {
      const v = (t as Record<string, unknown>)[field]
      return v === undefined || v === null ? null : String(v)
    }
  }
}

function recordField(r: StepRecord, field: string): string {
  const text = (s?: 'stdout' | 'stderr') => r.chunks.filter((c) => !s || c.stream === s).map((c) => c.text).join('')
  switch (field) {
    case 'output': return text()
    case 'stdout': return text('stdout')
    case 'stderr': return text('stderr')
    case 'exitCode': return String(r.exitCode)
    default: return r.source
  }
}

function globMatch(pattern: string, text: string): boolean {
  const parts = pattern.split('*')
  if (parts.length === 1) return pattern === text
  if (!text.startsWith(parts[0])) return false
  let pos = parts[0].length
  for (let k = 1; k < parts.length - 1; k++) {
    const at = text.indexOf(parts[k], pos)
    if (at < 0) return false
    pos = at + parts[k].length
  }
  const tail = parts[parts.length - 1]
  return text.length - tail.length >= pos && text.endsWith(tail)
}

function compare(actual: string | string[] | null, op: Operator, value: string): boolean {
  const wantNull = value === 'null'
  if (Array.isArray(actual)) {
    if (op === 'contains') return actual.some((a) => a.includes(value))
    if (op === '!contains') return !actual.some((a) => a.includes(value))
    actual = actual.join(' > ')
  }
  switch (op) {
    case '==': return actual === null ? wantNull : globMatch(value, actual)
    case '!=': return actual === null ? !wantNull : !globMatch(value, actual)
    case 'contains': return actual !== null && actual.includes(value)
    case '!contains': return actual === null || !actual.includes(value)
    default: {
      if (actual === null || !/^-?\d+(\.\d+)?$/.test(actual)) return false
      const a = Number(actual)
      const b = Number(value)
      return op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b
    }
  }
}

function compareNumbers(a: number, op: Operator, b: number): boolean {
  return op === '==' ? a === b : op === '!=' ? a !== b : op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b
}

const show = (v: string | string[] | null): string => {
  if (v === null) return 'null'
  const s = Array.isArray(v) ? `[${v.join(', ')}]` : v
  const one = s.length > 160 ? `${s.slice(0, 157)}...` : s
  return JSON.stringify(one)
}

function substitute(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => vars[(a ?? b)!] ?? '')
}

function selectTraces(records: StepRecord[], tool: string | null): TraceLike[] {
  const all = records.flatMap((r) => r.traces as TraceLike[])
  if (!tool) return all
  const kind = TRACE_TOOLS[tool]
  if (kind) return all.filter((t) => traceKind(t) === kind)
  return records.filter((r) => new RegExp(`(^|[\\s;|&(])${tool}(\\s|$)`).test(r.source)).flatMap((r) => r.traces as TraceLike[])
}

function selectRecords(records: StepRecord[], tool: string | null): StepRecord[] {
  if (!tool) return records
  return records.filter((r) => new RegExp(`(^|[\\s;|&(])${tool}(\\s|$)`).test(r.source))
}

/** Evaluates one check against the records of a step; `vars` are the shell's variables after the step. */
export function evaluateCheck(expr: CheckExpr, records: StepRecord[], vars: Record<string, string> = {}): CheckResult {
  const what = (tool: string | null, field: string | null) => [tool, field].filter(Boolean).join(' ')
  if (expr.kind === 'distribution') {
    const traces = selectTraces(records, expr.tool)
    const values = traces.map((t) => traceField(t, expr.field)).filter((v): v is string => typeof v === 'string')
    if (values.length === 0) return { pass: false, reason: `no ${what(expr.tool, 'trace')} with a ${expr.field} in this step` }
    const counts = new Map<string, number>()
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    const shares = [...counts].map(([v, n]) => ({ v, pct: (100 * n) / values.length })).sort((a, b) => b.pct - a.pct || a.v.localeCompare(b.v))
    const expected = [...expr.expected].sort((a, b) => b - a)
    const found = shares.map((s) => `${s.v} ${s.pct.toFixed(0)}%`).join(', ')
    const want = `≈ ${expr.expected.join('/')} ±${expr.tolerance}`
    const ok = shares.length === expected.length && shares.every((s, k) => Math.abs(s.pct - expected[k]) <= expr.tolerance)
    return { pass: ok, reason: `${expr.field} over ${values.length} ${what(expr.tool, 'traces')}: ${found} (expected ${want})` }
  }
  if (expr.kind === 'count' || expr.kind === 'distinct') {
    const traces = selectTraces(records, expr.tool)
    if (expr.kind === 'count') {
      return { pass: compareNumbers(traces.length, expr.op, expr.value), reason: `${traces.length} ${what(expr.tool, 'traces')} (expected ${expr.op} ${expr.value})` }
    }
    const field = expr.field
    const values = new Set(traces.map((t) => traceField(t, field)).filter((v): v is string => typeof v === 'string'))
    return {
      pass: compareNumbers(values.size, expr.op, expr.value),
      reason: `${values.size} distinct ${field} (${[...values].sort().join(', ') || 'none'}) (expected ${expr.op} ${expr.value})`,
    }
  }

  const value = substitute(expr.value, vars)
  const want = `${expr.op} ${JSON.stringify(value)}`
  if (RECORD_FIELDS.has(expr.field)) {
    const chosen = selectRecords(records, expr.tool)
    if (chosen.length === 0) return { pass: false, reason: `no ${expr.tool ?? ''} command in this step`.replace('  ', ' ') }
    const label = what(expr.tool, expr.field)
    if (expr.quantifier === 'every' || expr.quantifier === 'any') {
      const results = chosen.map((r) => ({ r, actual: recordField(r, expr.field), ok: compare(recordField(r, expr.field), expr.op, value) }))
      const ok = expr.quantifier === 'every' ? results.every((x) => x.ok) : results.some((x) => x.ok)
      const witness = expr.quantifier === 'every' ? results.find((x) => !x.ok) : results.find((x) => x.ok)
      const detail = witness ? `: \`${witness.r.source.split('\n')[0]}\` gave ${show(witness.actual)}` : ''
      return { pass: ok, reason: `${expr.quantifier} ${label} ${want}${ok ? ' holds' : ' fails'}${detail}` }
    }
    const one = expr.quantifier === 'first' ? [chosen[0]] : expr.quantifier === 'last' || expr.field === 'exitCode' || expr.field === 'command' ? [chosen[chosen.length - 1]] : chosen
    const actual = one.map((r) => recordField(r, expr.field)).join('')
    const ok = compare(actual, expr.op, value)
    const scope = one.length === 1 ? `${expr.quantifier ?? 'last'} ${label}` : `${label} of the step`
    return { pass: ok, reason: `${scope} is ${show(actual)} (expected ${want})` }
  }

  const traces = selectTraces(records, expr.tool)
  const label = what(expr.tool, expr.field)
  if (traces.length === 0) return { pass: false, reason: `no ${what(expr.tool, 'trace')} in this step, so ${label} cannot be ${want}` }
  if (expr.quantifier === 'every' || expr.quantifier === 'any') {
    const results = traces.map((t, k) => ({ k, actual: traceField(t, expr.field), ok: compare(traceField(t, expr.field), expr.op, value) }))
    const ok = expr.quantifier === 'every' ? results.every((x) => x.ok) : results.some((x) => x.ok)
    const failing = results.filter((x) => !x.ok)
    const detail = expr.quantifier === 'every' && !ok ? `: trace ${failing[0].k + 1} of ${traces.length} has ${show(failing[0].actual)}`
      : expr.quantifier === 'any' && !ok ? `: none of ${traces.length} (values ${[...new Set(results.map((x) => show(x.actual)))].join(', ')})` : ` (${traces.length} traces)`
    return { pass: ok, reason: `${expr.quantifier} ${label} ${want}${ok ? ' holds' : ' fails'}${detail}` }
  }
  const trace = expr.quantifier === 'first' ? traces[0] : traces[traces.length - 1]
  const actual = traceField(trace, expr.field)
  return { pass: compare(actual, expr.op, value), reason: `${expr.quantifier ?? 'last'} ${label} is ${show(actual)} (expected ${want})` }
}
