// The controllers kubehop runs, in the order kube-controller-manager, the scheduler and the kubelets would react.
import type { Controller } from './controller.ts'
import { ServiceLoadBalancerController } from '../cloud/service-lb-controller.ts'
import { IngressStatusController } from '../ingress/ingress-status-controller.ts'
import type { ClusterConfig } from '../cluster/cluster.ts'
import { deploymentController } from './deployment-controller.ts'
import { replicaSetController } from './replicaset-controller.ts'
import { replicationController } from './replication-controller.ts'
import { scheduler } from './scheduler.ts'
import { kubelet } from './kubelet.ts'
import { endpointsController } from './endpoints-controller.ts'
import { endpointSliceController } from './endpointslice-controller.ts'
import { endpointSliceMirroringController } from './endpointslice-mirroring-controller.ts'
import { garbageCollector } from './garbage-collector.ts'
import { namespaceController } from './namespace-controller.ts'
import { nodeLifecycleController } from './node-lifecycle-controller.ts'
import { taintEvictionController } from './taint-eviction-controller.ts'

/** Each controller lives in its own file named after the Kubernetes component it mimics. */
export function createControllers(_config: ClusterConfig): Controller[] {
  return [
    namespaceController(),
    garbageCollector(),
    deploymentController(),
    replicaSetController(),
    replicationController(),
    scheduler(),
    kubelet(),
    nodeLifecycleController(),
    taintEvictionController(),
    endpointsController(),
    endpointSliceController(),
    endpointSliceMirroringController(),
    // Not kube-controller-manager's: the cloud provider's service controller and ingress-nginx's status updater.
    new ServiceLoadBalancerController(),
    new IngressStatusController(),
  ]
}
