// The controllers kubehop runs, in the order kube-controller-manager, the scheduler and the kubelets would react.
import type { Controller } from '../controllers/controller.ts'
import { ServiceLoadBalancerController } from '../cloud/service-lb-controller.ts'
import { IngressStatusController } from '../ingress/ingress-status-controller.ts'
import { GatewayController } from '../gateway/gateway-controller.ts'
import { MetalLBController } from '../metallb/controller.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import { deploymentController } from '../controllers/deployment-controller.ts'
import { replicaSetController } from '../controllers/replicaset-controller.ts'
import { replicationController } from '../controllers/replication-controller.ts'
import { daemonSetController } from '../controllers/daemonset-controller.ts'
import { statefulSetController } from '../controllers/statefulset-controller.ts'
import { jobController } from '../controllers/job-controller.ts'
import { scheduler } from '../controllers/scheduler.ts'
import { kubelet } from '../controllers/kubelet.ts'
import { endpointsController } from '../controllers/endpoints-controller.ts'
import { endpointSliceController } from '../controllers/endpointslice-controller.ts'
import { endpointSliceMirroringController } from '../controllers/endpointslice-mirroring-controller.ts'
import { garbageCollector } from '../controllers/garbage-collector.ts'
import { namespaceController } from '../controllers/namespace-controller.ts'
import { nodeLifecycleController } from '../controllers/node-lifecycle-controller.ts'
import { taintEvictionController } from '../controllers/taint-eviction-controller.ts'

/** Each controller lives in its own file named after the Kubernetes component it mimics. */
export function createControllers(_config: ClusterConfig): Controller[] {
  return [
    namespaceController(),
    garbageCollector(),
    deploymentController(),
    replicaSetController(),
    replicationController(),
    daemonSetController(),
    statefulSetController(),
    jobController(),
    scheduler(),
    kubelet(),
    nodeLifecycleController(),
    taintEvictionController(),
    endpointsController(),
    endpointSliceController(),
    endpointSliceMirroringController(),
    // Not kube-controller-manager's: the cloud provider's service controller and ingress-nginx's status updater.
    new ServiceLoadBalancerController(),
    // MetalLB's controller, once its manifest is applied (its pod running).
    new MetalLBController(),
    new IngressStatusController(),
    new GatewayController(),
  ]
}
