// The API server's REST layer: namespace checks, admission (defaults, validation, allocation), then the store.
// Messages are the ones kubectl prints after `Error from server (Reason): `.
import type { KubeObject } from './types.ts'
import { objectKey } from './types.ts'
import { kindInfo, groupOf } from './kinds.ts'
import type { ObjectStore } from './store.ts'
import type { AdmissionContext, StatusError } from '../admission/index.ts'
import { admitCreate, admitUpdate, releaseOnDelete } from '../admission/index.ts'
import { markedForDeletion, podGracePeriod } from './graceful-delete.ts'

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
  /** DeleteOptions.gracePeriodSeconds; unset: the object's own (a pod's terminationGracePeriodSeconds). */
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
  constructor(
    private readonly store: ObjectStore,
    private readonly admission: () => AdmissionContext,
    private readonly now: () => number = () => 0,
  ) {}

  get(kind: string, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(kind, this.scope(kind, namespace), name)
    if (!obj) throw notFound(kind, name)
    return obj
  }

  create(input: KubeObject, opts: WriteOptions = {}): WriteResult {
    const obj = this.withScope(input)
    this.requireNamespace(obj)
    if (this.store.getByKey(objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name))) {
      throw new ApiError({ code: 409, reason: 'AlreadyExists', message: `${qualifiedResource(obj.kind)} "${obj.metadata.name}" already exists` })
    }
    const ctx = this.admission()
    const result = admitCreate(obj, ctx)
    if (result.error) throw new ApiError(result.error)
    const admitted = result.object!
    if (opts.dryRun) {
      releaseOnDelete(admitted, ctx)
      return { object: admitted, warnings: result.warnings }
    }
    return { object: this.store.create(admitted), warnings: result.warnings }
  }

  update(input: KubeObject, opts: WriteOptions = {}): WriteResult {
    const obj = this.withScope(input)
    const old = this.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (!old) throw notFound(obj.kind, obj.metadata.name)
    const result = admitUpdate(obj, old, this.admission())
    if (result.error) throw new ApiError(result.error)
    if (opts.dryRun) return { object: result.object!, warnings: result.warnings }
    return { object: this.store.update(result.object!), warnings: result.warnings }
  }

  /** Status and controller-owned writes: no validation, as the /status subresource skips spec checks. */
  updateStatus(obj: KubeObject): KubeObject {
    if (!this.store.getByKey(objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name))) throw notFound(obj.kind, obj.metadata.name)
    return this.store.update(obj)
  }

  /** Removes the object, or for a pod on a node marks it for graceful deletion (returned as marked). */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const old = this.get(kind, namespace, name)
    const period = old.kind === 'Pod' ? podGracePeriod(old, opts.gracePeriodSeconds) : 0
    if (period > 0) {
      const marked = markedForDeletion(old, period, this.now())
      if (!marked || opts.dryRun) return marked ?? old
      return this.store.update(marked)
    }
    if (opts.dryRun) return old
    releaseOnDelete(old, this.admission())
    this.store.remove(objectKey(old.kind, old.metadata.namespace, old.metadata.name))
    return old
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
