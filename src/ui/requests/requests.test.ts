import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine/api/types.ts'
import type { Trace } from '../../engine/trace/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { summarize } from './batch.ts'
import { requestCommand, requestSources, requestTargets } from './targets.ts'

const obj = (kind: string, name: string, namespace: string | undefined, extra: Record<string, unknown> = {}) =>
  ({ apiVersion: 'v1', kind, metadata: { name, namespace, labels: {} }, ...extra }) as unknown as KubeObject

const snapshot: ClusterSnapshot = { version: 1, time: 0, seed: 1, profile: { type: 'kind', name: 'kind', kubernetesVersion: 'v1.32.2', podCIDR: '', serviceCIDR: '', loadBalancerProvider: false }, objects: [
  obj('Node', 'kind-worker', undefined, { status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }] } }),
  obj('Pod', 'client', 'default', { spec: {}, status: { phase: 'Running' } }),
  obj('Pod', 'coredns-x', 'kube-system', { spec: {}, status: { phase: 'Running' } }),
  obj('Service', 'kubernetes', 'default', { spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ port: 443 }] } }),
  obj('Service', 'kubia', 'default', { spec: { type: 'NodePort', clusterIP: '10.96.1.1', ports: [{ port: 80, nodePort: 30123 }] } }),
  obj('Ingress', 'ing', 'default', { spec: { rules: [{ host: 'kubia.example.com', http: { paths: [{ path: '/' }] } }] }, status: { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } } }),
] }

describe('send request: sources, targets, commands', () => {
  it('offers the host and running pods outside kube-system', () => {
    expect(requestSources(snapshot).map((s) => s.id)).toEqual(['host', 'pod/default/client'])
  })
  it('offers node ports, cluster IPs, DNS names and Ingress hosts from the objects', () => {
    const targets = requestTargets(snapshot)
    expect(targets.map((t) => t.url)).toEqual(['http://172.18.0.3:30123/', 'http://10.96.1.1/', 'http://kubia/', 'http://172.18.0.3/'])
    expect(targets.find((t) => t.id.startsWith('np:'))).toMatchObject({ inClusterOnly: false, share: { ip: '172.18.0.3', port: 30123 }, service: 'default/kubia' })
    expect(targets.find((t) => t.id.startsWith('dns:'))).toMatchObject({ inClusterOnly: true, share: { ip: '10.96.1.1', port: 80 } })
    expect(targets.at(-1)!.args).toEqual(['-H', "'Host: kubia.example.com'"])
  })
  it('builds the command a person would type', () => {
    const t = { url: 'http://kubia/', args: [] }
    expect(requestCommand('host', t, 'curl', 1)).toBe('curl -s -m 5 http://kubia/')
    expect(requestCommand('pod/default/client', t, 'curl', 10)).toBe('for i in $(seq 1 10); do kubectl exec client -- curl -s -m 5 http://kubia/; done')
    expect(requestCommand('pod/web/c', t, 'keep-alive', 3)).toBe('kubectl exec c -n web -- curl -s -m 5 http://kubia/ http://kubia/ http://kubia/')
  })
})

const trace = (servedBy: string | null, outcome: Trace['outcome'], ip: string | null): Trace =>
  ({ from: 'host', to: 'http://x/', outcome, servedBy, clientIPSeenByServer: ip, hops: [{ at: 'host', component: 'client', action: 'connect', src: '1.1.1.1:1', dst: '2.2.2.2:80', srcAfter: '', dstAfter: '', rule: null, note: '' }] })

describe('batch histogram', () => {
  it('counts served requests per pod and node next to the expected share, and the client IPs seen', () => {
    const traces = [trace('pod/a', 'delivered', '10.244.1.1'), trace('pod/a', 'delivered', '10.244.1.1'), trace('pod/b', 'delivered', '172.18.0.3'), trace(null, 'timeout', null)]
    const s = summarize(traces, (p) => (p === 'pod/a' ? 'w1' : 'w2'), {
      endpoints: [{ endpoint: '10.244.1.2:8080', pod: 'pod/a', node: 'w1', share: 0.5 }, { endpoint: '10.244.2.2:8080', pod: 'pod/b', node: 'w2', share: 0.25 }, { endpoint: '10.244.2.3:8080', pod: 'pod/c', node: 'w2', share: 0.25 }],
      dropped: 0, entries: [], chains: [] })
    expect(s.total).toBe(4)
    expect(s.byPod.map((b) => [b.label, b.count, b.expected])).toEqual([['a', 2, 0.5], ['b', 1, 0.25], ['c', 0, 0.25]])
    expect(s.byNode.map((b) => [b.key, b.count, b.expected])).toEqual([['w1', 2, 0.5], ['w2', 1, 0.5]])
    expect(s.failed).toEqual([{ outcome: 'timeout', count: 1 }])
    expect(s.clientIPs).toEqual([{ ip: '10.244.1.1', count: 2 }, { ip: '172.18.0.3', count: 1 }])
  })
})
