// A small reader for nginx configuration files: enough of nginx's grammar (directives, blocks, quoted strings,
// comments, `include` with globs) to find servers, their `listen` ports, locations and `return` directives.
// Grammar: nginx's src/core/ngx_conf_file.c (ngx_conf_read_token).

export interface Directive {
  name: string
  args: string[]
  block?: Directive[]
}

class NginxConfError extends Error {}

function tokenize(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) { i++; continue }
    if (c === '#') { while (i < text.length && text[i] !== '\n') i++; continue }
    if (c === '{' || c === '}' || c === ';') { tokens.push(c); i++; continue }
    if (c === '"' || c === "'") {
      let j = i + 1
      let out = ''
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) {
          const n = text[j + 1]
          out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === c || n === '\\' ? n : '\\' + n
          j += 2
        } else out += text[j++]
      }
      if (j >= text.length) throw new NginxConfError('unexpected end of file, expecting ";" or "}"')
      tokens.push('\u0000' + out)
      i = j + 1
      continue
    }
    let j = i
    while (j < text.length && !/[\s;{}]/.test(text[j])) j++
    tokens.push(text.slice(i, j))
    i = j
  }
  return tokens
}

/** Parses a configuration file into its directive tree (quoted arguments unquoted, escapes resolved). */
export function parseNginxConf(text: string): Directive[] {
  const tokens = tokenize(text)
  let pos = 0
  const parseBlock = (nested: boolean): Directive[] => {
    const out: Directive[] = []
    while (pos < tokens.length) {
      const t = tokens[pos]
      if (t === '}') {
        if (!nested) throw new NginxConfError('unexpected "}"')
        pos++
        return out
      }
      const words: string[] = []
      while (pos < tokens.length && tokens[pos] !== ';' && tokens[pos] !== '{' && tokens[pos] !== '}') words.push(tokens[pos++])
      const end = tokens[pos++]
      if (!words.length) continue
      const [name, ...args] = words.map((w) => (w.startsWith('\u0000') ? w.slice(1) : w))
      if (end === '{') out.push({ name, args, block: parseBlock(true) })
      else if (end === ';') out.push({ name, args })
      else throw new NginxConfError(`unexpected end of file, expecting ";" or "}"`)
    }
    if (nested) throw new NginxConfError('unexpected end of file, expecting "}"')
    return out
  }
  return parseBlock(false)
}

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$')
}

/** Replaces `include` directives by the parsed files they name (relative paths are under /etc/nginx). */
export function expandIncludes(directives: Directive[], files: ReadonlyMap<string, string>, depth = 0): Directive[] {
  if (depth > 8) return directives
  const out: Directive[] = []
  for (const d of directives) {
    if (d.name === 'include' && d.args[0]) {
      const pattern = d.args[0].startsWith('/') ? d.args[0] : `/etc/nginx/${d.args[0]}`
      const re = globToRegExp(pattern)
      const names = [...files.keys()].filter((f) => re.test(f)).sort()
      for (const f of names) {
        if (f.endsWith('mime.types')) continue
        try { out.push(...expandIncludes(parseNginxConf(files.get(f)!), files, depth + 1)) } catch { /* a broken include: nginx would not start */ }
      }
    } else out.push(d.block ? { ...d, block: expandIncludes(d.block, files, depth) } : d)
  }
  return out
}
