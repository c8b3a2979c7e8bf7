// The shape every controller shares: pure sync functions that read the store and return the writes they want,
// like kube-controller-manager's `syncHandler(key)` (pkg/controller/*), without touching anything themselves.
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { NodeRuntime } from '../node/runtime.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'

/** A Kubernetes Event to record (`kubectl describe` shows them; `kubectl get events` lists them). */
export interface EventRecord {
  involved: KubeObject
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  /** Reporting component, e.g. `default-scheduler`, `replicaset-controller`, `kubelet`. */
  source: string
  /** For kubelet events: the node that reported. */
  host?: string
}

export type Write =
  /** Goes through the API server's admission (defaults, validation, allocation), as a controller's POST does. */
  | { op: 'create'; object: KubeObject }
  /** A status or spec update; written as given (controllers own these fields). */
  | { op: 'update'; object: KubeObject }
  /** A DELETE; a pod on a node is deleted gracefully unless `gracePeriodSeconds` is 0 (the kubelet's final delete). */
  | { op: 'delete'; key: ObjectKey; gracePeriodSeconds?: number }

export interface SyncResult {
  writes: Write[]
  events?: EventRecord[]
  /** Seconds after which the same key should be synced again (probes, delays), like workqueue.AddAfter. */
  requeueAfter?: number
  /**
   * The requeue is steady: as long as no object other than an Event changes, syncing this key again would write
   * nothing and only repeat this sync's Events. The manager may then skip its firings (see manager.ts).
   */
  steady?: boolean
}

/** What skipping a steady timer's firings amounts to: its next firing, and the Events the skipped ones repeat. */
export interface FastForward {
  next: number | undefined
  repeats: { record: EventRecord; times: number; lastAt: number }[]
}

export interface ControllerContext {
  store: ReadonlyStore
  /** Simulated seconds since the epoch. */
  now: number
  /** This controller's own random stream (forked from the cluster seed by controller name). */
  rng: SeededRandom
  /** Node-local state that is not in the API: container files, probe workers, pod IP leases. */
  runtime: NodeRuntime
  /** Cluster-wide settings (cluster domain, DNS service IP, pod and service ranges). */
  config: ClusterConfig
  /** Changes with every write to an object other than an Event (lets a controller tell the manager it is steady). */
  epoch?: number
}

export interface Controller {
  /** The component name as Kubernetes reports it in events (e.g. `deployment-controller`, `default-scheduler`). */
  readonly name: string
  /** Maps a store change to the keys this controller must sync (its event handlers). Events added or updated are not passed. */
  keysFor(change: Change, store: ReadonlyStore): readonly ObjectKey[]
  /**
   * The kinds whose changes keysFor looks at (its informers' kinds); the manager hands it no other change. Undefined:
   * every kind (the garbage collector and the namespace controller react to any deletion).
   */
  readonly watches?: readonly string[]
  /** Kinds whose changes this controller's own writes made are not handed back to it (the EndpointSlice tracker's ShouldSync). */
  readonly ignoresOwnWrites?: readonly string[]
  /** Brings the world one step closer to the desired state for one key. Must be idempotent. */
  sync(key: ObjectKey, ctx: ControllerContext): SyncResult
  /**
   * Skips the firings of this key's steady timer that fall before `until` (or at it, when `inclusive`), moving the
   * controller's own bookkeeping as if each had run. Without it the manager repeats the sync's Events each period.
   * Returns undefined when it cannot (the timer then fires normally).
   */
  fastForward?(key: ObjectKey, ctx: ControllerContext, until: number, inclusive: boolean): FastForward | undefined
}

export const NO_CHANGES: SyncResult = Object.freeze({ writes: [] }) as SyncResult
