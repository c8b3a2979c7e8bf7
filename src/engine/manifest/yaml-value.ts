// One YAML or JSON value (a `kubectl patch -p` argument), read as safely as manifests are.
import { parseDocument } from 'yaml'
import type { Node } from 'yaml'
import { goYamlError } from './yaml-errors.ts'
import { PlainError, toPlain } from './to-plain.ts'

export function parseYamlValue(text: string): { value: unknown } | { error: string } {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false })
  if (doc.errors.length) return { error: goYamlError(doc.errors[0], text).message }
  try {
    return { value: toPlain(doc, doc.contents as Node | null) }
  } catch (err) {
    if (err instanceof PlainError || err instanceof RangeError) return { error: err.message }
    throw err
  }
}
