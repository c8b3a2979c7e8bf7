import { describe, expect, it } from 'vitest'
import { parseManifests, MAX_MANIFEST_BYTES } from './index.ts'

const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n`

describe('parseManifests', () => {
  it('reads multi-document YAML in order, skipping empty documents and comments', () => {
    const r = parseManifests(`# header\n---\n${svc('a')}---\n\n---\n# only a comment\n---\n${svc('b')}`, 'x.yaml')
    expect(r.errors).toEqual([])
    expect(r.docs.map((d) => (d.object.metadata as { name: string }).name)).toEqual(['a', 'b'])
    expect(r.docs[0].range.line).toBe(3)
    expect(r.docs[1].range.line).toBe(15)
  })

  it('flattens kind: List, each item with its own range; an unknown kind skips only its item', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Foo\n  metadata:\n    name: b\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n'
    const r = parseManifests(text, 'l.yaml')
    expect(r.docs.map((d) => [d.object.kind, d.range.line, d.index])).toEqual([['Service', 4, 0], ['ConfigMap', 12, 1]])
    expect(r.errors).toEqual([expect.objectContaining({ kind: 'mapping', fatal: false, range: expect.objectContaining({ line: 9 }),
      message: 'resource mapping not found for name: "b" namespace: "" from "l.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first' })])
  })

  it('reads JSON, one object or several back to back', () => {
    const r = parseManifests('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"b"}}', 'ns.json')
    expect(r.errors).toEqual([])
    expect(r.docs.map((d) => d.range.line)).toEqual([1, 2])
  })

  it.each([
    ['apiVersion: v1\nkind: Service\nmetadata: name: x\n', 'yaml: line 3: mapping values are not allowed in this context', 3],
    ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n labels: {}\n', 'yaml: line 4: did not find expected key', 5],
    ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n    labels: {}\n', 'yaml: line 5: mapping values are not allowed in this context', 5],
    ['apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n', 'yaml: line 4: found character that cannot start any token', 4],
    ['apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 80\n   targetPort: 8080\n', 'yaml: line 5: did not find expected key', 6],
    ['apiVersion: v1\nkind: "Service\nmetadata: {}\n', 'yaml: line 4: found unexpected end of stream', 4],
    ['apiVersion: v1\nkind: Service\nmetadata: {name: x\n', "yaml: line 3: did not find expected ',' or '}'", 4],
    ['a: &a [1]\nb: *zz\n', "yaml: unknown anchor 'zz' referenced", 1],
  ])('words YAML syntax errors like kubectl v1.32 (%#)', (text, goMessage, line) => {
    const r = parseManifests(text, 't.yaml')
    expect(r.docs).toEqual([])
    expect(r.errors).toEqual([expect.objectContaining({ kind: 'parse', fatal: true, message: `error parsing t.yaml: error converting YAML to JSON: ${goMessage}` })])
    expect(r.errors[0].range!.line).toBe(line)
  })

  it('counts YAML error lines from the start of the document, as kubectl converts documents one by one', () => {
    const r = parseManifests(`${svc('a')}---\napiVersion: v1\nkind: Service\nmetadata: name: x\n${svc('c')}`, 't.yaml')
    expect(r.docs).toHaveLength(1)
    expect(r.errors[0].message).toBe('error parsing t.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context')
    expect(r.errors[0].range!.line).toBe(11)
  })

  it('words JSON syntax errors like Go encoding/json, with the byte offset', () => {
    expect(parseManifests('{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x",}}', 't.yaml').errors[0].message)
      .toBe("error parsing t.yaml: json: offset 66: invalid character '}' looking for beginning of object key string")
    expect(parseManifests('{"apiVersion":"v1", "kind": ', 'STDIN').errors[0].message).toBe('error parsing STDIN: unexpected EOF')
  })

  it('reports missing apiVersion/kind as client-side validation errors that end the stream', () => {
    expect(parseManifests('apiVersion: v1\nmetadata:\n  name: x\n', 'x.yaml').errors[0].message)
      .toBe('error validating "x.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false')
    const both = parseManifests(`metadata:\n  name: x\n---\n${svc('b')}`, 'x.yaml')
    expect(both.docs).toEqual([])
    expect(both.errors.map((e) => e.message)).toEqual(['error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false'])
    expect(parseManifests('metadata:\n  name: x\n', 'x.yaml', { validate: false }).errors[0].message)
      .toBe(`unable to decode "x.yaml": Object 'Kind' is missing in '{"metadata":{"name":"x"}}'`)
  })

  it('rejects a separator followed by text, as kubectl YAMLReader does', () => {
    expect(parseManifests(`${svc('a')}--- foo\n`, 't.yaml').errors[0].message).toBe('error parsing t.yaml: invalid Yaml document separator: foo')
  })

  it('stops alias bombs quickly with go-yaml\'s message', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`)
    // A hang here fails on the runner's testTimeout (vite.config.ts); how long it takes is bench/hostile.ts's figure.
    const r = parseManifests(levels.join('\n') + '\n', 'bomb.yaml')
    expect(r.errors[0].message).toBe('error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing')
    expect(r.docs).toEqual([])
  })

  it('still resolves ordinary aliases and merge keys', () => {
    const r = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n  labels: &l {app: web}\n  annotations: *l\ndata:\n  <<: {a: "1", b: "2"}\n  b: "3"\n', 'm.yaml')
    expect(r.docs[0].object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'm', labels: { app: 'web' }, annotations: { app: 'web' } }, data: { a: '1', b: '3' } })
  })

  it('keeps __proto__ and constructor as plain keys without polluting any prototype', () => {
    const r = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: 2\n', 'p.yaml')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(r.docs[0].object)).toBe(Object.prototype)
    expect(Object.keys(r.docs[0].object)).toContain('__proto__')
    const json = parseManifests('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m"},"__proto__":{"polluted":1}}', 'p.json')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(json.docs[0].object)).toBe(Object.prototype)
  })

  it('refuses a 5 MB manifest fast with a clear error', () => {
    const one = (i: number) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: "${'x'.repeat(100)}"\n`
    let big = ''
    for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += one(i)
    const r = parseManifests(big, 'big.yaml')
    // The size check comes before any parsing: no document, and the error names the size.
    expect(r.docs).toEqual([])
    expect(MAX_MANIFEST_BYTES).toBe(3 * 1024 * 1024)
    expect(r.errors[0].message).toBe('Error from server (RequestEntityTooLarge): error when creating "big.yaml": Request entity too large: limit is 3145728')
  })

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const text = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  k: "${'é'.repeat(n)}"\n`
    expect(parseManifests(text(1_100_000), 'm.yaml').errors).toEqual([])
    expect(parseManifests(text(1_600_000), 'm.yaml').errors[0].message).toMatch(/Request entity too large: limit is 3145728$/)
  })

  it('refuses a merge-key bomb with go-yaml\'s message', () => {
    // 9 merges of 9 merges of ... a small map: a few hundred characters, billions of copies if expanded.
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data:', '  m0: &m0 {a: "1", b: "2", c: "3", d: "4"}']
    for (let i = 1; i <= 8; i++) lines.push(`  m${i}: &m${i} {<<: [${Array(9).fill(`*m${i - 1}`).join(',')}]}`)
    const text = lines.join('\n') + '\n'
    expect(text.length).toBeLessThan(600)
    const r = parseManifests(text, 'bomb.yaml')
    expect(r.docs).toEqual([])
    expect(r.errors[0].message).toBe('error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing')
  })

  it('bounds expansion by what it produces: a long string repeated past the API server\'s body limit is refused', () => {
    // Few aliases (go-yaml's ratio lets them through), but 40 x 100 kB would be a 4 MB request body.
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n  s: &s "${'x'.repeat(100_000)}"\n  l: [${Array(40).fill('*s').join(',')}]\n`
    const r = parseManifests(text, 'wide.yaml')
    expect(r.docs).toEqual([])
    expect(r.errors).toMatchObject([{ kind: 'limit', fatal: true, message: 'Error from server (RequestEntityTooLarge): error when creating "wide.yaml": Request entity too large: limit is 3145728' }])
    // The same with a few repeats is an ordinary document.
    expect(parseManifests(text.replace(/\[(\*s,)+\*s\]/, '[*s,*s]'), 'wide.yaml').errors).toEqual([])
  })

  it('refuses a key written twice in one map as the strict YAML decoder does; merge keys may repeat', () => {
    const r = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\ndata:\n  <<: {x: "1"}\n  <<: {y: "2"}\n  true: "a"\n  true: "b"\n', 'dup.yaml')
    expect(r.docs).toEqual([])
    expect(r.errors[0].message).toBe('error parsing dup.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "name" already set in map\n  line 10: key true already set in map')
    // Lines count from the start of each document, as kubectl decodes one document at a time.
    const second = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {k: "1", k: "2"}\n', 'dup.yaml')
    expect(second.docs).toHaveLength(1)
    expect(second.errors[0].message).toBe('error parsing dup.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n  line 4: key "k" already set in map')
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  <<: {x: "1"}\n  <<: {z: "2"}\n', 'm.yaml').docs[0].object.data).toEqual({ x: '1', z: '2' })
  })

  it('survives absurd nesting with an error', () => {
    const r = parseManifests('a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n', 'deep.yaml')
    expect(r.errors[0].message).toMatch(/^error parsing deep\.yaml: error converting YAML to JSON: yaml: exceeded max depth/)
  })

  it('reads YAML 1.1 scalars as go-yaml does (yes is a bool, y as a key is "true")', () => {
    const r = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  a: yes\n  y: "1"\n  when: 2024-01-01\n', 'm.yaml')
    expect(r.docs[0].object.data).toEqual({ a: true, true: '1', when: '2024-01-01' })
  })

  it('locates a field path for editor markers', () => {
    const r = parseManifests(`${svc('z')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n`, 's.yaml')
    expect(r.docs[1].locate('spec.ports[0].nodePort')).toEqual({ line: 17, col: 5, endLine: 17, endCol: 13 })
    expect(r.docs[1].locate('spec.type')).toEqual({ line: 14, col: 3, endLine: 14, endCol: 7 })
    // A path that is not written falls back to the nearest written parent.
    expect(r.docs[1].locate('metadata.labels')?.line).toBe(11)
  })
})
