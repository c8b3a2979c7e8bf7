// RFC 6902 JSON patch (`kubectl patch --type json`), with the error texts of evanphx/json-patch that the
// API server returns (`the server rejected our request due to an error in our request`-style BadRequest).
import { clone, deepEqual, isObject } from './json-value.ts'
import type { Json } from './json-value.ts'
import { setOwn } from '../to-plain.ts'
import { PatchError } from './strategic-patch.ts'

function tokens(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new PatchError(`invalid JSON pointer: ${pointer}`)
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function parentOf(doc: Json, path: string): { parent: Json; key: string } {
  const ts = tokens(path)
  if (!ts.length) throw new PatchError(`unable to operate on the document root`)
  let node: Json = doc
  for (const t of ts.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(t)]
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, t)) node = node[t]
    else throw new PatchError(`doc is missing path: "${path}": missing value`)
    if (node === undefined) throw new PatchError(`doc is missing path: "${path}": missing value`)
  }
  return { parent: node, key: ts[ts.length - 1] }
}

function get(doc: Json, path: string): Json {
  let node: Json = doc
  for (const t of tokens(path)) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(t)] : isObject(node) && Object.prototype.hasOwnProperty.call(node, t) ? node[t] : undefined
    if (next === undefined) throw new PatchError(`doc is missing path: "${path}": missing value`)
    node = next
  }
  return node
}

function remove(doc: Json, path: string): Json {
  const { parent, key } = parentOf(doc, path)
  if (Array.isArray(parent)) {
    const i = Number(key)
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) throw new PatchError(`Unable to remove nonexistent key: ${key}: missing value`)
    return parent.splice(i, 1)[0]
  }
  if (!isObject(parent) || !Object.prototype.hasOwnProperty.call(parent, key)) throw new PatchError(`Unable to remove nonexistent key: ${key}: missing value`)
  const v = parent[key]
  delete parent[key]
  return v
}

function add(doc: Json, path: string, value: Json, replace: boolean): void {
  const { parent, key } = parentOf(doc, path)
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key)
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new PatchError(`Unable to access invalid index: ${i}: invalid index referenced`)
    if (replace) parent[i] = value
    else parent.splice(i, 0, value)
    return
  }
  if (!isObject(parent)) throw new PatchError(`doc is missing path: "${path}": missing value`)
  if (replace && !Object.prototype.hasOwnProperty.call(parent, key)) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`)
  setOwn(parent, key, value)
}

export function applyJsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  const doc = clone(target)
  for (const op of ops) {
    if (!isObject(op)) throw new PatchError('json: cannot unmarshal into Go value of type jsonpatch.Operation')
    const path = String(op.path ?? '')
    switch (op.op) {
      case 'add': add(doc, path, clone(op.value ?? null), false); break
      case 'replace': add(doc, path, clone(op.value ?? null), true); break
      case 'remove': remove(doc, path); break
      case 'move': add(doc, path, remove(doc, String(op.from)), false); break
      case 'copy': add(doc, path, clone(get(doc, String(op.from))), false); break
      case 'test': if (!deepEqual(get(doc, path), op.value)) throw new PatchError(`testing value ${path} failed: test failed`); break
      default: throw new PatchError(`Unexpected kind: ${String(op.op)}`)
    }
  }
  return doc
}
