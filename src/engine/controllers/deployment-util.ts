// Deployment helpers: pkg/controller/controller_utils.go (ComputeHash), pkg/controller/deployment/util/
// deployment_util.go (ResolveFenceposts, MaxSurge, MaxUnavailable, NewRSNewReplicas, annotations, conditions,
// GetProportion) and k8s.io/apimachinery/pkg/util/intstr (GetScaledValueFromIntOrPercent).
import type { KubeObject } from '../api/types.ts'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { canonicalEqual, canonicalJson, fnv32a, safeEncodeString } from './hash.ts'
import { rfc3339 } from '../sim/clock.ts'

export const REVISION = 'deployment.kubernetes.io/revision'
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
export const HASH_LABEL = 'pod-template-hash'

/** controller.ComputeHash: FNV-32a of the pod template (plus collisionCount as 8 little-endian bytes), SafeEncoded. */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  // A stored Deployment is frozen: its template's hash is computed once, not at each of its ~6 syncs per change.
  const frozen = template !== null && typeof template === 'object' && Object.isFrozen(template)
  const cached = frozen ? templateHashes.get(template)?.get(collisionCount) : undefined
  if (cached !== undefined) return cached
  const hash = computeTemplateHash(template, collisionCount)
  if (frozen) {
    let byCount = templateHashes.get(template as object)
    if (!byCount) templateHashes.set(template as object, (byCount = new Map()))
    byCount.set(collisionCount, hash)
  }
  return hash
}

const templateHashes = new WeakMap<object, Map<number | undefined, string>>()

function computeTemplateHash(template: unknown, collisionCount?: number): string {
  const extra = collisionCount === undefined ? [] : [collisionCount & 255, (collisionCount >>> 8) & 255, (collisionCount >>> 16) & 255, (collisionCount >>> 24) & 255, 0, 0, 0, 0]
  return safeEncodeString(String(fnv32a(canonicalJson(template), extra)))
}

/** intstr.GetScaledValueFromIntOrPercent. */
function scaledValue(value: number | string | undefined, total: number, roundUp: boolean, fallback: string): number {
  const v = value ?? fallback
  if (typeof v === 'number') return v
  if (v.endsWith('%')) {
    const pct = Number(v.slice(0, -1))
    const exact = (pct * total) / 100
    return roundUp ? Math.ceil(exact) : Math.floor(exact)
  }
  return Number(v) || 0
}

export function replicas(obj: KubeObject | undefined): number {
  return obj?.spec?.replicas ?? (obj?.kind === 'Deployment' ? 1 : 0)
}

export function isRolling(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
}

/** ResolveFenceposts: [maxSurge, maxUnavailable], never both zero. */
export function resolveFenceposts(d: KubeObject): [number, number] {
  const desired = replicas(d)
  const ru = d.spec?.strategy?.rollingUpdate ?? {}
  const surge = scaledValue(ru.maxSurge, desired, true, '25%')
  let unavailable = scaledValue(ru.maxUnavailable, desired, false, '25%')
  if (surge === 0 && unavailable === 0) unavailable = 1
  return [surge, unavailable]
}

export function maxSurge(d: KubeObject): number {
  return isRolling(d) ? resolveFenceposts(d)[0] : 0
}

export function maxUnavailable(d: KubeObject): number {
  if (!isRolling(d) || replicas(d) === 0) return 0
  return Math.min(resolveFenceposts(d)[1], replicas(d))
}

export const sumSpec = (rss: KubeObject[]) => rss.reduce((n, rs) => n + replicas(rs), 0)
export const sumStatus = (rss: KubeObject[], field: string) => rss.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0)

/** NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: KubeObject, all: KubeObject[], newRS: KubeObject): number {
  if (!isRolling(d)) return replicas(d)
  const current = sumSpec(all)
  const maxTotal = replicas(d) + maxSurge(d)
  if (current >= maxTotal) return replicas(newRS)
  const up = Math.min(maxTotal - current, replicas(d) - replicas(newRS))
  return replicas(newRS) + up
}

/** EqualIgnoreHash: templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  // Stored templates are frozen: a Deployment and its ReplicaSet are compared once, not at each of their syncs.
  const frozen = !!a && !!b && Object.isFrozen(a) && Object.isFrozen(b)
  const cached = frozen ? sameTemplate.get(a)?.get(b) : undefined
  if (cached !== undefined) return cached
  const equal = compareIgnoringHash(a, b)
  if (frozen) {
    let byB = sameTemplate.get(a!)
    if (!byB) sameTemplate.set(a!, (byB = new WeakMap()))
    byB.set(b!, equal)
  }
  return equal
}

const sameTemplate = new WeakMap<object, WeakMap<object, boolean>>()

function compareIgnoringHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) }
    delete labels[HASH_LABEL]
    return { ...t, metadata: { ...(t?.metadata ?? {}), labels } }
  }
  return canonicalEqual(strip(a), strip(b))
}

export function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0
}

const NOT_COPIED = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS])

/** SetNewReplicaSetAnnotations on a working copy; returns whether anything changed. */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): boolean {
  const ann: Record<string, string> = { ...(rs.metadata.annotations ?? {}) }
  let changed = false
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) {
    if (NOT_COPIED.has(k) || ann[k] === v) continue
    ann[k] = v
    changed = true
  }
  const old = Number(ann[REVISION] ?? 0) || 0
  if (old < newRevision) {
    if (ann[REVISION]) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${ann[REVISION]}` : ann[REVISION]
    ann[REVISION] = String(newRevision)
    changed = true
  }
  if (!exists) {
    ann[DESIRED_REPLICAS] = String(replicas(d))
    ann[MAX_REPLICAS] = String(replicas(d) + maxSurge(d))
    changed = true
  }
  rs.metadata = { ...rs.metadata, annotations: ann }
  return changed
}

export interface DeploymentCondition { type: string; status: string; lastUpdateTime: string; lastTransitionTime: string; reason: string; message: string }

/** A DeploymentStatus as far as its conditions go. */
interface WithConditions { conditions?: DeploymentCondition[] }

export function getCondition(status: WithConditions | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/** SetDeploymentCondition: no-op for the same status and reason; keeps lastTransitionTime when the status holds. */
export function setCondition(status: WithConditions, type: string, condStatus: string, reason: string, message: string, now: number): void {
  const current = getCondition(status, type)
  if (current && current.status === condStatus && current.reason === reason) return
  const t = rfc3339(now)
  const cond: DeploymentCondition = { lastTransitionTime: current && current.status === condStatus ? current.lastTransitionTime : t, lastUpdateTime: t, message, reason, status: condStatus, type }
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== type), cond]
}

export function removeCondition(status: WithConditions, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type)
}
