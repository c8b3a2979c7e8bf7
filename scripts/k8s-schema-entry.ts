// The kinds kubehop serves, as kubernetes-types declares them: the input of scripts/gen-schemas.ts.
export type { ConfigMap, Endpoints, Namespace, Pod, ReplicationController, Secret, Service } from 'kubernetes-types/core/v1'
export type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
export type { EndpointSlice } from 'kubernetes-types/discovery/v1'
export type { Ingress, IngressClass } from 'kubernetes-types/networking/v1'
