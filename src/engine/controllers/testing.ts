// Test helpers for controllers: a default kind cluster (1 control plane, 2 workers) run through the real API
// server and admission, plus a check that a controller's second sync of a key writes nothing.
import { Cluster } from '../cluster/cluster.ts'
import { defaultKindProfile } from '../cluster/kind-config.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import type { SyncResult } from './controller.ts'
import { isStarting } from './pod-util.ts'

/** A fresh default kind cluster on the given seed, already bootstrapped. */
export function testCluster(seed = 1): Cluster {
  return new Cluster(defaultKindProfile(), seed)
}

/** Creates objects through the API server (admission included) and converges the controllers. */
export function apply(cluster: Cluster, ...objects: KubeObject[]): void {
  for (const obj of objects) cluster.api.create(obj)
  const report = cluster.converge()
  if (report.livelock) throw new Error(report.livelock)
  settle(cluster)
}

/** Lets the kubelets pull images and start containers (as `kubectl wait` would): a second at a time, at most three minutes. */
export function settle(cluster: Cluster): void {
  const starting = () => cluster.store.list('Pod').some(isStarting)
  for (let i = 0; i < 180 && starting(); i++) cluster.advance(1)
}

/** Runs one controller's sync for `key` against the cluster as it is, without applying anything. */
export function syncOnce(cluster: Cluster, controller: string, key: ObjectKey): SyncResult {
  const c = (cluster.manager as unknown as { controllers: { name: string; sync: (k: ObjectKey, ctx: unknown) => SyncResult }[] }).controllers.find((x) => x.name === controller)
  if (!c) throw new Error(`no controller ${controller}`)
  return c.sync(key, { store: cluster.store, now: cluster.clock.now(), rng: cluster.rng.fork(`test-${controller}`), runtime: cluster.runtime, config: cluster.config })
}

/** Every key of every controller, synced once more after convergence, must produce no writes. */
export function assertIdle(cluster: Cluster): void {
  const controllers = (cluster.manager as unknown as { controllers: { name: string }[] }).controllers
  const kinds = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'Pod', 'Service', 'Endpoints', 'Namespace']
  for (const c of controllers) {
    for (const kind of kinds) {
      for (const obj of cluster.store.list(kind)) {
        const key = `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`
        const result = syncOnce(cluster, c.name, key)
        if (result.writes.length) throw new Error(`${c.name} wrote on a second sync of ${key}: ${JSON.stringify(result.writes).slice(0, 400)}`)
      }
    }
  }
}

export function pods(cluster: Cluster, namespace = 'default'): KubeObject[] {
  return cluster.store.list('Pod', namespace)
}

/** Pods not marked for deletion (a scale-down's victims stay Terminating for their grace period). */
export function activePods(cluster: Cluster, namespace = 'default'): KubeObject[] {
  return pods(cluster, namespace).filter((p) => !p.metadata.deletionTimestamp)
}

export function events(cluster: Cluster, namespace = 'default'): { reason: string; message: string; object: string; count: number }[] {
  return cluster.store.list('Event', namespace).map((e: any) => ({ reason: e.reason, message: e.message, object: `${e.involvedObject.kind}/${e.involvedObject.name}`, count: e.count }))
}

export function deployment(name: string, replicas: number, image = 'luksa/kubia', extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ports: [{ containerPort: 8080 }] }] } }, ...extra },
  }
}

export function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec }
}

export function pod(name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec }
}

/** `store.get` typed loosely for assertions on kind-specific fields. */
export function getObj(cluster: Cluster, kind: string, namespace: string | undefined, name: string): any {
  return cluster.store.get(kind, namespace, name)
}

/** `store.list` typed loosely for assertions on kind-specific fields. */
export function listObj(cluster: Cluster, kind: string, namespace?: string): any[] {
  return cluster.store.list(kind, namespace)
}
