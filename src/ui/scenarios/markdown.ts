// A small, safe Markdown subset for narration: paragraphs, `- ` lists, headings, `code`, **bold**, *emphasis* and
// [links](https://…). It produces data, rendered as React elements (text is always escaped by React; nothing is
// ever injected as HTML). Links keep only http(s) addresses.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'em'; text: string }
  | { type: 'link'; text: string; href: string }

export type Block =
  | { type: 'p'; inlines: Inline[] }
  | { type: 'ul'; items: Inline[][] }
  | { type: 'h'; inlines: Inline[] }
  | { type: 'pre'; text: string }

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g

export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let last = 0
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) })
    if (m[1] !== undefined) out.push({ type: 'code', text: m[1] })
    else if (m[2] !== undefined) out.push({ type: 'strong', text: m[2] })
    else if (m[3] !== undefined) out.push({ type: 'em', text: m[3] })
    else if (/^https?:\/\//i.test(m[5])) out.push({ type: 'link', text: m[4], href: m[5] })
    else out.push({ type: 'text', text: m[4] })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) })
  return out
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  const lines = source.replace(/\r\n/g, '\n').split('\n')
  let para: string[] = []
  let list: string[] | null = null
  const flush = () => {
    if (para.length) blocks.push({ type: 'p', inlines: parseInline(para.join(' ')) })
    if (list) blocks.push({ type: 'ul', items: list.map(parseInline) })
    para = []
    list = null
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (/^```/.test(line)) {
      flush()
      const body: string[] = []
      while (i + 1 < lines.length && !/^```/.test(lines[i + 1])) body.push(lines[++i])
      i++
      blocks.push({ type: 'pre', text: body.join('\n') })
    } else if (!line.trim()) flush()
    else if (/^#{1,6}\s/.test(line)) { flush(); blocks.push({ type: 'h', inlines: parseInline(line.replace(/^#+\s*/, '')) }) }
    else if (/^\s*[-*]\s+/.test(line)) {
      if (para.length) { blocks.push({ type: 'p', inlines: parseInline(para.join(' ')) }); para = [] }
      list ??= []
      list.push(line.replace(/^\s*[-*]\s+/, ''))
    } else if (list && /^\s+\S/.test(line)) list[list.length - 1] += ` ${line.trim()}`
    else {
      if (list) { blocks.push({ type: 'ul', items: list.map(parseInline) }); list = null }
      para.push(line.trim())
    }
  }
  flush()
  return blocks
}
