// Which describer each kind uses.
import type { DescribeContext } from './common.ts'
import { describePod } from './pod.ts'
import { describeService } from './service.ts'
import { describeDeployment, describeReplicaSet, describeReplicationController } from './workloads.ts'
import { describeEndpoints, describeEndpointSlice } from './endpoints.ts'
import { describeIngress, describeIngressClass } from './ingress.ts'
import { describeNode } from './node.ts'
import { describeConfigMap, describeNamespace, describeSecret } from './misc.ts'

export type { DescribeContext } from './common.ts'

export const DESCRIBERS: Record<string, (obj: any, ctx: DescribeContext) => string> = {
  Pod: describePod,
  Service: describeService,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  ReplicationController: describeReplicationController,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Ingress: describeIngress,
  IngressClass: describeIngressClass,
  Node: describeNode,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
}
