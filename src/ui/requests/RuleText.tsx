// A rule's exact text in a narrow column: one line cut with an ellipsis, the whole text in its tooltip, and a
// button that unfolds it in place (iptables-save lines and nft map lookups run past 150 characters).
import { useState } from 'react'

export function RuleText({ text }: { text: string }) {
  const [open, setOpen] = useState(false)
  return (
    <span className="rule-text">
      <code className={open ? 'rule-text__code is-open' : 'rule-text__code'} title={text}>{text}</code>
      <button type="button" className="rule-text__more" aria-expanded={open} aria-label={open ? 'Fold the rule' : 'Show the whole rule'}
        onClick={() => setOpen(!open)}>{open ? '−' : '+'}</button>
    </span>
  )
}
