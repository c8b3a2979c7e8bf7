// The contract between the API server and the admission path.
import type { KubeObject } from '../api/types.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { NodePortAllocator, ServiceIPAllocator } from '../allocators/index.ts'
import type { AdmissionResult, StatusError } from '../api/status.ts'

export type { AdmissionResult, StatusError }

export interface Allocators {
  serviceIPs: ServiceIPAllocator
  nodePorts: NodePortAllocator
}

export interface AdmissionContext {
  rng: SeededRandom
  allocators: Allocators
  serviceCIDR: string
  nodePortRange: { base: number; size: number }
  nowRfc3339: string
  /** Reads another stored object (cluster-scoped kinds: ns undefined). */
  get(kind: string, ns: string | undefined, name: string): KubeObject | undefined
  /** Every stored object of a kind (the IngressClasses DefaultIngressClass looks through). */
  list(kind: string): KubeObject[]
}
