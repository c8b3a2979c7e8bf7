// Guards between the page and oversized or hostile text: a paste is measured before anything takes it (a 20 MB
// paste is refused in a moment instead of freezing the page while it is laid out and parsed), and the editor's YAML
// language worker (monaco-yaml) only sees files it can handle: small enough, and without aliases that expand into
// millions of nodes (a 472-character merge-key bomb froze the page for 10–17 s in that worker and the GC).
import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml'
import { createStore, useStore } from 'zustand'

/** Characters of all files together the editor takes (the size a link or an import may carry). */
export const MAX_DOCUMENT_CHARS = 1_000_000
/** Past this a file is edited as plain text: schema checks, hovers and folding would cost more than they give. */
const MAX_LANGUAGE_CHARS = 256 * 1024
/** Nodes a file may expand to through its aliases before the language worker is kept away from it. */
const MAX_EXPANDED_NODES = 20_000

interface GuardState {
  /** The last refused paste, said in the editor's header. */
  notice: string | null
  /** Why the file on screen is edited as plain text (null: it gets the YAML language worker). */
  plain: string | null
}
export const guardStore = createStore<GuardState>()(() => ({ notice: null, plain: null }))
export const useGuard = <T,>(selector: (s: GuardState) => T): T => useStore(guardStore, selector)
export const setGuardNotice = (notice: string | null) => guardStore.setState({ notice })

/**
 * The pasted text, timed: for 20 MB the browser's own clipboard read (a synchronous copy from the browser
 * process) is most of what a refused paste costs, and the e2e heartbeat reports it apart from the page's own work.
 */
export function clipboardText(data: { getData(type: string): string } | null): string {
  performance.mark('kubehop:clipboard-read-start')
  const text = data?.getData('text/plain') ?? ''
  performance.measure('kubehop:clipboard-read', 'kubehop:clipboard-read-start')
  return text
}

/** Why a paste of `incoming` characters into a document of `current` characters is refused, or null. */
export function pasteRefusal(incoming: number, current: number): string | null {
  if (incoming + current <= MAX_DOCUMENT_CHARS) return null
  return `Paste refused: ${(incoming / 1_000_000).toFixed(1)} MB of text would make the document larger than ${MAX_DOCUMENT_CHARS / 1_000_000} MB. Split it, or import the files one by one.`
}

/** Nodes the documents expand to when every alias is replaced by what it names (shared work counted once per use). */
export function expandedNodes(docs: Document[], cap = Infinity): number {
  const memo = new Map<unknown, number>()
  const size = (node: unknown, doc: Document): number => {
    if (!node || typeof node !== 'object') return 1
    const known = memo.get(node)
    if (known !== undefined) return known
    memo.set(node, 1) // a cycle counts once
    let n = 1
    if (isAlias(node)) n = size(node.resolve(doc), doc)
    else if (isMap(node) || isSeq(node)) for (const item of node.items) { n += isPair(item) ? size(item.key, doc) + size(item.value, doc) : size(item, doc); if (n > cap) break }
    else if (!isScalar(node)) n = 1
    memo.set(node, n)
    return n
  }
  let total = 0
  for (const doc of docs) { total += size(doc.contents, doc); if (total > cap) break }
  return total
}

const ALIAS = /(^|[\s[{,:-])\*[^\s,[\]{}]/m

/** Why a file must not go to the YAML language worker (it is edited as plain text then), or null. */
export function languageRefusal(text: string): string | null {
  if (text.length > MAX_LANGUAGE_CHARS) return `This file is over ${MAX_LANGUAGE_CHARS / 1024} KB: the editor treats it as plain text (the engine still checks it).`
  if (!ALIAS.test(text)) return null
  const docs = parseAllDocuments(text)
  const list = Array.isArray(docs) ? docs : []
  if (expandedNodes(list, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) return 'This file’s aliases expand to too many nodes: the editor treats it as plain text (the engine refuses it).'
  return null
}
