// POSIX basic/extended regular expressions (grep, grep -E, awk) translated to JavaScript syntax.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
}

/** JavaScript source for a POSIX regex; in BRE, `\(` `\)` `\{` `\}` `\|` `\+` `\?` are the operators. */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]
      if (!extended && '(){}|+?'.includes(n)) out += n
      else if (n === '<' || n === '>') out += '\\b'
      else out += '\\' + n
    } else if (c === '[') {
      const { source, end } = bracket(pattern, i)
      out += source
      i = end
    } else if (!extended && '(){}|+?'.includes(c)) out += '\\' + c
    else if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) out += '\\*'
    else if (c === '{' && extended && !/^\{\d*(,\d*)?\}/.test(pattern.slice(i))) out += '\\{'
    else if (c === '/') out += '\\/'
    else out += c
  }
  return out
}

/** A bracket expression: `]` first is literal, backslash is literal, [:class:] names expand. */
function bracket(pattern: string, start: number): { source: string; end: number } {
  let i = start + 1
  let body = ''
  if (pattern[i] === '^') { body += '^'; i++ }
  if (pattern[i] === ']') { body += '\\]'; i++ }
  for (; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === ']') return { source: `[${body}]`, end: i }
    const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(i))
    if (cls && CLASSES[cls[1]]) {
      body += CLASSES[cls[1]]
      i += cls[0].length - 1
    } else if (c === '\\' || c === '[') body += '\\' + c
    else body += c
  }
  return { source: '\\[', end: start }
}

/** Compiles or returns the error text GNU tools would show (approximately). */
export function compile(source: string, flags: string): RegExp | string {
  try {
    return new RegExp(source, flags)
  } catch {
    if (/\((?![^)]*\))/.test(source)) return 'Unmatched ( or \\('
    if (/\[/.test(source)) return 'Unmatched [, [^, [:, [., or [='
    return 'Invalid regular expression'
  }
}
