// A big cluster a platform engineer brings from work (issue 16): 20 kind nodes, four Deployments totalling
// `pods` replicas in two namespaces, a Service for each. Shared by the browser bench and the 1,000-pod e2e test.

const WORKLOADS = [
  { name: 'kubia', namespace: 'default', share: 0.48, tier: 'front', service: 'NodePort' },
  { name: 'web', namespace: 'default', share: 0.24, tier: 'front', service: 'ClusterIP' },
  { name: 'api', namespace: 'shop', share: 0.16, tier: 'back', service: 'ClusterIP' },
  { name: 'cache', namespace: 'shop', share: 0.12, tier: 'back', service: 'ClusterIP' },
] as const

export function kindConfig(nodes: number): string {
  return ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', 'nodes:', '  - role: control-plane',
    ...Array.from({ length: nodes - 1 }, () => '  - role: worker')].join('\n') + '\n'
}

/** The replicas of each Deployment, in WORKLOADS order (the first takes what rounding leaves). */
export function replicasOf(pods: number): number[] {
  const rest = WORKLOADS.slice(1).map((w) => Math.floor(pods * w.share))
  return [pods - rest.reduce((a, b) => a + b, 0), ...rest]
}

/** The manifest with `pods` replicas in all; line 10 is `  replicas: N` of kubia (the line edits change). */
export function bigManifest(pods: number): string {
  const replicas = replicasOf(pods)
  const docs = WORKLOADS.map((w, i) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${w.name}
  namespace: ${w.namespace}
  labels:
    tier: ${w.tier}
spec:
  selector: {matchLabels: {app: ${w.name}}}
  replicas: ${replicas[i]}
  template:
    metadata:
      labels: {app: ${w.name}, tier: ${w.tier}}
    spec:
      containers:
        - name: ${w.name}
          image: luksa/kubia:1.0
          ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: ${w.name}
  namespace: ${w.namespace}
spec:
  type: ${w.service}
  selector: {app: ${w.name}}
  ports:
    - port: 80
      targetPort: 8080${w.service === 'NodePort' ? '\n      nodePort: 30123' : ''}
`)
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n${docs.join('---\n')}`
}

/**
 * The ReplicaSet controller's burst (replica-manager.ts, after replica_set.go's BurstReplicas): one sync creates at
 * most 500 pods, and the next burst waits 25 simulated seconds (kube-controller-manager's 20 qps API client).
 */
const BURST_REPLICAS = 500

/** Pods the apply of bigManifest(`pods`) leaves in the cluster, over a cluster running bigManifest(`from`): each
 * ReplicaSet's first burst. The rest follow as the simulated clock runs (5,000 pods: four more bursts, 100 s). */
export function podsAfterApply(pods: number, from: number): number {
  const before = replicasOf(from)
  return replicasOf(pods).reduce((n, r, i) => n + Math.min(r, before[i] + BURST_REPLICAS), 0)
}

/** Line of kubia's `replicas:` in bigManifest (1-based). */
export const KUBIA_REPLICAS_LINE = 15

/** A share link (`#kh1:` + deflated JSON) opening `pods` pods on `nodes` nodes. */
export async function bigLink(pods: number, nodes: number): Promise<string> {
  const { deflateSync, strToU8 } = await import('fflate')
  const doc = { v: 2, seed: 1, active: 'app.yaml', files: [{ name: 'app.yaml', text: bigManifest(pods) }, { name: 'kind-config.yaml', text: kindConfig(nodes) }] }
  const b64 = Buffer.from(deflateSync(strToU8(JSON.stringify(doc)))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `/#kh1:${b64}`
}
