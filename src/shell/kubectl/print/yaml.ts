// `-o yaml`: what kubectl prints (sigs.k8s.io/yaml: JSON → go-yaml v2), emitted with the `yaml` package.
// Keys sorted the go-yaml way, sequences not indented under their key, strings quoted only where go-yaml does.
import { Document, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, type Node } from 'yaml'
import { compareKeys, scalarStyle } from './yaml-style.ts'

const STYLE_TYPE = {
  plain: Scalar.PLAIN,
  single: Scalar.QUOTE_SINGLE,
  double: Scalar.QUOTE_DOUBLE,
  literal: Scalar.BLOCK_LITERAL,
} as const

function scalar(value: unknown): Scalar {
  const node = new Scalar(value)
  if (typeof value === 'string') node.type = STYLE_TYPE[scalarStyle(value)]
  return node
}

function toNode(value: unknown): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq()
    for (const item of value) seq.items.push(toNode(item))
    return seq
  }
  if (value && typeof value === 'object') {
    const map = new YAMLMap()
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key]
      if (v === undefined) continue
      map.add({ key: scalar(key), value: toNode(v) })
    }
    return map
  }
  return scalar(value === undefined ? null : value)
}

/** go-yaml writes empty collections in flow style (`{}`, `[]`). */
function markEmptyFlow(node: Node): void {
  if (isMap(node) || isSeq(node)) {
    if (node.items.length === 0) node.flow = true
    for (const item of node.items as unknown[]) {
      if (isScalar(item)) continue
      if (isMap(item) || isSeq(item)) markEmptyFlow(item)
      else if (item && typeof item === 'object' && 'value' in item) {
        const v = (item as { value: unknown }).value
        if (isMap(v) || isSeq(v)) markEmptyFlow(v)
      }
    }
  }
}

export function toYaml(value: unknown): string {
  const doc = new Document()
  const root = toNode(value)
  markEmptyFlow(root)
  doc.contents = root as never
  return doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false })
}
