// The API server's REST layer: namespace checks, admission (defaults, validation, allocation), then the store.
// Admission is handed in (status.ts's contract): this layer imports nothing above it.
// Messages are the ones kubectl prints after `Error from server (Reason): `.
import type { KubeObject } from './types.ts'
import { objectKey } from './types.ts'
import { kindInfo, groupOf } from './kinds.ts'
import type { ObjectStore } from './store.ts'
import type { Admission, StatusError } from './status.ts'
import { beforeDelete, finishesDeletion, generationOnUpdate, podGracePeriod } from './registry-strategy.ts'
import { rfc3339 } from '../sim/clock.ts'

export class ApiError extends Error {
  constructor(readonly status: StatusError) {
    super(status.message)
  }
}

export interface WriteOptions {
  /** `--dry-run=server`: admit but do not persist (nothing is allocated). */
  dryRun?: boolean
}

export interface DeleteOptions extends WriteOptions {
  /** DeleteOptions.gracePeriodSeconds (`--grace-period`); unset: the object's own (a Pod's terminationGracePeriodSeconds). */
  gracePeriodSeconds?: number
}

export interface WriteResult {
  object: KubeObject
  warnings: string[]
}

/** `pods`, `deployments.apps`, `ingresses.networking.k8s.io`: the resource name the API server uses in messages. */
export function qualifiedResource(kind: string): string {
  const info = kindInfo(kind)
  if (!info) return kind.toLowerCase()
  const group = groupOf(info.apiVersion)
  return group ? `${info.plural}.${group}` : info.plural
}

function notFound(kind: string, name: string): ApiError {
  return new ApiError({ code: 404, reason: 'NotFound', message: `${qualifiedResource(kind)} "${name}" not found` })
}

export class ApiServer {
  /**
   * Pods are deleted gracefully (deletionTimestamp = now + grace, kept until their kubelet deletes them with grace 0),
   * as the Pod strategy's CheckGracefulDelete says (the kubelet's pod-termination.ts finishes them). Tests may turn it off.
   */
  gracefulPodDeletion = true

  constructor(
    private readonly store: ObjectStore,
    private readonly admission: Admission,
  ) {}

  get(kind: string, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(kind, this.scope(kind, namespace), name)
    if (!obj) throw notFound(kind, name)
    return obj
  }

  create(input: KubeObject, opts: WriteOptions = {}): WriteResult {
    const obj = this.withScope(input)
    // A CRD's kind has no REST endpoint until the CRD is installed (what a raw POST gets back).
    const crd = kindInfo(obj.kind)?.crd
    if (crd && !this.store.get('CustomResourceDefinition', undefined, crd)) throw new ApiError({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' })
    this.requireNamespace(obj)
    if (this.store.getByKey(objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name))) {
      throw new ApiError({ code: 409, reason: 'AlreadyExists', message: `${qualifiedResource(obj.kind)} "${obj.metadata.name}" already exists` })
    }
    const result = this.admission.create(obj)
    if (result.error) throw new ApiError(result.error)
    const admitted = result.object!
    if (opts.dryRun) {
      this.admission.release(admitted)
      return { object: admitted, warnings: result.warnings }
    }
    return { object: this.store.create(admitted), warnings: result.warnings }
  }

  update(input: KubeObject, opts: WriteOptions = {}): WriteResult {
    const obj = this.withScope(input)
    const old = this.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (!old) throw notFound(obj.kind, obj.metadata.name)
    const result = this.admission.update(obj, old)
    if (result.error) throw new ApiError(result.error)
    if (opts.dryRun) return { object: result.object!, warnings: result.warnings }
    return { object: this.write(result.object!, old, false), warnings: result.warnings }
  }

  /** Status and controller-owned writes: no validation, as the /status subresource skips spec checks. */
  updateStatus(obj: KubeObject): KubeObject {
    const old = this.store.getByKey(objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name))
    if (!old) throw notFound(obj.kind, obj.metadata.name)
    return this.write(obj, old, true)
  }

  /**
   * Deletes an object, or marks it deleting: a Pod with a grace period (when gracefulPodDeletion is on) or an object
   * with finalizers gets deletionTimestamp and deletionGracePeriodSeconds and stays until the last actor is done.
   * Returns the object as the delete left it.
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const old = this.get(kind, namespace, name)
    if (opts.dryRun) return old
    const grace = kind === 'Pod' && this.gracefulPodDeletion ? podGracePeriod(old, opts.gracePeriodSeconds) : 0
    const outcome = beforeDelete(old, grace, this.store.clock.now(), rfc3339)
    if (outcome.remove) return this.remove(old)
    if (outcome.object === old) return old
    return this.store.update(outcome.object, { generation: outcome.object.metadata.generation })
  }

  /** A write through the store; an object being deleted whose last finalizer this write removed is gone (store.go). */
  private write(obj: KubeObject, old: KubeObject, status: boolean): KubeObject {
    const stored = this.store.update(obj, { generation: generationOnUpdate(old, obj, status) })
    if (old.metadata.deletionTimestamp !== undefined && finishesDeletion(stored)) return this.remove(stored)
    return stored
  }

  private remove(obj: KubeObject): KubeObject {
    this.admission.release(obj)
    this.store.remove(objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name))
    return obj
  }

  private scope(kind: string, namespace: string | undefined): string | undefined {
    return kindInfo(kind)?.namespaced === false ? undefined : (namespace ?? 'default')
  }

  private withScope(obj: KubeObject): KubeObject {
    const namespace = this.scope(obj.kind, obj.metadata.namespace)
    if (namespace === obj.metadata.namespace) return obj
    const metadata = { ...obj.metadata }
    if (namespace === undefined) delete metadata.namespace
    else metadata.namespace = namespace
    return { ...obj, metadata }
  }

  private requireNamespace(obj: KubeObject): void {
    const ns = obj.metadata.namespace
    if (ns !== undefined && !this.store.get('Namespace', undefined, ns)) {
      throw new ApiError({ code: 404, reason: 'NotFound', message: `namespaces "${ns}" not found` })
    }
  }
}
