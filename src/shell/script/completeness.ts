// Whether typed text is a whole command yet: an interactive bash reads more lines (with its `> ` prompt) while
// a quote, a here-document, a `\` continuation, a `|`/`&&` or a compound command (for … do, if … then) is open.
import { normalize, Parser } from './parser.ts'
import { ShellSyntaxError } from './types.ts'

const OPEN_AT_EOF = ['unexpected end of file', 'unexpected EOF while looking for matching']

export function needsMoreInput(text: string): boolean {
  // A line ending in an unescaped backslash continues on the next one.
  if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true
  try {
    const parser = new Parser(normalize(text + '\n'))
    for (let s = parser.statement(); s; s = parser.statement()) {
      if (s.warnings.some((w) => w.includes('delimited by end-of-file'))) return true
    }
    return false
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e
    return OPEN_AT_EOF.some((m) => e.message.includes(m))
  }
}
