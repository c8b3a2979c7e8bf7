import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { parseDocument, stringify } from 'yaml'
import type { Node } from 'yaml'
import { describe, expect, it } from 'vitest'
import { fastYaml } from './fast-yaml.ts'
import { splitYamlDocuments } from './split-documents.ts'
import { toPlain } from './to-plain.ts'
import { validObject } from '../../fuzz/manifests.ts'

/** What the yaml library path gives for a document: the value and root range, or undefined for an error or a non-collection. */
function slow(text: string): { value: unknown; start: number; end: number } | undefined {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false })
  if (doc.errors.length) return undefined
  try {
    const node = doc.contents as Node | null
    return { value: toPlain(doc, node, () => 1), start: node?.range?.[0] ?? -1, end: node?.range?.[1] ?? -1 }
  } catch {
    return undefined
  }
}

/** Whenever the fast path reads a document, the yaml library reads it the same: same value (key order too), same range. */
function agrees(text: string): boolean {
  const fast = fastYaml(text)
  if (!fast) return false
  const expected = slow(text)
  expect(expected, JSON.stringify(text)).toBeDefined()
  expect(JSON.stringify(fast.value), JSON.stringify(text)).toBe(JSON.stringify(expected!.value))
  expect(fast.value, JSON.stringify(text)).toStrictEqual(expected!.value)
  expect([fast.start, fast.end], JSON.stringify(text)).toEqual([expected!.start, expected!.end])
  return true
}

const BENCH_DOC = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-0}\nspec:\n  replicas: 50\n  selector: {matchLabels: {app: app-0}}\n' +
  '  template:\n    metadata: {labels: {app: app-0}}\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia\n        ports: [{containerPort: 8080}]\n'

/** What a mangling step inserts (or '' to delete a character). */
const EDITS = [' ', '  ', '\n', '\n  ', '- ', ':', ': ', '#', '"', "'", '{', '}', '[', ']', ',', 'y', '0', '1', 'e', '', '\t', '&a ', '*a', '!', '|', '>', '%', '@', '?', '.', '~', 'n', '/', 'true', 'null', '\\', '=']

describe('fastYaml', () => {
  it('reads the plain manifests it is for', () => {
    expect(agrees(BENCH_DOC)).toBe(true)
    expect(agrees('apiVersion: v1\nkind: Service\nmetadata: {name: svc-0}\nspec:\n  selector: {app: app-0}\n  ports: [{port: 80, targetPort: 8080}]\n')).toBe(true)
    expect(agrees('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n')).toBe(true)
    expect(agrees('# a header\n\na: 1\nb:\n  - c: d\n    e: "f g"\n    h: \'i\'\n  # between\n  - x\nj: [1, {k: l}, []]\nm: {}\nimage: nginx:1.27\n\n\n')).toBe(true)
    expect(agrees('  a: 1\n  b: hello  world\n')).toBe(true)
    expect(agrees('- a\n-   b: 1\n    c: 2\n-\n  d: 3\n')).toBe(true)
    expect(agrees('a: 0\nb: 123456789012345\nc: http://x:80/y\nd: a=b@c+d\n')).toBe(true)
  })

  it.each([
    'a: y', 'a: N', 'a: yes', 'a: Off', 'a: NULL', 'a: ~', 'a:', 'a: ', 'a: e3', 'a: E-3', 'a: 08', 'a: 010', 'a: 1_000', 'a: 0x1F', 'a: 1e3',
    'a: 1.5', 'a: .inf', 'a: -1', 'a: 1234567890123456', 'a: 2001-12-14', 'a: 12:30', 'y: 1', 'on: 1', 'e1: x', '"a": 1', '1: x', '<<: {a: 1}',
    'a: &x 1\nb: *x', 'a: !!str 1', 'a: |\n  x', 'a: >\n  x', 'a: b # c', 'a: b\n  c', 'a:\tb', 'a: b\r\n', 'a: {b: }', 'a: [b, ]', 'a: {b:c}',
    'a: [a b]', 'a: "x\\ny"', "a: 'it''s'", 'a: "x', 'a: {b: 1', 'a: 1\na: 2', '__proto__: 1', 'a: b: c', '- - a', '-', 'x', '{a: 1}', '[1]',
    'a:\n  b: 1\n c: 2', 'a: 1\n  b: 2', '  a: 1\nb: 2', 'a:\n- b\n  c: 1', '---\na: 1', '%YAML 1.1\n---\na: 1', 'a: b:', 'a: -b', 'a: @b', 'a: [1]x', 'a: 1\n  # c\n',
  ])('gives up on what it does not read exactly (%j)', (text) => {
    expect(fastYaml(text)).toBeUndefined()
  })

  it('agrees with the yaml library on generated manifests, and on them mangled a character at a time', () => {
    let read = 0
    fc.assert(fc.property(validObject, fc.constantFrom('block', 'flow', 'mixed'), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...EDITS)), { maxLength: 4 }),
      (object, style, edits) => {
        let text = style === 'block' ? stringify(object) : style === 'flow' ? stringify(object, { collectionStyle: 'flow' }) : stringify(object, { flowCollectionPadding: false, defaultStringType: 'QUOTE_DOUBLE' })
        if (agrees(text)) read++
        for (const [at, c] of edits) {
          const i = at % (text.length + 1)
          text = text.slice(0, i) + c + text.slice(i + (c === '' ? 1 : 0))
          agrees(text)
        }
      }), { numRuns: 1500, seed: 16 })
    // Most generated manifests are plain enough to take the fast path.
    expect(read).toBeGreaterThan(100)
  })

  it('agrees with the yaml library on every manifest of the scenarios', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.ya?ml$/.test(name)) files.push(path)
      }
    }
    walk(join(__dirname, '../../../scenarios'))
    expect(files.length).toBeGreaterThan(20)
    let read = 0
    for (const file of files) for (const chunk of splitYamlDocuments(readFileSync(file, 'utf8')).chunks) if (agrees(chunk.text)) read++
    expect(read).toBeGreaterThan(10)
  })
})
