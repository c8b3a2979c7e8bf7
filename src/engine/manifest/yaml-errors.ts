// Words a YAML syntax error the way go-yaml (behind kubectl's YAMLToJSON) does, from the `yaml` library's
// error code. go-yaml numbers scanner errors by the offending line but parser errors by the line before
// it (problem_mark is 0-based there), a quirk learners see in every real transcript.
// Upstream: gopkg.in/yaml.v2 scannerc.go / parserc.go / yaml.go (parser.fail).
import type { YAMLError } from 'yaml'

export interface GoYamlError {
  /** `yaml: line 3: mapping values are not allowed in this context` */
  message: string
  /** Offset in the chunk of the place the error is about. */
  offset: number
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Maps the first error of a document; `text` is the document chunk (lines count from its start). */
export function goYamlError(err: YAMLError, text: string): GoYamlError {
  const at = Math.min(err.pos[0], text.length)
  const scanner = (offset: number, msg: string): GoYamlError => ({ message: `yaml: line ${lineOf(text, offset)}: ${msg}`, offset })
  const parser = (offset: number, msg: string): GoYamlError => {
    const line = lineOf(text, offset) - 1
    return { message: line > 0 ? `yaml: line ${line}: ${msg}` : `yaml: ${msg}`, offset }
  }
  const first = err.message.split('\n')[0]
  // The parser ran out of stack on absurd nesting: say so the way go-yaml v3 does.
  if (/call stack/i.test(first)) return { message: 'yaml: exceeded max depth of 100', offset: at }
  switch (err.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // go-yaml stops at the second `:` on the key's line(s).
      const colon = text.slice(at).search(/:(\s|$)/)
      return scanner(colon < 0 ? at : at + colon, 'mapping values are not allowed in this context')
    }
    case 'TAB_AS_INDENT':
      return scanner(at, 'found character that cannot start any token')
    case 'BAD_INDENT':
      if (/Flow map/.test(first)) return parser(at, "did not find expected ',' or '}'")
      if (/Flow sequence/.test(first)) return parser(at, "did not find expected ',' or ']'")
      return parser(at, 'did not find expected key')
    case 'MISSING_CHAR':
      if (/quote/.test(first)) return scanner(at, 'found unexpected end of stream')
      if (/Flow map|}/.test(first)) return parser(at, "did not find expected ',' or '}'")
      if (/Flow sequence|]/.test(first)) return parser(at, "did not find expected ',' or ']'")
      return parser(at, 'did not find expected key')
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
      if (/^\s*[@`]/.test(text.slice(at))) return scanner(at, 'found character that cannot start any token')
      return parser(at, 'did not find expected key')
    case 'DUPLICATE_KEY':
      return parser(at, `mapping key ${JSON.stringify(/"(.*)"/.exec(first)?.[1] ?? '')} already defined`)
    case 'BAD_DQ_ESCAPE':
      return scanner(at, 'found unknown escape character while parsing a quoted scalar')
    case 'BAD_ALIAS':
      return { message: 'yaml: did not find expected alphabetic or numeric character', offset: at }
    default:
      return parser(at, first.replace(/ at line \d+, column \d+:?$/, '').replace(/^./, (c) => c.toLowerCase()))
  }
}
