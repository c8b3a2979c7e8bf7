// React Flow's registry of our node components (module-level so React Flow never sees a new object).
import type { NodeTypes } from '@xyflow/react'
import { ClientNode } from './ClientNode.tsx'
import { ClusterNodeGroup } from './ClusterNodeGroup.tsx'
import { IngressNode } from './IngressNode.tsx'
import { LoadBalancerNode } from './LoadBalancerNode.tsx'
import { PodNode } from './PodNode.tsx'
import { ServiceNode } from './ServiceNode.tsx'
import { WorkloadNode } from './WorkloadNode.tsx'

export const nodeTypes: NodeTypes = { client: ClientNode, clusterNode: ClusterNodeGroup, pod: PodNode, service: ServiceNode,
  loadBalancer: LoadBalancerNode, ingress: IngressNode, workload: WorkloadNode }
