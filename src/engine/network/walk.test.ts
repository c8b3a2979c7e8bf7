import { describe, expect, it } from 'vitest'
import { endpointSlice, podObject, put, service, testCluster } from './test-cluster.ts'
import type { TestPod } from './test-cluster.ts'
import { worldFor } from './cluster-world.ts'
import { httpExchange } from './http-exchange.ts'
import type { HttpRequest } from '../apps/http.ts'

const get = (host: string): HttpRequest => ({ method: 'GET', path: '/', scheme: 'http', headers: [['Host', host], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']] })

function kubiaCluster() {
  const cluster = testCluster()
  const pods: TestPod[] = [
    { name: 'kubia-a', node: 'kind-worker', ip: '10.244.1.2', image: 'luksa/kubia', labels: { app: 'kubia' } },
    { name: 'kubia-b', node: 'kind-worker2', ip: '10.244.2.2', image: 'luksa/kubia', labels: { app: 'kubia' } },
  ]
  put(cluster, ...pods.map(podObject),
    service('kubia', { type: 'NodePort', clusterIP: '10.96.100.1', clusterIPs: ['10.96.100.1'], selector: { app: 'kubia' }, ports: [{ name: '', port: 80, targetPort: 8080, nodePort: 30123, protocol: 'TCP' }] }),
    endpointSlice('kubia', pods, [{ port: 8080 }]))
  return cluster
}

describe('network walk', () => {
  it('host → node IP:nodePort is served by a pod that sees the node (SNAT)', () => {
    const cluster = kubiaCluster()
    const world = worldFor(cluster)
    const ex = httpExchange(world, { kind: 'host' }, { ip: '172.18.0.3', port: 30123 }, get('172.18.0.3:30123'), 'http://172.18.0.3:30123/')
    expect(ex.conn.status).toBe('open')
    expect(ex.response?.body).toMatch(/^You've hit kubia-[ab]\n$/)
    expect(['10.244.1.1', '172.18.0.3']).toContain(ex.clientIPSeenByServer)
    expect(ex.trace.hops.length).toBeGreaterThan(4)
    expect(ex.trace.hops.at(-1)?.action).toBe('receive')
  })

  it('host → pod IP times out; host → cluster IP times out', () => {
    const world = worldFor(kubiaCluster())
    expect(httpExchange(world, { kind: 'host' }, { ip: '10.244.1.2', port: 8080 }, get('x'), 'x').conn.status).toBe('timeout')
    expect(httpExchange(world, { kind: 'host' }, { ip: '10.96.100.1', port: 80 }, get('x'), 'x').conn.status).toBe('timeout')
  })

  it('pod → cluster IP works; the wrong port is not the service', () => {
    const cluster = kubiaCluster()
    const world = worldFor(cluster)
    const client = world.view.pods.find((p) => p.name === 'kubia-a')!
    const ok = httpExchange(world, { kind: 'pod', pod: client }, { ip: '10.96.100.1', port: 80 }, get('10.96.100.1'), 'x')
    expect(ok.conn.status).toBe('open')
    expect(ok.clientIPSeenByServer).toBe(ok.servedBy === 'pod/kubia-a' ? '10.244.1.1' : '10.244.1.2')
    const wrong = httpExchange(world, { kind: 'pod', pod: client }, { ip: '10.244.2.2', port: 80 }, get('x'), 'x')
    expect(wrong.conn.status).toBe('refused')
  })

  it('spreads separate connections over both pods', () => {
    const world = worldFor(kubiaCluster())
    const seen = new Set<string>()
    for (let i = 0; i < 20; i++) seen.add(httpExchange(world, { kind: 'host' }, { ip: '172.18.0.2', port: 30123 }, get('x'), 'x').servedBy ?? '')
    expect([...seen].sort()).toEqual(['pod/kubia-a', 'pod/kubia-b'])
  })
})
