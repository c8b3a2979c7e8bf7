// Tab completion for the console, as bash-completion for kubectl does it: commands, kubectl verbs, resource
// types, and object names read from the last snapshot. Pure: line + cursor + what is known in, candidates out.
import type { KubeObject } from '../../engine/api/types.ts'
import type { ShellVocabulary } from '../../worker/protocol.ts'

export interface CompletionContext {
  vocabulary: ShellVocabulary | null
  objects: readonly KubeObject[]
}

export interface Completion {
  /** The word being completed (the text before the cursor since the last space). */
  word: string
  candidates: string[]
  /** What to insert at the cursor: the rest of the single candidate plus a space, or the common prefix. */
  insert: string
}

const NAME_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'rollout'])
const POD_VERBS = new Set(['exec', 'logs', 'port-forward', 'attach'])
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'taint'])

function commonPrefix(words: string[]): string {
  if (!words.length) return ''
  let p = words[0]
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1)
  return p
}

function namespaceOf(words: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if ((words[i] === '-n' || words[i] === '--namespace') && words[i + 1]) return words[i + 1]
    const m = /^--namespace=(.+)$/.exec(words[i])
    if (m) return m[1]
  }
  return undefined
}

function namesOf(ctx: CompletionContext, kind: string, namespace: string | undefined, namespaced: boolean): string[] {
  return ctx.objects.filter((o) => o.kind === kind && (!namespaced || (o.metadata.namespace ?? 'default') === (namespace ?? 'default')))
    .map((o) => o.metadata.name).sort()
}

function candidatesFor(words: string[], word: string, ctx: CompletionContext): string[] {
  const v = ctx.vocabulary
  if (!v) return []
  if (!words.length) return v.commands
  const resource = (name: string) => v.resources.find((r) => r.names.includes(name.toLowerCase()))
  const ns = namespaceOf(words)
  if (words[0] === 'docker') return words.length === 1 ? ['exec', 'ps'] : words[1] === 'exec' && words.length === 2 ? namesOf(ctx, 'Node', undefined, false) : []
  if (words[0] !== 'kubectl') return []
  const args = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !(i > 0 && /^(-n|--namespace)$/.test(all[i - 1])))
  if (word.startsWith('-')) return []
  if (!args.length) return v.kubectlVerbs
  const verb = args[0]
  if (POD_VERBS.has(verb) && args.length === 1) return namesOf(ctx, 'Pod', ns, true)
  if (NODE_VERBS.has(verb) && args.length === 1) return namesOf(ctx, 'Node', undefined, false)
  if (!NAME_VERBS.has(verb)) return []
  const target = verb === 'rollout' ? args.slice(2) : args.slice(1)
  if (verb === 'rollout' && args.length === 1) return ['history', 'restart', 'status', 'undo']
  if (!target.length) {
    if (word.includes('/')) {
      const [type] = word.split('/')
      const r = resource(type)
      return r ? namesOf(ctx, r.kind, ns, r.namespaced).map((n) => `${type}/${n}`) : []
    }
    // One candidate per type: the first of its names that fits (`po` → pods, `sv` → svc).
    return v.resources.map((r) => r.names.find((n) => n.startsWith(word)) ?? r.names[0])
  }
  const r = resource(target[0])
  return r && !target[0].includes('/') ? namesOf(ctx, r.kind, ns, r.namespaced) : []
}

/** Completes the word that ends at `cursor` in `line`. */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, cursor)
  const parts = before.split(/\s+/)
  const word = parts[parts.length - 1]
  const words = parts.slice(0, -1).filter(Boolean)
  const candidates = [...new Set(candidatesFor(words, word, ctx))].filter((c) => c.startsWith(word))
  if (candidates.length === 1) return { word, candidates, insert: candidates[0].slice(word.length) + ' ' }
  return { word, candidates, insert: commonPrefix(candidates).slice(word.length) }
}
