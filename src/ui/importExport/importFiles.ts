// Import: YAML files, a pasted manifest, a `kubectl get … -o yaml` List (server-set fields and controller-owned
// objects dropped, so it applies cleanly), a kind config, or a kubehop share file (the Share dialog's download).
// Pure: the dialog turns the result into tabs. YAML is read with the same alias/size limits as the engine.
import { parseAllDocuments, stringify } from 'yaml'
import { isKindConfig } from '../../engine/cluster/kind-config.ts'
import { ShareLinkError, migrate, validateDocument, type ShareDocument } from '../../share/index.ts'
import type { DocFile } from '../../worker/protocol.ts'

export const MAX_IMPORT_CHARS = 1_000_000

export type Imported =
  | { kind: 'files'; files: DocFile[]; notes: string[] }
  | { kind: 'shared'; doc: ShareDocument }

const SERVER_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision']

/** A usable tab name from a file name: letters, digits, `.-_`, ending in .yaml. */
export function tabName(name: string, fallback = 'imported.yaml'): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 59)
  if (!base) return fallback
  return /\.(ya?ml|json)$/i.test(base) ? base : `${base.replace(/\.[^.]*$/, '') || 'imported'}.yaml`
}

/** An object as one would write it: without what the API server and controllers filled in. */
function cleanObject(raw: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...obj } = raw
  const metadata = { ...((obj.metadata ?? {}) as Record<string, unknown>) }
  for (const k of SERVER_METADATA) delete metadata[k]
  const annotations = { ...((metadata.annotations ?? {}) as Record<string, unknown>) }
  for (const k of SERVER_ANNOTATIONS) delete annotations[k]
  if (Object.keys(annotations).length) metadata.annotations = annotations
  else delete metadata.annotations
  obj.metadata = metadata
  if (obj.kind === 'Service' && obj.spec && typeof obj.spec === 'object') {
    const { clusterIP: _ip, clusterIPs: _ips, ...spec } = obj.spec as Record<string, unknown>
    obj.spec = spec
  }
  return obj
}

function fromList(items: unknown[], notes: string[]): string {
  const kept: string[] = []
  let owned = 0
  for (const item of items) {
    if (!item || typeof item !== 'object') continue
    const o = item as Record<string, unknown>
    const meta = (o.metadata ?? {}) as Record<string, unknown>
    if (Array.isArray(meta.ownerReferences) && meta.ownerReferences.length) { owned++; continue }
    if (o.kind === 'Endpoints' || o.kind === 'EndpointSlice' || o.kind === 'Event') { owned++; continue }
    kept.push(stringify(cleanObject(o)))
  }
  if (owned) notes.push(`${owned} object(s) made by controllers (pods of a Deployment, Endpoints, …) were left out: the cluster makes them again.`)
  return kept.join('---\n')
}

/** Reads one dropped/pasted text. Throws Error with a readable message when it is not something to import. */
export function importText(name: string, text: string): Imported {
  if (text.length > MAX_IMPORT_CHARS) throw new Error(`${name} is larger than ${MAX_IMPORT_CHARS / 1000} kB`)
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{') && /"v"\s*:/.test(trimmed) && /"files"\s*:/.test(trimmed)) {
    try {
      return { kind: 'shared', doc: validateDocument(migrate(JSON.parse(text))) }
    } catch (err) {
      throw new Error(`${name}: ${err instanceof ShareLinkError || err instanceof SyntaxError ? err.message : 'not a kubehop document'}`, { cause: err })
    }
  }
  const notes: string[] = []
  if (isKindConfig(text)) return { kind: 'files', files: [{ name: 'kind-config.yaml', text }], notes }
  const docs = parseAllDocuments(text)
  const list = Array.isArray(docs) && docs.length === 1 ? docs[0].toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null : null
  if (list && typeof list === 'object' && list.kind === 'List' && Array.isArray(list.items)) {
    const out = fromList(list.items, notes)
    if (!out) throw new Error(`${name}: the List holds nothing to import`)
    return { kind: 'files', files: [{ name: tabName(name, 'imported.yaml'), text: out }], notes }
  }
  return { kind: 'files', files: [{ name: tabName(name), text }], notes }
}

/** Merges imported files into the tabs: a kind config replaces the current one, a same-named tab is replaced. */
export function mergeFiles(current: DocFile[], incoming: DocFile[]): DocFile[] {
  let files = [...current]
  for (const file of incoming) {
    const kindTab = isKindConfig(file.text) ? files.find((f) => isKindConfig(f.text)) : undefined
    const target = kindTab ?? files.find((f) => f.name === file.name)
    files = target ? files.map((f) => (f === target ? { name: f.name, text: file.text } : f)) : [...files, file]
  }
  return files.slice(0, 20)
}
