// The controllers kubehop runs, in the order kube-controller-manager, the scheduler and the kubelets would react.
import type { Controller } from './controller.ts'
import type { ClusterConfig } from '../cluster/cluster.ts'

/** Each controller lives in its own file named after the Kubernetes component it mimics. */
export function createControllers(_config: ClusterConfig): Controller[] {
  return []
}
