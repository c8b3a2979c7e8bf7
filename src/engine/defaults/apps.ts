// Workload defaults: Deployment and ReplicaSet (apps/v1) and ReplicationController (core/v1).
// Upstream: pkg/apis/apps/v1/defaults.go SetDefaults_Deployment / SetDefaults_ReplicaSet and
// pkg/apis/core/v1/defaults.go SetDefaults_ReplicationController (Kubernetes v1.32).
import { defaultPodTemplate } from './pod.ts'
import type { KubeObject } from '../api/types.ts'

function specOf(obj: KubeObject): NonNullable<KubeObject['spec']> {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {}
  return obj.spec
}

/** SetDefaults_Deployment: 1 replica, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function defaultDeployment(d: KubeObject): void {
  const spec = specOf(d)
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  if (!spec.strategy || typeof spec.strategy !== 'object') spec.strategy = {}
  const strategy = spec.strategy
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    if (!strategy.rollingUpdate || typeof strategy.rollingUpdate !== 'object') strategy.rollingUpdate = {}
    if (strategy.rollingUpdate.maxUnavailable === undefined || strategy.rollingUpdate.maxUnavailable === null) strategy.rollingUpdate.maxUnavailable = '25%'
    if (strategy.rollingUpdate.maxSurge === undefined || strategy.rollingUpdate.maxSurge === null) strategy.rollingUpdate.maxSurge = '25%'
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600
  defaultPodTemplate(spec.template)
}

/** SetDefaults_ReplicaSet: 1 replica (apps/v1 does not default the selector). */
export function defaultReplicaSet(rs: KubeObject): void {
  const spec = specOf(rs)
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  defaultPodTemplate(spec.template)
}

/** SetDefaults_DaemonSet: RollingUpdate (maxUnavailable 1, maxSurge 0), revisionHistoryLimit 10. */
export function defaultDaemonSet(ds: KubeObject): void {
  const spec = specOf(ds)
  if (!spec.updateStrategy || typeof spec.updateStrategy !== 'object') spec.updateStrategy = {}
  if (!spec.updateStrategy.type) spec.updateStrategy.type = 'RollingUpdate'
  if (spec.updateStrategy.type === 'RollingUpdate' && !spec.updateStrategy.rollingUpdate) spec.updateStrategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 1 }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10
  defaultPodTemplate(spec.template)
}

/** SetDefaults_StatefulSet: OrderedReady, RollingUpdate with partition 0, 1 replica, revisionHistoryLimit 10, PVCs retained. */
export function defaultStatefulSet(set: KubeObject): void {
  const spec = specOf(set)
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady'
  if (!spec.updateStrategy || typeof spec.updateStrategy !== 'object') spec.updateStrategy = {}
  if (!spec.updateStrategy.type) spec.updateStrategy.type = 'RollingUpdate'
  if (spec.updateStrategy.type === 'RollingUpdate') {
    if (!spec.updateStrategy.rollingUpdate || typeof spec.updateStrategy.rollingUpdate !== 'object') spec.updateStrategy.rollingUpdate = {}
    if (spec.updateStrategy.rollingUpdate.partition === undefined) spec.updateStrategy.rollingUpdate.partition = 0
  }
  if (!spec.persistentVolumeClaimRetentionPolicy) spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Retain', whenScaled: 'Retain' }
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10
  defaultPodTemplate(spec.template)
}

/** SetDefaults_ReplicationController: selector and metadata.labels default to the template's labels; 1 replica. */
export function defaultReplicationController(rc: KubeObject): void {
  const spec = specOf(rc)
  const labels = spec.template?.metadata?.labels
  if (labels && typeof labels === 'object') {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels }
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels }
  }
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  defaultPodTemplate(spec.template)
}
