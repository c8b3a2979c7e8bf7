// PLACEHOLDER schema until the Kubernetes JSON schemas are generated at build time: every document needs apiVersion and kind.
export const MODEL_URI = 'file:///kubehop/manifests.yaml'

export const placeholderSchema = {
  uri: 'inmemory://schemas/kubehop-manifest.json',
  fileMatch: ['**/manifests.yaml'],
  schema: {
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: 'API group and version, e.g. `v1` or `apps/v1`.' },
      kind: { type: 'string', description: 'Object kind, e.g. `Deployment` or `Service`.' },
      metadata: { type: 'object', properties: { name: { type: 'string' }, namespace: { type: 'string' } } },
    },
  },
}
