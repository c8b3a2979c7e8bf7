// One simulated cluster: the API server and store, the controllers and the nodes' runtime, on a seeded
// random source and a simulated clock. Everything a command does to the cluster goes through here.
import { ObjectStore } from '../api/store.ts'
import { ApiServer } from '../api/api-server.ts'
import type { KubeObject } from '../api/types.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'

import { SimClock } from '../sim/clock.ts'
import { SeededRandom, type Seed } from '../sim/random.ts'
import { NodeRuntime } from '../node/runtime.ts'
import { ControllerManager } from '../controllers/manager.ts'
import type { AdvanceOptions, ConvergenceReport } from '../controllers/manager.ts'
import type { EventRecord, Write } from '../controllers/controller.ts'
import { createControllers } from './controllers.ts'
import { admissionFor, newAllocators } from '../admission/index.ts'
import type { AdmissionContext, Allocators } from '../admission/index.ts'
import type { ProfileSpec } from './profile.ts'
import { cidrHost } from '../net/ip.ts'
import type { ClusterSnapshot } from '../snapshot.ts'
import { dnsObjects, kubernetesService, localPathProvisioner, namespaces, nodeAgentDaemonSets, nodeAgentPods, nodeObject } from './system-objects.ts'
import { EventRecorder } from './event-recorder.ts'
import { apiServerState } from '../node/control-plane.ts'

export class Cluster {
  readonly clock: SimClock
  readonly rng: SeededRandom
  readonly store: ObjectStore
  readonly api: ApiServer
  readonly runtime = new NodeRuntime()
  readonly manager: ControllerManager
  readonly allocators: Allocators
  readonly config: ClusterConfig
  private readonly events: EventRecorder

  constructor(readonly profile: ProfileSpec, readonly seed: Seed, clock?: SimClock) {
    this.clock = clock ?? new SimClock()
    this.rng = new SeededRandom(seed)
    this.store = new ObjectStore(this.rng.fork('uid'), this.clock)
    this.allocators = newAllocators(profile.serviceCIDR, profile.nodePortRange, this.rng.fork('allocators'))
    this.config = { clusterDomain: 'cluster.local', clusterDNS: cidrHost(profile.serviceCIDR, 10), clusterCIDR: profile.clusterCIDR, serviceCIDR: profile.serviceCIDR }
    this.api = new ApiServer(this.store, admissionFor(() => this.admissionContext()))
    this.events = new EventRecorder(this.store, this.clock)
    this.manager = new ControllerManager(createControllers(this.config), this.store, this.clock, this.rng.fork('controllers'),
      this.runtime, (write, controller) => this.applyControllerWrite(write, controller), (record, repeat) => this.events.record(record, repeat), this.config)
    this.manager.halted = () => apiServerState(this.profile, this.runtime) !== 'up'
    this.bootstrap()
  }

  admissionContext(): AdmissionContext {
    return {
      rng: this.rng.fork(`admission-${this.store.version}`),
      allocators: this.allocators,
      serviceCIDR: this.profile.serviceCIDR,
      nodePortRange: this.profile.nodePortRange,
      nowRfc3339: this.clock.nowRfc3339(),
      get: (kind, ns, name) => this.store.get(kind, ns, name),
      list: (kind) => this.store.list(kind),
    }
  }

  /** Runs the controllers until nothing changes (each command ends with this). */
  converge(): ConvergenceReport {
    return this.manager.runToConvergence()
  }

  /** `sleep N`: time passes; probes run, delayed work happens. */
  advance(seconds: number, options?: AdvanceOptions): ConvergenceReport {
    return this.manager.advance(seconds, options)
  }

  /** Moves the clock to `t` (seconds since the epoch), event by event (see ControllerManager.advanceTo). */
  advanceTo(t: number, options?: AdvanceOptions): ConvergenceReport {
    return this.manager.advanceTo(t, options)
  }

  /** The earliest moment anything can change in this cluster; undefined when it is steady for good. */
  nextEventAt(): number | undefined {
    return this.manager.nextEventAt()
  }

  recordEvent(record: EventRecord): void {
    this.events.record(record)
  }

  snapshot(): ClusterSnapshot {
    return { ...this.snapshotHeader(), objects: this.store.all() }
  }

  /** A snapshot without its objects (what accompanies the changed objects when only those are sent). */
  snapshotHeader(): Omit<ClusterSnapshot, 'objects'> {
    return {
      version: this.store.version,
      time: this.clock.now(),
      seed: this.seed,
      profile: {
        type: this.profile.type, name: this.profile.name, kubernetesVersion: this.profile.kubernetesVersion,
        podCIDR: this.profile.clusterCIDR, serviceCIDR: this.profile.serviceCIDR, loadBalancerProvider: this.profile.loadBalancerProvider,
      },
    }
  }

  private applyControllerWrite(write: Write, controller: string): void {
    try {
      if (write.op === 'create') this.api.create(write.object)
      else if (write.op === 'update') this.api.updateStatus(write.object)
      else {
        const target = this.store.getByKey(write.key)
        if (target) this.api.delete(target.kind, target.metadata.namespace, target.metadata.name, { gracePeriodSeconds: write.gracePeriodSeconds })
      }
    } catch (err) {
      // A rejected create is reported on the owner as the replica controllers do (`FailedCreate`, `Error creating: ...`);
      // other rejected writes become a Warning on the object itself.
      const owner = write.op === 'create' ? write.object.metadata.ownerReferences?.find((r) => r.controller) : undefined
      const ownerObject = owner ? this.store.list(owner.kind, write.op === 'create' ? write.object.metadata.namespace : undefined).find((o) => o.metadata.uid === owner.uid) : undefined
      if (ownerObject) {
        this.recordEvent({ involved: ownerObject, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${(err as Error).message}`, source: controller })
        return
      }
      const object = write.op === 'delete' ? this.store.getByKey(write.key) : write.object
      if (object) this.recordEvent({ involved: object, type: 'Warning', reason: 'FailedWrite', message: (err as Error).message, source: controller })
    }
  }

  private bootstrap(): void {
    const create = (obj: KubeObject) => this.api.create(obj)
    namespaces(this.profile).forEach(create)
    // Control-plane nodes register first; the DNS add-on lands there before any worker joins, as on a real kind cluster.
    const controlPlanes = this.profile.nodes.filter((n) => n.role === 'control-plane')
    const workers = this.profile.nodes.filter((n) => n.role !== 'control-plane')
    const first = controlPlanes.length ? controlPlanes : workers.slice(0, 1)
    first.forEach((n) => create(nodeObject(this.profile, n)))
    kubernetesService(this.profile).forEach(create)
    dnsObjects(this.profile).forEach(create)
    if (this.profile.type === 'kind') create(localPathProvisioner())
    const nodeUid = (name: string) => this.store.get('Node', undefined, name)?.metadata.uid ?? ''
    const agents = (nodes: typeof first) => nodeAgentPods(this.profile, this.rng.fork('agents'), nodeUid).filter((p) => nodes.some((n) => n.name === p.spec.nodeName))
    nodeAgentDaemonSets(nodeAgentPods(this.profile, this.rng.fork('agents'), nodeUid)).forEach(create)
    agents(first).forEach(create)
    this.converge()
    const rest = this.profile.nodes.filter((n) => !first.includes(n))
    rest.forEach((n) => create(nodeObject(this.profile, n)))
    agents(rest).forEach(create)
    this.converge()
    // Bootstrap time is not the user's: the cluster is a few minutes old when the first command runs.
    this.advance(120)
    this.manager.log.length = 0
  }
}
