import { describe, expect, it } from 'vitest'
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { corednsResolve } from './coredns.ts'
import { podResolvConf, renderResolvConf, searchCandidates } from './resolv-conf.ts'

function fakeStore(objects: KubeObject[]): ReadonlyStore {
  return {
    version: 1,
    get: (kind, ns, name) => objects.find((o) => o.kind === kind && (o.metadata.namespace ?? undefined) === (ns ?? undefined) && o.metadata.name === name),
    getByKey: () => undefined,
    list: (kind, ns) => objects.filter((o) => o.kind === kind && (ns === undefined || o.metadata.namespace === ns)),
  }
}

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
const svc = (name: string, spec: any): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec })
const slice = (svcName: string, eps: { ip: string; ready: boolean }[], ports: any[]): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${svcName}-x`, namespace: 'default', labels: { 'kubernetes.io/service-name': svcName } },
  addressType: 'IPv4', endpoints: eps.map((e) => ({ addresses: [e.ip], conditions: { ready: e.ready } })), ports,
})

const store = fakeStore([
  ns('default'),
  svc('kubia', { type: 'ClusterIP', clusterIP: '10.96.12.7', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  svc('kubia-headless', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] }),
  slice('kubia-headless', [{ ip: '10.244.1.2', ready: true }, { ip: '10.244.2.3', ready: true }, { ip: '10.244.2.4', ready: false }], [{ name: 'http', port: 8080, protocol: 'TCP' }]),
  svc('db', { type: 'ExternalName', externalName: 'db.example.com' }),
])
const opts = { clusterDomain: 'cluster.local', now: 1767258000 }

describe('corednsResolve', () => {
  it.each([
    ['kubia.default.svc.cluster.local', 'A', 'NOERROR', ['10.96.12.7']],
    ['kubia-headless.default.svc.cluster.local', 'A', 'NOERROR', ['10.244.1.2', '10.244.2.3']],
    ['db.default.svc.cluster.local', 'A', 'NOERROR', ['db.example.com.']],
    ['nope.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
    ['kubia.default', 'A', 'NXDOMAIN', []],
    ['10-244-1-2.default.pod.cluster.local', 'A', 'NOERROR', ['10.244.1.2']],
    ['_http._tcp.kubia.default.svc.cluster.local', 'SRV', 'NOERROR', ['0 100 80 kubia.default.svc.cluster.local.']],
    ['7.12.96.10.in-addr.arpa', 'PTR', 'NOERROR', ['kubia.default.svc.cluster.local.']],
  ] as const)('%s %s → %s %j', (name, type, rcode, data) => {
    const a = corednsResolve(store, name, type, opts)
    expect(a.rcode).toBe(rcode)
    expect(a.answer.map((r) => r.data)).toEqual(data)
  })
})

describe('resolv.conf', () => {
  const rc = podResolvConf({ metadata: { namespace: 'default' }, spec: {} }, '10.96.0.10', 'cluster.local', { nameservers: ['172.18.0.1'], search: [], ndots: 1 })
  it('is what the kubelet writes for ClusterFirst', () => {
    expect(renderResolvConf(rc)).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
  })
  it('expands short names through the search path first (ndots:5)', () => {
    expect(searchCandidates('kubia', rc)).toEqual(['kubia.default.svc.cluster.local.', 'kubia.svc.cluster.local.', 'kubia.cluster.local.', 'kubia.'])
    expect(searchCandidates('a.b.c.d.e.f', rc)[0]).toBe('a.b.c.d.e.f.')
  })
})
