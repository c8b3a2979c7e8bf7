// Reads a manifest the way `kubectl apply -f` does (cli-runtime resource/visitor.go StreamVisitor):
// documents in order, empty ones skipped, `kind: List` flattened; a syntax or validation error ends the
// stream (what came before still counts), while an unknown kind only skips its own object.
import { isAlias, isMap, isSeq, parseDocument } from 'yaml'
import type { Document, Node } from 'yaml'
import type { ManifestDoc, ManifestError, ParsedManifest, ParseOptions, SourceRange } from './types.ts'
import { LineIndex } from './line-index.ts'
import { looksLikeJson, splitYamlDocuments } from './split-documents.ts'
import { splitJsonStream } from './json-stream.ts'
import { goYamlError } from './yaml-errors.ts'
import { ENTITY_TOO_LARGE, MAX_REQUEST_BYTES, PlainError, TooLargeError, toPlain } from './to-plain.ts'
import { findNode, parseFieldPath } from './field-path.ts'
import { noKindMatchMessage, servedKinds } from './kind-mapping.ts'
import type { KindResolver } from './kind-mapping.ts'
import { goQuote } from '../validation/go-format.ts'
import { fastYaml } from './fast-yaml.ts'

/**
 * Manifests larger than this are refused before parsing (parsing megabytes takes seconds in a browser tab):
 * the API server's request body limit: a larger file could only hold objects the server would take one by one, and no learning manifest comes close.
 */
export const MAX_MANIFEST_BYTES = MAX_REQUEST_BYTES

/** UTF-8 size of a text, stopping early once it passes `limit`. */
function utf8Length(text: string, limit: number): number {
  let n = 0
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return n
}

export interface ParseManifestOptions extends ParseOptions {
  /** Which kinds the cluster serves; defaults to the kinds kubehop simulates. */
  resolveKind?: KindResolver
}

const YAML_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const

/** Where a value was written: its node's range in the document, and the document's syntax tree (built on demand). */
interface Source { range: readonly [number, number] | undefined; tree(): { doc: Document; node: Node | null } }

const nodeSource = (doc: Document, node: Node | null): Source => ({ range: node?.range ? [node.range[0], node.range[1]] : undefined, tree: () => ({ doc, node }) })

const VALIDATE_HINT = '; if you choose to ignore these errors, turn validation off with --validate=false'

