// Field paths as the API server writes them in errors (`spec.ports[0].nodePort`,
// `metadata.labels[app.kubernetes.io/name]`, `spec.template.spec.containers[0].env[1].value`),
// and where such a path is written in the YAML, so the editor can mark the exact field.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Document, Node } from 'yaml'

export type PathSegment = string | number

/** `spec.ports[0].nodePort` → ['spec', 'ports', 0, 'nodePort']; `[key]` on a map is a key. */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = []
  let i = 0
  while (i < path.length) {
    if (path[i] === '.') { i++; continue }
    if (path[i] === '[') {
      const close = path.indexOf(']', i)
      const inner = path.slice(i + 1, close < 0 ? undefined : close)
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner)
      i = close < 0 ? path.length : close + 1
      continue
    }
    let j = i
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++
    out.push(path.slice(i, j))
    i = j
  }
  return out
}

/** The syntax node a path leads to (its key when `key` is true and the last step is a map key). */
export function findNode(doc: Document, root: Node | null, path: PathSegment[]): { start: number; end: number } | undefined {
  let node: unknown = root
  let span: { start: number; end: number } | undefined = rangeOf(root)
  for (const seg of path) {
    while (isAlias(node)) node = node.resolve(doc)
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))
      if (!pair) return span
      // Point at the key: that is where a person looks for the field.
      span = rangeOf(pair.key as Node) ?? span
      node = pair.value
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg]
      if (item === undefined) return span
      span = rangeOf(item as Node) ?? span
      node = item
    } else {
      return span
    }
  }
  return span
}

function rangeOf(node: unknown): { start: number; end: number } | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range
  return r ? { start: r[0], end: r[1] } : undefined
}
