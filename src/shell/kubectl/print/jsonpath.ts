// kubectl's JSONPath evaluation (`-o jsonpath=`, `jsonpath-as-json`, custom-columns, --sort-by), with missing
// keys allowed as kubectl allows them. Source: k8s.io/client-go/util/jsonpath/jsonpath.go.
import { parseJSONPath, type JPNode } from './jsonpath-parse.ts'
import { toCompactJson, toJson } from './json.ts'

export { JSONPathParseError, parseJSONPath } from './jsonpath-parse.ts'

export class JSONPathExecError extends Error {}

type Value = unknown

const isMap = (v: Value): v is Record<string, Value> => !!v && typeof v === 'object' && !Array.isArray(v)

function typeName(v: Value): string {
  if (Array.isArray(v)) return '[]interface {}'
  if (isMap(v)) return 'map[string]interface {}'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return 'interface {}'
}

class Evaluator {
  private inRange = 0
  private beginRange = 0
  private endRange = 0
  private lastEnd = -1

  /** FindResults: one result list per action (and per range iteration). */
  find(nodes: JPNode[], offset: number, data: Value): Value[][] {
    const full: Value[][] = []
    for (let i = offset; i < nodes.length; i++) {
      const results = this.walk([data], nodes[i])
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEnd = i
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length) {
          for (const value of results) full.push(...this.find(nodes, i + 1, value))
        } else {
          // Still walk the body, so the matching end is found.
          this.find(nodes, i + 1, null)
        }
        this.inRange--
        // Resume after the matching end (a range without end just carries on, as upstream does).
        if (this.lastEnd > i) i = this.lastEnd
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Value[], node: JPNode): Value[] {
    switch (node.t) {
      case 'list': {
        let cur = input
        for (const n of node.nodes) cur = this.walk(cur, n)
        return cur
      }
      case 'text': return [node.text]
      case 'int': case 'float': case 'bool': return [node.value]
      case 'field': {
        const out: Value[] = []
        for (const v of input) {
          if (isMap(v) && Object.prototype.hasOwnProperty.call(v, node.name)) out.push(v[node.name])
        }
        return out
      }
      case 'wildcard': {
        const out: Value[] = []
        for (const v of input) {
          if (isMap(v)) for (const k of Object.keys(v).sort()) out.push(v[k])
        }
        return out
      }
      case 'recursive': return this.recursive(input)
      case 'array': return this.array(input, node.params)
      case 'union': return node.branches.flatMap((b) => this.walk(input, { t: 'list', nodes: b }))
      case 'filter': return this.filter(input, node)
      case 'identifier':
        if (node.name === 'range') { this.beginRange++; return input }
        if (node.name === 'end') {
          if (this.inRange > 0) { this.endRange++; return [] }
          throw new JSONPathExecError('not in range, nothing to end')
        }
        throw new JSONPathExecError(`unrecognized identifier ${node.name}`)
    }
  }

  private recursive(input: Value[]): Value[] {
    const out: Value[] = []
    for (const v of input) {
      // A string's elements are bytes in Go: it is listed, but there is nothing below it.
      if (typeof v === 'string') {
        if (v) out.push(v)
        continue
      }
      const children = Array.isArray(v) ? v : isMap(v) ? Object.keys(v).sort().map((k) => v[k]) : []
      if (children.length) {
        out.push(v)
        out.push(...this.recursive(children))
      }
    }
    return out
  }

  private array(input: Value[], params: { value: number; known: boolean; derived?: boolean }[]): Value[] {
    const out: Value[] = []
    for (const v of input) {
      if (v === null || v === undefined) continue
      if (!Array.isArray(v)) throw new JSONPathExecError(`${typeName(v)} is not array or slice`)
      const len = v.length
      let start = params[0].known ? params[0].value : 0
      if (start < 0) start += len
      let end = params[1].known ? params[1].value : len
      if (end < 0 || (end === 0 && params[1].derived)) end += len
      if (end === start) return out
      if (start >= len || start < 0) throw new JSONPathExecError(`array index out of bounds: index ${start}, length ${len}`)
      if (end > len || end < 0) throw new JSONPathExecError(`array index out of bounds: index ${end - 1}, length ${len}`)
      if (start > end) throw new JSONPathExecError(`starting index ${start} is greater than ending index ${end}`)
      let step = 1
      if (params[2].known) {
        if (params[2].value <= 0) throw new JSONPathExecError('step must be > 0')
        step = params[2].value
      }
      for (let i = start; i < end; i += step) out.push(v[i])
    }
    return out
  }

  private filter(input: Value[], node: Extract<JPNode, { t: 'filter' }>): Value[] {
    const out: Value[] = []
    for (const v of input) {
      if (!Array.isArray(v)) throw new JSONPathExecError(`${goValue(v)} is not array or slice and cannot be filtered`)
      for (const item of v) {
        const lefts = this.walk([item], { t: 'list', nodes: node.left })
        if (node.op === 'exists') {
          if (lefts.length) out.push(item)
          continue
        }
        if (!lefts.length) continue
        if (lefts.length > 1) throw new JSONPathExecError('can only compare one element at a time')
        const rights = this.walk([item], { t: 'list', nodes: node.right })
        if (!rights.length) continue
        if (rights.length > 1) throw new JSONPathExecError('can only compare one element at a time')
        if (compare(lefts[0], rights[0], node.op)) out.push(item)
      }
    }
    return out
  }
}

/** text/template's comparison functions as the filter uses them. */
function compare(a: Value, b: Value, op: string): boolean {
  const basic = (v: Value) => (typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'other')
  if (basic(a) !== basic(b) || basic(a) === 'other') {
    if (op === '==' || op === '!=') {
      if (basic(a) === 'other' || basic(b) === 'other') throw new JSONPathExecError('invalid type for comparison')
    }
    throw new JSONPathExecError('incompatible types for comparison')
  }
  if (basic(a) === 'bool' && !['==', '!='].includes(op)) throw new JSONPathExecError('invalid type for comparison')
  const x = a as number | string
  const y = b as number | string
  switch (op) {
    case '==': return x === y
    case '!=': return x !== y
    case '<': return x < y
    case '>': return x > y
    case '<=': return x <= y
    case '>=': return x >= y
  }
  throw new JSONPathExecError(`unrecognized filter operator ${op}`)
}

/** How one result prints: maps and lists as compact JSON, the rest as fmt.Sprint would. */
function printValue(v: Value): string {
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v) || isMap(v)) return toCompactJson(v)
  return String(v)
}

/** Evaluates a parsed template; each action's results are joined by spaces. */
export function executeJSONPath(nodes: JPNode[], data: Value): Value[][] {
  return new Evaluator().find(nodes, 0, data)
}

/** `-o jsonpath=TEMPLATE` output for one object (or List). Throws JSONPathParseError / JSONPathExecError. */
export function renderJSONPath(template: string, data: Value, asJson = false): string {
  const results = executeJSONPath(parseJSONPath(template), data)
  if (asJson) {
    // jsonpath-as-json: every action's results as one indented JSON array.
    return results.map((r) => toJson(r)).join('')
  }
  return results.map((r) => r.map(printValue).join(' ')).join('')
}

/** Go's %#v of an unstructured value, as kubectl dumps it when a template fails. */
export function goValue(v: Value): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (Array.isArray(v)) return `[]interface {}{${v.map(goValue).join(', ')}}`
  if (isMap(v)) return `map[string]interface {}{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${goValue(v[k])}`).join(', ')}}`
  if (typeof v === 'string') return JSON.stringify(v)
  return String(v)
}
