// Test helper: a kind cluster whose pods, Services and EndpointSlices are written straight into the store,
// so the network walk can be exercised before (or without) the controllers.
import { Cluster } from '../cluster/cluster.ts'
import { defaultKindProfile } from '../cluster/kind-config.ts'
import type { ProfileSpec } from '../cluster/profile.ts'
import type { KubeObject } from '../api/types.ts'

export interface TestPod {
  name: string
  node: string
  ip: string
  image: string
  labels?: Record<string, string>
  ready?: boolean
  ports?: any[]
  hostNetwork?: boolean
  namespace?: string
  spec?: any
}

export function testCluster(profile: ProfileSpec = defaultKindProfile(), seed = 1): Cluster {
  return new Cluster(profile, seed)
}

export function podObject(p: TestPod): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace ?? 'default', labels: p.labels ?? {}, uid: `uid-${p.name}` },
    spec: { nodeName: p.node, hostNetwork: p.hostNetwork, containers: [{ name: 'main', image: p.image, ports: p.ports }], ...(p.spec ?? {}) },
    status: { phase: 'Running', podIP: p.ip, conditions: [{ type: 'Ready', status: p.ready === false ? 'False' : 'True' }] },
  }
}

/** Puts objects in the store directly (no admission, no controllers). */
export function put(cluster: Cluster, ...objects: KubeObject[]): void {
  for (const o of objects) {
    const existing = cluster.store.get(o.kind, o.metadata.namespace, o.metadata.name)
    if (existing) cluster.store.update({ ...o, metadata: { ...existing.metadata, ...o.metadata } })
    else cluster.store.create(o)
  }
}

export function service(name: string, spec: any, status: any = {}, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { type: 'ClusterIP', sessionAffinity: 'None', externalTrafficPolicy: spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? 'Cluster' : undefined, internalTrafficPolicy: 'Cluster', ...spec }, status }
}

export function endpointSlice(svcName: string, pods: TestPod[], ports: { name?: string; port: number; protocol?: string }[], namespace = 'default'): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `${svcName}-abcde`, namespace, labels: { 'kubernetes.io/service-name': svcName } },
    endpoints: pods.map((p) => ({ addresses: [p.ip], conditions: { ready: p.ready !== false, serving: p.ready !== false, terminating: false }, nodeName: p.node, targetRef: { kind: 'Pod', name: p.name, namespace } })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  }
}