/** Builds plain objects from YAML or JSON text, with kubectl's errors. `sourceName` is the `-f` argument (`STDIN` for `-`). */
export function parseManifests(text: string, sourceName: string, opts: ParseManifestOptions = {}): ParsedManifest {
  const validate = opts.validate ?? true
  const resolveKind = opts.resolveKind ?? servedKinds
  const docs: ManifestDoc[] = []
  const errors: ManifestError[] = []
  if (text.length > MAX_MANIFEST_BYTES || (text.length * 3 > MAX_MANIFEST_BYTES && utf8Length(text, MAX_MANIFEST_BYTES) > MAX_MANIFEST_BYTES)) {
    errors.push({ kind: 'limit', fatal: true, message: tooLarge(sourceName) })
    return { docs, errors }
  }
  const lines = new LineIndex(text)

  // One parsed document (or JSON value): returns false when the stream must stop.
  const visit = (chunkText: string, offset: number, yamlLines: boolean): boolean => {
    // Plain YAML is read without a syntax tree; the tree is built only if an error needs a field's place.
    const fast = yamlLines ? fastYaml(chunkText) : undefined
    if (fast) {
      let built: { doc: Document; node: Node | null } | undefined
      const tree = () => {
        if (!built) {
          const doc = parseDocument(chunkText, YAML_OPTIONS)
          built = { doc, node: doc.contents as Node | null }
        }
        return built
      }
      return visitObject(fast.value, { range: [fast.start, fast.end], tree }, offset)
    }
    let doc: Document
    try {
      doc = parseDocument(chunkText, YAML_OPTIONS)
    } catch (err) {
      // The parser itself can run out of stack on absurd nesting: report, never crash.
      errors.push({ kind: 'parse', fatal: true, message: `error parsing ${sourceName}: error converting YAML to JSON: yaml: ${(err as Error).message}`, range: lines.range(offset, offset) })
      return false
    }
    if (doc.errors.length) {
      const e = goYamlError(doc.errors[0], chunkText)
      const message = yamlLines ? `error parsing ${sourceName}: error converting YAML to JSON: ${e.message}` : `error parsing ${sourceName}: ${e.message}`
      errors.push({ kind: 'parse', fatal: true, message, range: lines.range(offset + e.offset, offset + e.offset) })
      return false
    }
    let value: unknown
    try {
      value = toPlain(doc, doc.contents as Node | null, (at) => lineAt(chunkText, at))
    } catch (err) {
      if (err instanceof TooLargeError) {
        errors.push({ kind: 'limit', fatal: true, message: tooLarge(sourceName), range: lines.range(offset, offset) })
        return false
      }
      if (!(err instanceof PlainError) && !(err instanceof RangeError)) throw err
      const msg = err instanceof RangeError ? `yaml: exceeded max depth` : err.message
      errors.push({ kind: 'parse', fatal: true, message: `error parsing ${sourceName}: error converting YAML to JSON: ${msg}`, range: lines.range(offset, offset) })
      return false
    }
    if (value === null || value === undefined) return true
    return visitObject(value, nodeSource(doc, doc.contents as Node | null), offset)
  }

  const visitObject = (value: unknown, source: Source, offset: number, fromList = false): boolean => {
    const nodeRange = source.range ? lines.range(offset + source.range[0], offset + source.range[1]) : lines.range(offset, offset)
    if (typeof value !== 'object' || value === null) {
      if (validate && !fromList) {
        errors.push({ kind: 'validate', fatal: true, range: nodeRange, message: `error validating ${goQuote(sourceName)}: error validating data: invalid object to validate${VALIDATE_HINT}` })
        return false
      }
      errors.push({ kind: 'decode', fatal: false, range: nodeRange, docRange: nodeRange, message: `unable to decode ${goQuote(sourceName)}: json: cannot unmarshal ${typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string'} into Go value of type unstructured.detector` })
      return true
    }
    if (Array.isArray(value)) {
      errors.push({ kind: 'decode', fatal: false, range: nodeRange, docRange: nodeRange, message: `unable to decode ${goQuote(sourceName)}: json: cannot unmarshal array into Go value of type unstructured.detector` })
      return true
    }
    const obj = value as Record<string, unknown>
    const locate = (path: string): SourceRange | undefined => {
      const { doc, node } = source.tree()
      const span = findNode(doc, node, parseFieldPath(path))
      return span ? lines.range(offset + span.start, offset + span.end) : undefined
    }
    if (validate && !fromList) {
      const problems: string[] = []
      if (!('apiVersion' in obj)) problems.push('apiVersion not set')
      else if (typeof obj.apiVersion !== 'string') problems.push("apiVersion isn't string type")
      if (!('kind' in obj)) problems.push('kind not set')
      else if (typeof obj.kind !== 'string') problems.push("kind isn't string type")
      if (problems.length) {
        const list = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`
        const path = problems[0].startsWith('apiVersion') ? 'apiVersion' : 'kind'
        errors.push({ kind: 'validate', fatal: true, path, range: locate(path) ?? nodeRange, message: `error validating ${goQuote(sourceName)}: error validating data: ${list}${VALIDATE_HINT}` })
        return false
      }
    }
    if (typeof obj.kind !== 'string' || !obj.kind || typeof obj.apiVersion !== 'string') {
      const missing = typeof obj.kind !== 'string' || !obj.kind ? 'Kind' : 'apiVersion'
      errors.push({ kind: 'decode', fatal: false, range: nodeRange, docRange: nodeRange, object: obj, path: missing === 'Kind' ? 'kind' : 'apiVersion', message: `unable to decode ${goQuote(sourceName)}: Object '${missing}' is missing in '${JSON.stringify(obj)}'` })
      return true
    }
    // `kind: List` (and FooList) with items: each item is an object of its own (FlattenListVisitor).
    if (obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      const items = obj.items as unknown[]
      const { doc, node } = source.tree()
      for (let i = 0; i < items.length; i++) {
        if (!visitObject(items[i], nodeSource(doc, findItemNode(doc, node, i)), offset, true)) return false
      }
      return true
    }
    if (!resolveKind(obj.apiVersion, obj.kind)) {
      errors.push({ kind: 'mapping', fatal: false, path: 'kind', range: locate('kind') ?? nodeRange, docRange: nodeRange, object: obj, message: noKindMatchMessage(obj, sourceName) })
      return true
    }
    docs.push({ object: obj, range: nodeRange, index: docs.length, locate })
    return true
  }

  if (looksLikeJson(text)) {
    const split = splitJsonStream(text)
    for (const v of split.values) if (!visit(text.slice(v.start, v.end), v.start, false)) return { docs, errors }
    if (split.error) errors.push({ kind: 'parse', fatal: true, message: `error parsing ${sourceName}: ${split.error.message}`, range: lines.range(split.error.offset, split.error.offset) })
    return { docs, errors }
  }
  const split = splitYamlDocuments(text)
  for (const chunk of split.chunks) if (!visit(chunk.text, chunk.offset, true)) return { docs, errors }
  if (split.error) errors.push({ kind: 'parse', fatal: true, message: `error parsing ${sourceName}: ${split.error.message}`, range: lines.range(split.error.offset, split.error.offset) })
  return { docs, errors }
}

/** What kubectl prints when the API server refuses the body (apiserver handlers/rest.go limitedReadBody). */
function tooLarge(sourceName: string): string {
  return `Error from server (RequestEntityTooLarge): error when creating ${goQuote(sourceName)}: ${ENTITY_TOO_LARGE}`
}

/** 1-based line of an offset in a document chunk (go-yaml counts lines per document). */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function findItemNode(doc: Document, root: Node | null, index: number): Node | null {
  let list: unknown = isMap(root) ? root.get('items', true) : null
  while (isAlias(list)) list = list.resolve(doc)
  let item: unknown = isSeq(list) ? list.items[index] : null
  while (isAlias(item)) item = item.resolve(doc)
  return (item as Node | undefined) ?? null
}
