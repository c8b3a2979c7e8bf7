// Which describer each kind uses.
import type { DescribeContext } from './common.ts'
import { describePod } from './pod.ts'
import { describeService } from './service.ts'
import { describeDeployment, describeReplicaSet, describeReplicationController } from './workloads.ts'
import { describeDaemonSet, describeJob, describeStatefulSet } from './workloads-builtin.ts'
import { describeEndpoints, describeEndpointSlice } from './endpoints.ts'
import { describeIngress, describeIngressClass } from './ingress.ts'
import { describeNode } from './node.ts'
import { describeConfigMap, describeNamespace, describeSecret } from './misc.ts'
import { describeCustomResource } from './generic.ts'
import type { KubeObject, Stored } from '../../../../engine/api/types.ts'
import type { ConfigMap, Endpoints, Secret } from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'

export type { DescribeContext } from './common.ts'

// Kinds whose describer reads top-level fields (subsets, data…) see the record as their kubernetes-types shape.
export const DESCRIBERS: Record<string, (obj: KubeObject, ctx: DescribeContext) => string> = {
  Pod: describePod,
  Service: describeService,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  ReplicationController: describeReplicationController,
  StatefulSet: describeStatefulSet,
  DaemonSet: describeDaemonSet,
  Job: describeJob,
  Endpoints: (obj, ctx) => describeEndpoints(obj as Stored<Endpoints>, ctx),
  EndpointSlice: (obj, ctx) => describeEndpointSlice(obj as Stored<EndpointSlice>, ctx),
  Ingress: describeIngress,
  IngressClass: describeIngressClass,
  Node: describeNode,
  Namespace: describeNamespace,
  ConfigMap: (obj, ctx) => describeConfigMap(obj as Stored<ConfigMap>, ctx),
  Secret: (obj) => describeSecret(obj as Stored<Secret>),
  // Custom resources: kubectl's generic describer.
  CustomResourceDefinition: describeCustomResource,
  GatewayClass: describeCustomResource,
  Gateway: describeCustomResource,
  HTTPRoute: describeCustomResource,
}
