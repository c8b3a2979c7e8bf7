// What the kubeconfig written by kind/minikube/gcloud holds: the context name and the API server URL.
import type { Cluster } from '../../../engine/cluster/cluster.ts'
import { SeededRandom } from '../../../engine/sim/random.ts'

/** kind publishes the API server on a random free host port; drawn from the seed so transcripts repeat. */
export function apiServerURL(cluster: Cluster): string {
  const profile = cluster.profile
  if (profile.type === 'kind') return `https://127.0.0.1:${new SeededRandom(cluster.seed).fork('kind-apiserver-port').int(32768, 60999)}`
  if (profile.type === 'minikube') return `https://${profile.nodes[0].internalIP}:${profile.apiServerPort}`
  const rng = new SeededRandom(cluster.seed).fork('gke-endpoint')
  return `https://34.${rng.int(40, 180)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
}

export function contextName(cluster: Cluster): string {
  const profile = cluster.profile
  if (profile.type === 'kind') return `kind-${profile.name}`
  if (profile.type === 'minikube') return 'minikube'
  return `gke_kubehop_us-central1-c_${profile.name}`
}
