import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine/api/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { hopTargets } from './hopTarget.ts'

const obj = (kind: string, name: string, namespace: string | undefined, extra: Record<string, unknown> = {}) =>
  ({ apiVersion: 'v1', kind, metadata: { name, namespace, labels: {} }, ...extra }) as unknown as KubeObject

const snapshot: ClusterSnapshot = { version: 1, time: 0, seed: 1, profile: null, objects: [
  obj('Node', 'kind-worker', undefined),
  obj('Pod', 'kubia-a', 'default', { spec: { nodeName: 'kind-worker' } }),
  obj('Pod', 'kube-proxy-x', 'kube-system', { spec: { nodeName: 'kind-worker' } }),
  obj('Pod', 'net', 'default', { spec: { nodeName: 'kind-worker', hostNetwork: true } }),
  obj('Service', 'web', 'default', { spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ip: '172.18.0.5' }] } } }),
] }

describe('hop → topology box', () => {
  const where = hopTargets(snapshot)
  it('maps nodes, drawn pods, the load balancer and the outside world', () => {
    expect(where('node/kind-worker')).toBe('Node//kind-worker')
    expect(where('pod/kubia-a')).toBe('Pod/default/kubia-a')
    expect(where('loadbalancer/172.18.0.5')).toBe('LoadBalancer/default/web')
    for (const at of ['host', 'internet', 'vpc', 'loadbalancer/1.2.3.4', 'pod/gone']) expect(where(at)).toBe('client')
  })
  it('pods the picture leaves out are drawn on their node', () => {
    expect(where('pod/kube-proxy-x')).toBe('Node//kind-worker')
    expect(where('pod/net')).toBe('Node//kind-worker')
  })
})
