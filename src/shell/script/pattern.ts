// Shell glob patterns (used by ${x#pat}, ${x/pat/rep} and [[ x == pat ]]) turned into regular expressions.

/** Regex source for a glob: `*`, `?`, `[...]`/`[!...]`, backslash escapes; everything else literal. */
export function globToRegex(glob: string): string {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*') out += '[\\s\\S]*'
    else if (c === '?') out += '[\\s\\S]'
    else if (c === '\\' && i + 1 < glob.length) out += escapeRegex(glob[++i])
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2)
      if (close < 0) {
        out += '\\['
        continue
      }
      let body = glob.slice(i + 1, close)
      if (body.startsWith('!')) body = '^' + body.slice(1)
      out += '[' + body.replace(/\\/g, '\\\\') + ']'
      i = close
    } else out += escapeRegex(c)
  }
  return out
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** Removes the shortest/longest prefix or suffix matching the glob, as ${x#p} ${x##p} ${x%p} ${x%%p}. */
export function trimPattern(value: string, glob: string, op: '#' | '##' | '%' | '%%'): string {
  const re = new RegExp(`^(?:${globToRegex(glob)})$`)
  if (op === '#' || op === '##') {
    const lens = [...Array(value.length + 1).keys()]
    for (const n of op === '#' ? lens : lens.reverse()) if (re.test(value.slice(0, n))) return value.slice(n)
  } else {
    const starts = [...Array(value.length + 1).keys()]
    for (const n of op === '%' ? starts.reverse() : starts) if (re.test(value.slice(n))) return value.slice(0, n)
  }
  return value
}

/** ${x/pat/rep} (first match) and ${x//pat/rep} (all), longest match at each position. */
export function replacePattern(value: string, glob: string, rep: string, all: boolean): string {
  let anchor = ''
  if (glob.startsWith('#')) { anchor = '^'; glob = glob.slice(1) } else if (glob.startsWith('%')) { anchor = '$'; glob = glob.slice(1) }
  const src = globToRegex(glob)
  const re = new RegExp(anchor === '^' ? `^(?:${src})` : anchor === '$' ? `(?:${src})$` : src, all && !anchor ? 'g' : '')
  return value.replace(re, () => rep)
}
