// Renders the safe Markdown subset of markdown.ts as React elements (escaped text only; no raw HTML).
import { Fragment } from 'react'
import { parseMarkdown, type Inline } from './markdown.ts'

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((n, i) => {
        switch (n.type) {
          case 'code': return <code key={i}>{n.text}</code>
          case 'strong': return <strong key={i}>{n.text}</strong>
          case 'em': return <em key={i}>{n.text}</em>
          case 'link': return <a key={i} href={n.href} target="_blank" rel="noopener noreferrer">{n.text}</a>
          default: return <Fragment key={i}>{n.text}</Fragment>
        }
      })}
    </>
  )
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parseMarkdown(source).map((b, i) => {
        if (b.type === 'p') return <p key={i}><Inlines inlines={b.inlines} /></p>
        if (b.type === 'h') return <h4 key={i}><Inlines inlines={b.inlines} /></h4>
        if (b.type === 'pre') return <pre key={i}>{b.text}</pre>
        return <ul key={i}>{b.items.map((it, j) => <li key={j}><Inlines inlines={it} /></li>)}</ul>
      })}
    </div>
  )
}
