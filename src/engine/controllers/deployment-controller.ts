// kube-controller-manager's Deployment controller: pkg/controller/deployment/deployment_controller.go
// (syncDeployment), sync.go (getNewReplicaSet, scale, scaleReplicaSet, cleanupDeployment, syncRolloutStatus,
// calculateStatus), rolling.go (reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas,
// scaleDownOldReplicaSetsForRollingUpdate) and recreate.go.
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { controllerOf, keyOf, objectKey } from '../api/types.ts'
import { fromLabelSelector, matches } from '../api/labels.ts'
import type { Controller, ControllerContext, EventRecord, SyncResult, Write } from './controller.ts'
import { indexesOf, ownedOrOrphans } from './informer.ts'
import { canonicalEqual } from './hash.ts'
import { jsonClone } from '../api/plain-json.ts'
import { epoch, isPodTerminal } from './pod-util.ts'
import {
  type DeploymentCondition, DESIRED_REPLICAS, HASH_LABEL, MAX_REPLICAS, REVISION, equalIgnoreHash, getCondition, isRolling, maxSurge, maxUnavailable,
  newRSNewReplicas, podTemplateHash, removeCondition, replicas, revisionOf, setCondition, setNewReplicaSetAnnotations, sumSpec, sumStatus,
} from './deployment-util.ts'
import { rfc3339 } from '../sim/clock.ts'

const byCreation = (a: KubeObject, b: KubeObject) => epoch(a.metadata.creationTimestamp) - epoch(b.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : 1)

/** One sync's working state: the Deployment and its ReplicaSets as they will be after this sync's writes. */
class Work {
  readonly rs = new Map<string, KubeObject>()
  readonly created = new Set<string>()
  readonly changed = new Set<string>()
  readonly events: EventRecord[] = []
  d: KubeObject
  requeueAfter: number | undefined
  constructor(readonly original: KubeObject, readonly ctx: ControllerContext) {
    // The sync replaces metadata.annotations and status fields, never edits spec: copy only what it writes.
    this.d = { ...original, metadata: { ...original.metadata } }
    this.d.status = original.status ? { ...original.status } : {}
  }

  put(rs: KubeObject, created = false): KubeObject {
    this.rs.set(rs.metadata.name, rs)
    if (created) this.created.add(rs.metadata.name)
    else this.changed.add(rs.metadata.name)
    return rs
  }

  event(reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
    this.events.push({ involved: this.original, type, reason, message, source: 'deployment-controller' })
  }

  writes(): Write[] {
    const out: Write[] = []
    for (const name of this.created) out.push({ op: 'create', object: this.rs.get(name)! })
    for (const name of this.changed) if (!this.created.has(name)) out.push({ op: 'update', object: this.rs.get(name)! })
    if (!canonicalEqual(this.d, this.original)) out.push({ op: 'update', object: this.d })
    return out
  }
}

/** A ReplicaSet to edit: the sync sets spec.replicas/minReadySeconds and replaces metadata fields, nothing deeper. */
function copy(rs: KubeObject): KubeObject {
  return { ...rs, metadata: { ...rs.metadata }, spec: { ...rs.spec } }
}

/** scaleReplicaSet: new size and replica annotations; the ScalingReplicaSet event on a size change. */
function scaleReplicaSet(w: Work, rs: KubeObject, newScale: number): KubeObject {
  const d = w.d
  const desired = String(replicas(d)), max = String(replicas(d) + maxSurge(d))
  const sizeChange = replicas(rs) !== newScale
  const annChange = rs.metadata.annotations?.[DESIRED_REPLICAS] !== desired || rs.metadata.annotations?.[MAX_REPLICAS] !== max
  if (!sizeChange && !annChange) return rs
  const old = replicas(rs)
  const next = copy(rs)
  next.spec.replicas = newScale
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max }
  w.put(next, w.created.has(rs.metadata.name))
  if (sizeChange) w.event('ScalingReplicaSet', `Scaled ${old < newScale ? 'up' : 'down'} replica set ${rs.metadata.name} from ${old} to ${newScale}`)
  return next
}

