// Generates the editor's Kubernetes JSON schema from `kubernetes-types` with ts-json-schema-generator:
// one schema per kind kubehop serves, chosen by `kind` (and `apiVersion`) the way kubectl's own validation
// picks the OpenAPI definition. Run `npx tsx scripts/gen-schemas.ts` to regenerate (it runs before
// `npm run build`/`npm start`; src/ui/schemas/schemas.test.ts fails when the committed file is stale).
import { writeFileSync, readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createGenerator } from 'ts-json-schema-generator'

const entry = fileURLToPath(new URL('./k8s-schema-entry.ts', import.meta.url))
export const OUTPUT = fileURLToPath(new URL('../src/engine/api/kubernetes.schema.json', import.meta.url))

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] }

const KINDS: [kind: string, group: string][] = [
  ['Pod', 'v1'], ['Service', 'v1'], ['Endpoints', 'v1'], ['ReplicationController', 'v1'], ['ConfigMap', 'v1'], ['Secret', 'v1'],
  ['Namespace', 'v1'], ['Deployment', 'apps/v1'], ['ReplicaSet', 'apps/v1'], ['EndpointSlice', 'discovery.k8s.io/v1'],
  ['Ingress', 'networking.k8s.io/v1'], ['IngressClass', 'networking.k8s.io/v1'],
]

function renameRefs(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, renames))
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => {
    if (k === '$ref' && typeof v === 'string') {
      const name = decodeURIComponent(v.replace('#/definitions/', ''))
      return [k, `#/definitions/${encodeURIComponent(renames.get(name) ?? name)}`]
    }
    return [k, renameRefs(v, renames)]
  }))
}

export function generateSchema(): string {
  const generator = createGenerator({ path: entry, expose: 'export', topRef: true, jsDoc: 'extended',
    skipTypeCheck: true, additionalProperties: false, sortProps: true })
  const definitions: Record<string, Schema> = {}
  for (const [kind, apiVersion] of KINDS) {
    // One schema per kind: kubernetes-types has equal names in different groups (core and discovery EndpointPort).
    const own = generator.createSchema(kind).definitions as Record<string, Schema>
    const renames = new Map<string, string>()
    for (const [name, def] of Object.entries(own)) {
      if (definitions[name] && JSON.stringify(definitions[name]) !== JSON.stringify(def)) renames.set(name, `${apiVersion.replace('/', '.')}.${name}`)
    }
    for (const [name, def] of Object.entries(own)) definitions[renames.get(name) ?? name] = renameRefs(def, renames) as Schema
    const def = definitions[kind]
    // Status is written by the cluster, never by a manifest; apiVersion and kind pick the schema. `kubectl explain`
    // still shows it, so it is kept under a key the editor's validator ignores.
    if (def.properties!.status) def['x-kubehop-status'] = def.properties!.status
    delete def.properties!.status
    def.required = [...new Set(['apiVersion', 'kind', ...(def.required ?? [])])]
  }
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes object (the kinds kubehop simulates)',
    description: `One of: ${KINDS.map(([k]) => k).join(', ')}. Generated from kubernetes-types by scripts/gen-schemas.ts.`,
    // kind decides which definition applies, so completion and errors are those of that kind only.
    allOf: KINDS.map(([kind]) => ({ if: { properties: { kind: { const: kind } }, required: ['kind'] }, then: { $ref: `#/definitions/${kind}` } })),
    properties: {
      apiVersion: { type: 'string', description: 'The API group and version: `v1` or `apps/v1`, ...', enum: [...new Set(KINDS.map(([, g]) => g))] },
      kind: { type: 'string', enum: KINDS.map(([k]) => k), description: 'The object kind.' },
    },
    required: ['apiVersion', 'kind'],
    definitions,
  }
  return JSON.stringify(schema) + '\n'
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateSchema()
  if (!existsSync(OUTPUT) || readFileSync(OUTPUT, 'utf8') !== text) writeFileSync(OUTPUT, text)
  console.log(`kubehop: ${OUTPUT} (${(text.length / 1024).toFixed(0)} kB)`)
}
