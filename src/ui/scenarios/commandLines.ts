// A step's shell text as the lines a person would type at the console, one by one: comment-only and blank lines
// are left out (bash ignores them), a here-document travels with the line that opens it, and a line ending in
// `\` continues on the next.

const HEREDOC = /<<(-?)\s*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w.-]*))/g

function heredocs(line: string): { word: string; strip: boolean }[] {
  // Quotes are rare around `<<` in our scripts; a `<<` inside quotes is skipped by removing quoted text first.
  const bare = line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, (m) => (/^['"]/.test(m) && /<</.test(m) ? '""' : m))
  const hash = bare.search(/(^|\s)#/)
  const code = hash < 0 ? bare : bare.slice(0, hash)
  return [...code.matchAll(HEREDOC)].map((m) => ({ word: m[2] ?? m[3] ?? m[4], strip: m[1] === '-' }))
}

export function commandLines(commands: string): string[] {
  const lines = commands.replace(/\r\n/g, '\n').split('\n')
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line.trim() || /^\s*#/.test(line)) continue
    const parts = [line]
    while (/\\$/.test(parts[parts.length - 1]) && i + 1 < lines.length) parts.push(lines[++i])
    for (const { word, strip } of heredocs(parts.join('\n'))) {
      while (i + 1 < lines.length) {
        const body = lines[++i]
        parts.push(body)
        if ((strip ? body.replace(/^\t+/, '') : body) === word) break
      }
    }
    out.push(parts.join('\n'))
  }
  return out
}