/** getAllReplicaSetsAndSyncRevision / getNewReplicaSet. */
function newAndOld(w: Work, create: boolean): { newRS: KubeObject | undefined; oldRSs: KubeObject[] } {
  const d = w.d
  const all = [...w.rs.values()].sort(byCreation)
  let newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
  const oldRSs = all.filter((rs) => rs !== newRS)
  const newRevision = Math.max(0, ...oldRSs.map(revisionOf)) + 1
  const hasDeadline = d.spec?.progressDeadlineSeconds !== 2147483647
  if (newRS) {
    const rsCopy = copy(newRS)
    const annChanged = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true)
    const minReady = d.spec?.minReadySeconds ?? 0
    if (annChanged || (rsCopy.spec.minReadySeconds ?? 0) !== minReady) {
      rsCopy.spec.minReadySeconds = minReady
      newRS = w.put(rsCopy, w.created.has(rsCopy.metadata.name))
    }
    setRevision(d, newRS.metadata.annotations?.[REVISION])
    if (hasDeadline && !getCondition(d.status, 'Progressing')) {
      setCondition(d.status, 'Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, w.ctx.now)
    }
    return { newRS, oldRSs }
  }
  if (!create) return { newRS: undefined, oldRSs }
  const collision = d.status?.collisionCount
  const hash = podTemplateHash(d.spec.template, collision)
  const name = `${d.metadata.name}-${hash}`
  const existing = w.ctx.store.get('ReplicaSet', d.metadata.namespace, name)
  if (existing) {
    // A hash collision (a ReplicaSet of that name with another template): bump collisionCount and retry.
    d.status.collisionCount = (collision ?? 0) + 1
    w.requeueAfter = 0.001
    return { newRS: undefined, oldRSs }
  }
  const template = jsonClone(d.spec.template)
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } }
  const selector = jsonClone(d.spec.selector)
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash }
  const rs: KubeObject = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  }
  const count = newRSNewReplicas(d, [...oldRSs, rs], rs)
  rs.spec.replicas = count
  setNewReplicaSetAnnotations(d, rs, newRevision, false)
  w.put(rs, true)
  if (count > 0) w.event('ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${count}`)
  setRevision(d, String(newRevision))
  if (hasDeadline) setCondition(d.status, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, w.ctx.now)
  return { newRS: rs, oldRSs }
}

function setRevision(d: KubeObject, revision: string | undefined): void {
  if (!revision || d.metadata.annotations?.[REVISION] === revision) return
  d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: revision }
}

const active = (rss: KubeObject[]) => rss.filter((rs) => replicas(rs) > 0)

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
function isScalingEvent(w: Work): boolean {
  const { newRS, oldRSs } = newAndOld(w, false)
  return active([...oldRSs, ...(newRS ? [newRS] : [])]).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS]
    return desired !== undefined && Number(desired) !== replicas(w.d)
  })
}

/** scale: a lone active ReplicaSet takes the new size; during a rollout the change is shared proportionally. */
function scale(w: Work, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const d = w.d
  const newestFirst = [...oldRSs].sort(byCreation).reverse()
  const actives = active([...newestFirst, ...(newRS ? [newRS] : [])])
  const activeOrLatest = actives.length === 1 ? actives[0] : actives.length === 0 ? (newRS ?? newestFirst[0]) : undefined
  if (activeOrLatest) {
    if (replicas(activeOrLatest) !== replicas(d)) scaleReplicaSet(w, activeOrLatest, replicas(d))
    return
  }
  if (newRS && Number(newRS.metadata.annotations?.[DESIRED_REPLICAS]) === replicas(d) && (newRS.status?.availableReplicas ?? 0) === replicas(d) && replicas(newRS) === replicas(d)) {
    for (const rs of active(oldRSs)) scaleReplicaSet(w, rs, 0)
    return
  }
  if (!isRolling(d)) return
  const all = active([...oldRSs, ...(newRS ? [newRS] : [])])
  const allowed = replicas(d) > 0 ? replicas(d) + maxSurge(d) : 0
  const toAdd = allowed - sumSpec(all)
  const ordered = [...all].sort((a, b) => replicas(b) - replicas(a) || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b)))
  const sizes = new Map<string, number>()
  let added = 0
  for (const rs of ordered) {
    let proportion = 0
    if (toAdd !== 0 && replicas(rs) !== 0 && toAdd !== added) {
      const fraction = replicaSetFraction(rs, d)
      const left = toAdd - added
      proportion = toAdd > 0 ? Math.min(fraction, left) : Math.max(fraction, left)
    }
    sizes.set(rs.metadata.name, replicas(rs) + proportion)
    added += proportion
  }
  if (toAdd !== 0 && ordered.length) {
    const first = ordered[0].metadata.name
    sizes.set(first, Math.max(0, sizes.get(first)! + toAdd - added))
  }
  for (const rs of ordered) scaleReplicaSet(w, rs, sizes.get(rs.metadata.name)!)
}

