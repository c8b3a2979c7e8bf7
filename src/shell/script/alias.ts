// Alias expansion of a simple command's first word; the alias text is spliced in like bash's textual substitution.
import type { Command, ListNode, SimpleCommand } from './ast.ts'
import { Parser, isPlain } from './parser.ts'

const cache = new Map<string, ListNode | null>()

function parseAlias(value: string): ListNode | null {
  if (!cache.has(value)) {
    try {
      const stmt = new Parser(value).statement()
      cache.set(value, stmt ? stmt.list : { items: [] })
    } catch {
      cache.set(value, null)
    }
  }
  return cache.get(value) ?? null
}

/** The command after alias substitution: a simple command, or a whole list when the alias holds `;`, `|`, `&&`. */
export function expandAlias(cmd: SimpleCommand, aliases: Record<string, string>): SimpleCommand | ListNode {
  const seen = new Set<string>()
  let current = cmd
  for (;;) {
    const first = current.words[0]
    if (!first || !isPlain(first)) return current
    const name = first.raw
    const value = aliases[name]
    if (value === undefined || seen.has(name)) return current
    seen.add(name)
    const list = parseAlias(value)
    if (!list) return current
    const rest = current.words.slice(1)
    const only = list.items.length === 1 && list.items[0].rest.length === 0 && list.items[0].first.commands.length === 1 && !list.items[0].first.negate
      ? list.items[0].first.commands[0]
      : list.items.length === 0 ? { kind: 'simple', assigns: [], words: [], redirects: [] } as SimpleCommand : null
    if (only && only.kind === 'simple') {
      current = {
        kind: 'simple',
        assigns: [...current.assigns, ...only.assigns],
        words: [...only.words, ...rest],
        redirects: [...only.redirects, ...current.redirects],
      }
      // A value ending in a blank makes the next word eligible too (alias sudo='sudo ').
      if (/\s$/.test(value) && rest.length > 0) {
        const tail = expandAlias({ kind: 'simple', assigns: [], words: rest, redirects: [] }, aliases)
        if ('kind' in tail) current = { ...current, words: [...only.words, ...tail.words] }
      }
      continue
    }
    return appendToLast(list, current)
  }
}

/** `alias kgp='kubectl get pods | grep x'` then `kgp -A`: the extra words belong to the last command. */
function appendToLast(list: ListNode, cmd: SimpleCommand): ListNode {
  const items = list.items.slice()
  const lastItem = items[items.length - 1]
  const pipelines = [lastItem.first, ...lastItem.rest.map((r) => r.pipeline)]
  const lastPipe = pipelines[pipelines.length - 1]
  const commands = lastPipe.commands.slice()
  const tail: Command = commands[commands.length - 1]
  if (tail.kind !== 'simple') return list
  commands[commands.length - 1] = { ...tail, words: [...tail.words, ...cmd.words.slice(1)], redirects: [...tail.redirects, ...cmd.redirects] }
  const newPipe = { ...lastPipe, commands }
  items[items.length - 1] = lastItem.rest.length === 0
    ? { ...lastItem, first: newPipe }
    : { ...lastItem, rest: [...lastItem.rest.slice(0, -1), { ...lastItem.rest[lastItem.rest.length - 1], pipeline: newPipe }] }
  return { items }
}
