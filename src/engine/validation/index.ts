// Per-kind validation entry points: what the registry strategies' Validate / ValidateUpdate call.
// Upstream: pkg/registry/*/strategy.go of each resource (Kubernetes v1.32).
import type { KubeObject } from '../api/types.ts'
import { validateJob } from './batch.ts'
import { validateAppsUpdate, validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './apps.ts'
import { validateConfigMap, validateImmutableDataUpdate, validateNamespace, validateSecret } from './config.ts'
import { validateEndpointSlice, validateEndpoints } from './endpoints.ts'
import { path, type ErrorList } from './field-errors.ts'
import { validateIngress, validateIngressClass } from './ingress.ts'
import { validateGatewayObject } from '../gateway/validate.ts'
import { nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta } from './object-meta.ts'
import { validatePod, validatePodUpdate } from './pod.ts'
import { validateReplicationController } from './replication-controller.ts'
import { validateService, validateServiceUpdate } from './service.ts'

export * from './field-errors.ts'

/** The checks a kind's strategy runs on create. Kinds without their own rules get ObjectMeta checks. */
export function validateCreate(obj: KubeObject, namespaced: boolean): ErrorList {
  switch (obj.kind) {
    case 'Service': return validateService(obj)
    case 'Pod': return validatePod(obj)
    case 'Deployment': return validateDeployment(obj)
    case 'ReplicaSet': return validateReplicaSet(obj)
    case 'DaemonSet': return validateDaemonSet(obj)
    case 'StatefulSet': return validateStatefulSet(obj)
    case 'Job': return validateJob(obj)
    case 'ReplicationController': return validateReplicationController(obj)
    case 'Endpoints': return validateEndpoints(obj)
    case 'EndpointSlice': return validateEndpointSlice(obj)
    case 'Ingress': return validateIngress(obj)
    case 'IngressClass': return validateIngressClass(obj)
    case 'ConfigMap': return validateConfigMap(obj)
    case 'Secret': return validateSecret(obj)
    case 'Namespace': return validateNamespace(obj)
    case 'GatewayClass': case 'Gateway': case 'HTTPRoute': case 'ReferenceGrant':
      return [...validateObjectMeta(obj.metadata, namespaced, nameIsDNSSubdomain, path('metadata')), ...validateGatewayObject(obj)]
    default: return validateObjectMeta(obj.metadata, namespaced, nameIsDNSSubdomain, path('metadata'))
  }
}

/** The checks a kind's strategy runs on update (immutable fields first, then the create checks). */
export function validateUpdate(obj: KubeObject, old: KubeObject, namespaced: boolean): ErrorList {
  switch (obj.kind) {
    case 'Service': return validateServiceUpdate(obj, old)
    case 'Pod': return validatePodUpdate(obj, old)
    case 'Deployment': case 'ReplicaSet': return validateAppsUpdate(obj, old)
    case 'ConfigMap': case 'Secret': return [...validateImmutableDataUpdate(obj, old), ...validateCreate(obj, namespaced)]
    case 'GatewayClass': return [...validateObjectMeta(obj.metadata, namespaced, nameIsDNSSubdomain, path('metadata')), ...validateGatewayObject(obj, old)]
    default: return validateCreate(obj, namespaced)
  }
}