function replicaSetFraction(rs: KubeObject, d: KubeObject): number {
  if (replicas(d) === 0) return -replicas(rs)
  const maxNow = replicas(d) + maxSurge(d)
  let before = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? 0)
  if (!before) {
    before = d.status?.replicas ?? 0
    if (!before) return 0
  }
  const exact = (replicas(rs) * maxNow) / before
  return Math.sign(exact) * Math.round(Math.abs(exact)) - replicas(rs)
}

/** The DeploymentStatus calculateStatus builds: every count present until tidy drops the zeros. */
interface WorkingStatus {
  observedGeneration?: number
  replicas: number
  updatedReplicas: number
  readyReplicas: number
  availableReplicas: number
  unavailableReplicas: number
  conditions: DeploymentCondition[]
  collisionCount?: number
}

/** calculateStatus (with the Available condition). */
function calculateStatus(w: Work, all: KubeObject[], newRS: KubeObject | undefined): WorkingStatus {
  const d = w.d
  const available = sumStatus(all, 'availableReplicas')
  const total = sumSpec(all)
  const status: WorkingStatus = {
    observedGeneration: d.metadata.generation,
    replicas: sumStatus(all, 'replicas'),
    updatedReplicas: newRS ? newRS.status?.replicas ?? 0 : 0,
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    // A copy of the list only: setCondition/removeCondition replace conditions, never edit the stored (frozen) ones.
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  }
  if (available >= replicas(d) - maxUnavailable(d)) setCondition(status, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', w.ctx.now)
  else setCondition(status, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', w.ctx.now)
  return status
}

/** The API serialises zero counts as absent (omitempty). */
function tidy(status: WorkingStatus): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(status)) {
    if (v === undefined || v === 0 || (Array.isArray(v) && !v.length)) continue
    out[k] = v
  }
  return out
}

const complete = (d: KubeObject, s: WorkingStatus) => (s.updatedReplicas ?? 0) === replicas(d) && (s.replicas ?? 0) === replicas(d) && (s.availableReplicas ?? 0) === replicas(d) && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)

