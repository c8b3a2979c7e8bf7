// Tiny syntax highlighters for the inspector's read-only text: YAML (kubectl -o yaml) and iptables-save.
// Pure: text in, spans out (rendered as React text, never as HTML).
export interface Span { text: string; cls?: string }

const push = (out: Span[], text: string, cls?: string) => { if (text) out.push({ text, cls }) }

function yamlLine(line: string, out: Span[]): void {
  const comment = /^(\s*)(#.*)$/.exec(line)
  if (comment) { push(out, comment[1]); push(out, comment[2], 'hl-comment'); return }
  const m = /^(\s*(?:- )*)([^:#'"\s][^:]*?|"[^"]*"|'[^']*')(:)(\s|$)(.*)$/.exec(line)
  if (!m) { scalar(line, out); return }
  push(out, m[1], 'hl-punct'); push(out, m[2], 'hl-key'); push(out, m[3], 'hl-punct'); push(out, m[4]); scalar(m[5], out)
}

function scalar(text: string, out: Span[]): void {
  const lead = /^(\s*(?:- )*)(.*)$/.exec(text)!
  push(out, lead[1], 'hl-punct')
  const v = lead[2]
  if (/^(["']).*\1$/.test(v)) push(out, v, 'hl-string')
  else if (/^-?\d+(\.\d+)?$/.test(v)) push(out, v, 'hl-number')
  else if (/^(true|false|null|~)$/.test(v)) push(out, v, 'hl-bool')
  else push(out, v, v ? 'hl-value' : undefined)
}

function iptablesLine(line: string, out: Span[]): void {
  if (line.startsWith('#')) return push(out, line, 'hl-comment')
  if (line.startsWith('*') || line === 'COMMIT') return push(out, line, 'hl-table')
  if (line.startsWith(':')) {
    const [chain, ...rest] = line.split(' ')
    push(out, chain, 'hl-chain'); push(out, rest.length ? ' ' + rest.join(' ') : '', 'hl-comment'); return
  }
  // -A CHAIN ... -m comment --comment "..." ... -j TARGET
  const re = /("[^"]*")|(-[AIj]|--to-destination|-g)(\s+)(\S+)|(--?[\w-]+)|(\s+)|([^\s"]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(line))) {
    if (m[1]) push(out, m[1], 'hl-string')
    else if (m[2]) { push(out, m[2], 'hl-flag'); push(out, m[3]); push(out, m[4], m[2] === '-j' || m[2] === '-g' ? 'hl-target' : m[2] === '--to-destination' ? 'hl-number' : 'hl-chain') }
    else if (m[5]) push(out, m[5], 'hl-flag')
    else push(out, m[0], /^\d+(\.\d+){3}/.test(m[0]) ? 'hl-number' : undefined)
  }
}

export function highlight(text: string, language: 'yaml' | 'iptables' | 'plain'): Span[][] {
  return text.replace(/\n$/, '').split('\n').map((line) => {
    const out: Span[] = []
    if (language === 'yaml') yamlLine(line, out)
    else if (language === 'iptables') iptablesLine(line, out)
    else push(out, line)
    return out
  })
}
