// `-o json`: Go's json.MarshalIndent(obj, "", "    ") over an unstructured object (keys sorted, HTML escaped).
import { setOwn } from '../../../engine/util/own.ts'

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) setOwn(out, key, sortKeys((value as Record<string, unknown>)[key]))
    return out
  }
  return value
}

/** encoding/json escapes <, > and & (and the JS line separators) inside strings. */
function goJsonEscape(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
}

/** Indented JSON as kubectl prints it, with a trailing newline. */
export function toJson(value: unknown, indent = '    '): string {
  // JSON.stringify keeps integer-like keys first whatever the order; Go sorts them as strings. Rebuild by hand.
  return goJsonEscape(stringify(sortKeys(value), indent, '')) + '\n'
}

/** Compact JSON with Go's key order (jsonpath prints maps and lists this way). */
export function toCompactJson(value: unknown): string {
  return goJsonEscape(stringify(sortKeys(value), '', ''))
}

function stringify(value: unknown, indent: string, current: string): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) {
    if (!value.length) return '[]'
    const inner = current + indent
    const items = value.map((v) => stringify(v, indent, inner))
    return indent ? `[\n${items.map((i) => inner + i).join(',\n')}\n${current}]` : `[${items.join(',')}]`
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    if (!keys.length) return '{}'
    const inner = current + indent
    const sep = indent ? ': ' : ':'
    const items = keys.map((k) => `${JSON.stringify(k)}${sep}${stringify((value as Record<string, unknown>)[k], indent, inner)}`)
    return indent ? `{\n${items.map((i) => inner + i).join(',\n')}\n${current}}` : `{${items.join(',')}}`
  }
  return JSON.stringify(value)
}