/** syncRolloutStatus: status plus the Progressing condition (progress, completion, deadline). */
function syncRolloutStatus(w: Work, all: KubeObject[], newRS: KubeObject | undefined): void {
  const d = w.d
  const status = calculateStatus(w, all, newRS)
  const hasDeadline = d.spec?.progressDeadlineSeconds !== 2147483647
  if (!hasDeadline) removeCondition(status, 'Progressing')
  const cur = getCondition(d.status, 'Progressing')
  const isComplete = status.replicas === status.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable'
  if (hasDeadline && !isComplete) {
    const old = d.status ?? {}
    const progressing = status.updatedReplicas > (old.updatedReplicas ?? 0) || (status.replicas - status.updatedReplicas) < ((old.replicas ?? 0) - (old.updatedReplicas ?? 0)) ||
      status.readyReplicas > (old.readyReplicas ?? 0) || status.availableReplicas > (old.availableReplicas ?? 0)
    if (complete(d, status)) {
      setCondition(status, 'Progressing', 'True', 'NewReplicaSetAvailable', newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`, w.ctx.now)
    } else if (progressing) {
      const t = rfc3339(w.ctx.now)
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`
      const prev = getCondition(status, 'Progressing')
      removeCondition(status, 'Progressing')
      status.conditions.push({ lastTransitionTime: prev?.status === 'True' ? prev.lastTransitionTime : t, lastUpdateTime: t, message: msg, reason: 'ReplicaSetUpdated', status: 'True', type: 'Progressing' })
    } else {
      const p = getCondition(status, 'Progressing')
      if (p && p.reason !== 'ProgressDeadlineExceeded') {
        const deadline = epoch(p.lastUpdateTime) + (d.spec?.progressDeadlineSeconds ?? 600)
        if (deadline < w.ctx.now || Math.abs(deadline - w.ctx.now) < 1e-6) {
          setCondition(status, 'Progressing', 'False', 'ProgressDeadlineExceeded', newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`, w.ctx.now)
        } else w.requeueAfter = Math.min(w.requeueAfter ?? Infinity, deadline - w.ctx.now)
      }
    }
  }
  w.d.status = tidy(status)
}

function cleanup(w: Work, oldRSs: KubeObject[], deletes: Write[]): void {
  const limit = w.d.spec?.revisionHistoryLimit ?? 10
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp && !w.created.has(rs.metadata.name))
  const diff = cleanable.length - limit
  if (diff <= 0) return
  const byRevision = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b))
  for (let i = 0; i < diff; i++) {
    const rs = byRevision[i]
    if ((rs.status?.replicas ?? 0) !== 0 || replicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue
    deletes.push({ op: 'delete', key: keyOf(rs) })
  }
}

function rolling(w: Work, deletes: Write[]): void {
  const d = w.d
  let { newRS, oldRSs } = newAndOld(w, true)
  const allOf = () => [...oldRSs, ...(newRS ? [newRS] : [])]
  // reconcileNewReplicaSet
  if (newRS && replicas(newRS) !== replicas(d)) {
    const target = replicas(newRS) > replicas(d) ? replicas(d) : newRSNewReplicas(d, allOf(), newRS)
    if (target !== replicas(newRS)) {
      newRS = scaleReplicaSet(w, newRS, target)
      return syncRolloutStatus(w, allOf(), newRS)
    }
  }
  // reconcileOldReplicaSets
  const oldCount = sumSpec(oldRSs)
  if (oldCount > 0) {
    const minAvailable = replicas(d) - maxUnavailable(d)
    const newUnavailable = newRS ? replicas(newRS) - (newRS.status?.availableReplicas ?? 0) : 0
    const maxScaledDown = sumSpec(allOf()) - minAvailable - newUnavailable
    if (maxScaledDown > 0) {
      let total = 0
      // cleanupUnhealthyReplicas
      oldRSs = oldRSs.sort(byCreation).map((rs) => {
        if (total >= maxScaledDown || replicas(rs) === 0) return rs
        const unhealthy = replicas(rs) - (rs.status?.availableReplicas ?? 0)
        if (unhealthy <= 0) return rs
        const n = Math.min(maxScaledDown - total, unhealthy)
        total += n
        return scaleReplicaSet(w, rs, replicas(rs) - n)
      })
      // scaleDownOldReplicaSetsForRollingUpdate
      const availableNow = sumStatus(allOf(), 'availableReplicas')
      if (availableNow > minAvailable) {
        const toScale = availableNow - minAvailable
        let scaled = 0
        oldRSs = oldRSs.map((rs) => {
          if (scaled >= toScale || replicas(rs) === 0) return rs
          const n = Math.min(replicas(rs), toScale - scaled)
          scaled += n
          return scaleReplicaSet(w, rs, replicas(rs) - n)
        })
        total += scaled
      }
      if (total > 0) return syncRolloutStatus(w, allOf(), newRS)
    }
  }
  syncRolloutStatus(w, allOf(), newRS)
  if (complete(d, w.d.status)) cleanup(w, oldRSs, deletes)
}

function recreate(w: Work, deletes: Write[]): void {
  let { newRS, oldRSs } = newAndOld(w, false)
  const allOf = () => [...oldRSs, ...(newRS ? [newRS] : [])]
  const actives = active(oldRSs)
  if (actives.length) {
    oldRSs = oldRSs.map((rs) => (replicas(rs) > 0 ? scaleReplicaSet(w, rs, 0) : rs))
    return syncRolloutStatus(w, allOf(), newRS)
  }
  const index = indexesOf(w.ctx.store)
  const oldRunning = sumStatus(oldRSs, 'replicas') > 0 || oldRSs.some((rs) => [...index.ownedBy('Pod', rs.metadata.uid).values()].some((p) => !isPodTerminal(p)))
  if (oldRunning) return syncRolloutStatus(w, allOf(), newRS)
  if (!newRS) ({ newRS, oldRSs } = newAndOld(w, true))
  if (newRS && replicas(newRS) !== replicas(w.d)) newRS = scaleReplicaSet(w, newRS, replicas(w.d))
  syncRolloutStatus(w, allOf(), newRS)
  if (complete(w.d, w.d.status)) cleanup(w, oldRSs, deletes)
}

function syncDeployment(key: ObjectKey, ctx: ControllerContext): SyncResult {
  const original = ctx.store.getByKey(key)
  if (!original || original.kind !== 'Deployment') return { writes: [] }
  const w = new Work(original, ctx)
  const d = w.d
  const selector = fromLabelSelector(d.spec?.selector)
  if (!selector || !selector.length) {
    w.event('SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', 'Warning')
    return { writes: [], events: w.events }
  }
  // ClaimReplicaSets: adopt matching orphans, release owned ones that no longer match.
  const claimWrites: Write[] = []
  for (const rs of ownedOrOrphans(ctx.store, 'ReplicaSet', d.metadata.namespace, d.metadata.uid, 'list')) {
    const ref = controllerOf(rs)
    const matching = matches(selector, rs.metadata.labels)
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue
      if (matching) w.rs.set(rs.metadata.name, rs)
      else {
        const released = copy(rs)
        released.metadata.ownerReferences = rs.metadata.ownerReferences!.filter((r) => r.uid !== d.metadata.uid)
        claimWrites.push({ op: 'update', object: released })
      }
    } else if (matching && !d.metadata.deletionTimestamp) {
      const adopted = copy(rs)
      adopted.metadata.ownerReferences = [...(rs.metadata.ownerReferences ?? []), { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }]
      w.put(adopted)
    }
  }
  const deletes: Write[] = []
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = newAndOld(w, false)
    syncRolloutStatus(w, [...oldRSs, ...(newRS ? [newRS] : [])], newRS)
  } else if (d.spec?.paused || isScalingEvent(w)) {
    const { newRS, oldRSs } = newAndOld(w, false)
    scale(w, newRS, oldRSs)
    const { newRS: n2, oldRSs: o2 } = newAndOld(w, false)
    const status = calculateStatus(w, [...o2, ...(n2 ? [n2] : [])], n2)
    w.d.status = tidy(status)
  } else if (isRolling(d)) rolling(w, deletes)
  else recreate(w, deletes)
  return { writes: [...claimWrites, ...w.writes(), ...deletes], events: w.events, ...(w.requeueAfter !== undefined ? { requeueAfter: w.requeueAfter } : {}) }
}

function keysFor(change: Change, store: ReadonlyStore): ObjectKey[] {
  const obj = change.object
  if (obj.kind === 'Deployment') return [change.key]
  if (obj.kind === 'ReplicaSet') {
    const keys = new Set<ObjectKey>()
    for (const rs of [change.previous, obj]) {
      const ref = rs && controllerOf(rs)
      if (ref?.kind === 'Deployment') keys.add(objectKey('Deployment', rs!.metadata.namespace, ref.name))
    }
    if (!controllerOf(obj) && change.type !== 'deleted') {
      for (const d of store.list('Deployment', obj.metadata.namespace)) {
        const sel = fromLabelSelector(d.spec?.selector)
        if (sel && sel.length && matches(sel, obj.metadata.labels)) keys.add(keyOf(d))
      }
    }
    return [...keys]
  }
  // Recreate waits for old pods to be gone.
  if (obj.kind === 'Pod' && change.type === 'deleted') {
    const ref = controllerOf(obj)
    if (ref?.kind !== 'ReplicaSet') return []
    const rs = store.get('ReplicaSet', obj.metadata.namespace, ref.name)
    const dref = rs && controllerOf(rs)
    return dref?.kind === 'Deployment' ? [objectKey('Deployment', obj.metadata.namespace, dref.name)] : []
  }
  return []
}

/**
 * The Deployment controller: a ReplicaSet `<deploy>-<pod-template-hash>` per template, rolled with maxSurge /
 * maxUnavailable (25%/25%) or Recreate, proportional scaling, revision annotations, ScalingReplicaSet events,
 * status with Available/Progressing conditions, and revisionHistoryLimit cleanup.
 */
export function deploymentController(): Controller {
  return { name: 'deployment-controller', watches: ['Deployment', 'ReplicaSet', 'Pod'], keysFor, sync: syncDeployment }
}

