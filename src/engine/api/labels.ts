// Label selectors: the set-based form of metav1.LabelSelector and the string form of `kubectl get -l`.
// Reference: k8s.io/apimachinery/pkg/labels/selector.go.
import type { LabelSelector } from 'kubernetes-types/meta/v1'

export type Labels = Record<string, string> | undefined

type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' }

/** A parsed selector: all requirements must hold. An empty list matches everything. */
export type Selector = Requirement[]

export function matches(selector: Selector, labels: Labels): boolean {
  const l = labels ?? {}
  return selector.every((req) => {
    const has = Object.prototype.hasOwnProperty.call(l, req.key)
    switch (req.op) {
      case 'exists': return has
      case '!': return !has
      case 'in': return has && req.values.includes(l[req.key])
      case 'notin': return !has || !req.values.includes(l[req.key])
    }
  })
}

/** A Service's `spec.selector` (equality only). Note: an empty or missing selector selects nothing for a Service. */
export function fromMap(map: Record<string, string>): Selector {
  return Object.keys(map).sort().map((key) => ({ key, op: 'in' as const, values: [map[key]] }))
}

/** metav1.LabelSelectorAsSelector: matchLabels plus matchExpressions. A null selector matches nothing, {} everything. */
export function fromLabelSelector(sel: LabelSelector | undefined): Selector | null {
  if (!sel) return null
  const reqs: Selector = fromMap(sel.matchLabels ?? {})
  for (const expr of sel.matchExpressions ?? []) {
    switch (expr.operator) {
      case 'In': reqs.push({ key: expr.key, op: 'in', values: expr.values ?? [] }); break
      case 'NotIn': reqs.push({ key: expr.key, op: 'notin', values: expr.values ?? [] }); break
      case 'Exists': reqs.push({ key: expr.key, op: 'exists' }); break
      case 'DoesNotExist': reqs.push({ key: expr.key, op: '!' }); break
      default: throw new Error(`"${expr.operator}" is not a valid label selector operator`)
    }
  }
  return reqs
}

/**
 * Parses the string form used by `kubectl -l`: `a=b,c!=d,e in (f,g),h notin (i),j,!k`.
 * Throws an Error whose message matches the API's parse errors closely enough for a user to fix the input.
 */
export function parseSelector(text: string): Selector {
  const reqs: Selector = []
  let i = 0
  const s = text.trim()
  const skipWs = () => { while (i < s.length && s[i] === ' ') i++ }
  const readWord = () => {
    const start = i
    while (i < s.length && !' ,=!()'.includes(s[i])) i++
    return s.slice(start, i)
  }
  while (i < s.length) {
    skipWs()
    if (s[i] === '!') {
      i++
      const key = readWord()
      if (!key) throw new Error(`unable to parse requirement: found '${s[i] ?? ''}', expected: identifier`)
      reqs.push({ key, op: '!' })
    } else {
      const key = readWord()
      if (!key) throw new Error(`unable to parse requirement: found '${s[i] ?? ''}', expected: identifier`)
      skipWs()
      if (s.startsWith('!=', i)) {
        i += 2; skipWs()
        reqs.push({ key, op: 'notin', values: [readWord()] })
      } else if (s.startsWith('==', i) || s[i] === '=') {
        i += s.startsWith('==', i) ? 2 : 1; skipWs()
        reqs.push({ key, op: 'in', values: [readWord()] })
      } else if (/^(in|notin)\s*\(/.test(s.slice(i))) {
        const op = s.startsWith('notin', i) ? 'notin' : 'in'
        i += op.length; skipWs()
        i++ // (
        const close = s.indexOf(')', i)
        if (close < 0) throw new Error(`unable to parse requirement: found '', expected: ')'`)
        const values = s.slice(i, close).split(',').map((v) => v.trim()).filter(Boolean)
        i = close + 1
        reqs.push({ key, op, values })
      } else {
        reqs.push({ key, op: 'exists' })
      }
    }
    skipWs()
    if (i < s.length) {
      if (s[i] !== ',') throw new Error(`unable to parse requirement: found '${s[i]}', expected: ','`)
      i++
    }
  }
  for (const req of reqs) {
    if ('values' in req) {
      req.values.forEach((value, i) => {
        if (!LABEL_VALUE.test(value)) throw new Error(`unable to parse requirement: values[${i}][${req.key}]: Invalid value: "${value}": ${LABEL_VALUE_MESSAGE}`)
      })
    }
  }
  return reqs
}

// apimachinery validation.IsValidLabelValue.
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const LABEL_VALUE_MESSAGE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

/** labels.FormatLabels / selector String(): `app=kubia,tier=web`, or `<none>` when empty. */
export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels ?? {}).sort()
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>'
}

export function formatSelector(sel: Selector): string {
  if (!sel.length) return '<none>'
  return sel.map((r) => {
    switch (r.op) {
      case 'exists': return r.key
      case '!': return `!${r.key}`
      case 'in': return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`
      case 'notin': return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`
    }
  }).join(',')
}
