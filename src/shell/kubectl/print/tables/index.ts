// Which table each kind prints with.
import type { TableSpec } from '../table.ts'
import { POD_TABLE } from './pod.ts'
import { SERVICE_TABLE } from './service.ts'
import { ENDPOINTS_TABLE, ENDPOINT_SLICE_TABLE } from './endpoints.ts'
import { DAEMONSET_TABLE, DEPLOYMENT_TABLE, JOB_TABLE, RC_TABLE, REPLICASET_TABLE, STATEFULSET_TABLE } from './workloads.ts'
import { INGRESS_CLASS_TABLE, INGRESS_TABLE } from './ingress.ts'
import { CONFIGMAP_TABLE, NAMESPACE_TABLE, SECRET_TABLE } from './config.ts'
import { NODE_TABLE } from './node.ts'
import { EVENT_TABLE } from './event.ts'
import { ageColumn, nameColumn } from '../table.ts'
import { CRD_TABLE, customResourceTable } from './custom-resource.ts'

const TABLES: Record<string, TableSpec> = {
  Pod: POD_TABLE,
  Service: SERVICE_TABLE,
  Endpoints: ENDPOINTS_TABLE,
  EndpointSlice: ENDPOINT_SLICE_TABLE,
  Deployment: DEPLOYMENT_TABLE,
  ReplicaSet: REPLICASET_TABLE,
  DaemonSet: DAEMONSET_TABLE,
  StatefulSet: STATEFULSET_TABLE,
  Job: JOB_TABLE,
  ReplicationController: RC_TABLE,
  Ingress: INGRESS_TABLE,
  IngressClass: INGRESS_CLASS_TABLE,
  ConfigMap: CONFIGMAP_TABLE,
  Secret: SECRET_TABLE,
  Namespace: NAMESPACE_TABLE,
  Node: NODE_TABLE,
  Event: EVENT_TABLE,
  CustomResourceDefinition: CRD_TABLE,
}

/** Kinds without a printer get the server's default table: NAME and AGE. */
export function tableFor(kind: string): TableSpec {
  return TABLES[kind] ?? customResourceTable(kind) ?? [nameColumn, ageColumn]
}
