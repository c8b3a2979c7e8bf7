// What the engine hands to anything that draws it (the React UI, the CLI's JSON, tests): plain, immutable data.
import type { KubeObject } from './api/types.ts'

export type ProfileType = 'kind' | 'minikube' | 'gke'

export interface ProfileSummary {
  type: ProfileType
  /** Cluster name (`kind`, `minikube`, or the gcloud cluster name). */
  name: string
  kubernetesVersion: string
  podCIDR: string
  serviceCIDR: string
  /** Whether a load-balancer provider runs (cloud-provider-kind, minikube tunnel, the cloud). */
  loadBalancerProvider: boolean
}

export interface ClusterSnapshot {
  /** Increases with every write to the API store; equal versions mean equal contents. */
  version: number
  /** Simulated time, seconds since the Unix epoch. */
  time: number
  /** A number for seeds up to 2^53; larger integer seeds and text seeds as given. */
  seed: number | string
  /** null when no cluster exists (after `kind delete cluster`). */
  profile: ProfileSummary | null
  /** Every stored object (Nodes, Pods, Services, Endpoints, EndpointSlices, Ingresses, ...), sorted by key. */
  objects: readonly KubeObject[]
}
