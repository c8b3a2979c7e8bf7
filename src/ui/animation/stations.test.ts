import { describe, expect, it } from 'vitest'
import type { TraceHop } from '../../engine/trace/types.ts'
import { packetHops } from './schedule.ts'
import { OPEN, openedRect, stationOf, stationPoint, visitAt, visitsOf } from './stations.ts'

const hop = (at: string, component: string, action: string, extra: Partial<TraceHop> = {}): TraceHop =>
  ({ at, component, action, src: '172.18.0.1:37012', dst: '172.18.0.3:30080', srcAfter: '172.18.0.1:37012', dstAfter: '172.18.0.3:30080', rule: null, note: '', ...extra })

const dnat = { src: '172.18.0.1:37012', dst: '10.244.2.2:8080', srcAfter: '172.18.0.1:37012', dstAfter: '10.244.2.2:8080' }
const snatted = { src: '172.18.0.3:37012', dst: '10.244.2.2:8080', srcAfter: '172.18.0.3:37012', dstAfter: '10.244.2.2:8080' }

// The NodePort request of scenario 15 entering kind-worker, whose pod lives on kind-worker2 (rules as the tracer prints them).
const crossNode: TraceHop[] = [
  hop('host', 'client', 'connect'),
  hop('node/kind-worker', 'kube-proxy', 'jump', { rule: '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES' }),
  hop('node/kind-worker', 'kube-proxy', 'jump', { rule: '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS' }),
  hop('node/kind-worker', 'kube-proxy', 'jump', { rule: '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/echo" -m tcp --dport 30080 -j KUBE-EXT-HV6D' }),
  hop('node/kind-worker', 'kube-proxy', 'mark-masq', { rule: '-A KUBE-EXT-HV6D -m comment --comment "masquerade traffic" -j KUBE-MARK-MASQ' }),
  hop('node/kind-worker', 'kube-proxy', 'pick-endpoint', { rule: '-A KUBE-SVC-HV6D -m comment --comment "default/echo -> 10.244.2.2:8080" -j KUBE-SEP-VB6C' }),
  hop('node/kind-worker', 'kube-proxy', 'DNAT', { rule: '-A KUBE-SEP-VB6C -p tcp -m tcp -j DNAT --to-destination 10.244.2.2:8080', dstAfter: '10.244.2.2:8080' }),
  hop('node/kind-worker', 'kube-proxy', 'jump', { ...dnat, rule: '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD' }),
  hop('node/kind-worker', 'kube-proxy', 'accept', { ...dnat, rule: '-A KUBE-FORWARD -m mark --mark 0x4000/0x4000 -j ACCEPT' }),
  hop('node/kind-worker', 'kube-proxy', 'jump', { ...dnat, rule: '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING' }),
  hop('node/kind-worker', 'kube-proxy', 'SNAT', { ...dnat, srcAfter: '172.18.0.3:37012', rule: '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully' }),
  hop('node/kind-worker', 'node', 'route', { ...snatted, rule: '10.244.2.0/24 via 172.18.0.4 dev eth0' }),
  hop('node/kind-worker2', 'node', 'accept', { ...snatted, rule: '-P FORWARD ACCEPT' }),
  hop('node/kind-worker2', 'node', 'deliver', { ...snatted, rule: '10.244.2.2 dev veth688a933b scope host' }),
  hop('pod/echo', 'pod', 'accept', snatted),
  hop('node/kind-worker', 'conntrack', 'un-SNAT', { src: '10.244.2.2:8080', dst: '172.18.0.3:37012', srcAfter: '10.244.2.2:8080', dstAfter: '172.18.0.1:37012' }),
]

const where = (at: string) => (at === 'host' ? 'client' : at.startsWith('node/') ? `Node//${at.slice(5)}` : `Pod/default/${at.slice(4)}`)

describe('stations', () => {
  it('reads each kube-proxy hop as its chain, inside the hook it hangs off', () => {
    const v = visitsOf({ hops: packetHops({ from: 'host', to: '', outcome: 'delivered', servedBy: null, clientIPSeenByServer: null, hops: crossNode }, where, 0) })
    const worker = v[1]
    expect(worker.box).toBe('Node//kind-worker')
    expect(worker.first).toBe(1)
    expect(worker.stations.map((s) => s.label)).toEqual(['PREROUTING', 'KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-HV6D', 'KUBE-SVC-HV6D',
      'KUBE-SEP-VB6C', 'FORWARD', 'KUBE-FORWARD', 'POSTROUTING', 'KUBE-POSTROUTING', 'routing'])
    expect(worker.stations.map((s) => s.stage)).toEqual([...Array(6).fill('nat PREROUTING'), 'filter FORWARD', 'filter FORWARD',
      'nat POSTROUTING', 'nat POSTROUTING', 'routing'])
    expect(worker.stations[5]).toMatchObject({ nat: 'DNAT', detail: 'DNAT → 10.244.2.2:8080', worker: 'kube-proxy' })
    expect(worker.stations[9]).toMatchObject({ nat: 'SNAT', detail: 'MASQUERADE → 172.18.0.3', worker: 'kube-proxy' })
    expect(worker.stations[3].detail).toBe('mark for SNAT (0x4000)')
    expect(worker.stations[10]).toMatchObject({ detail: 'via 172.18.0.4 dev eth0', worker: 'kernel', nat: null })
  })

  it('gives the second node its FORWARD policy and the veth into the pod, and the way back its conntrack', () => {
    const v = visitsOf({ hops: packetHops({ from: 'host', to: '', outcome: 'delivered', servedBy: null, clientIPSeenByServer: null, hops: crossNode }, where, 0) })
    expect(v.map((x) => x.box)).toEqual(['client', 'Node//kind-worker', 'Node//kind-worker2', 'Pod/default/echo', 'Node//kind-worker'])
    expect(v[2].stations.map((s) => [s.label, s.detail])).toEqual([['FORWARD', 'policy ACCEPT'], ['veth → pod', 'veth688a933b']])
    expect(v[4].stations[0]).toMatchObject({ label: 'conntrack un-SNAT', nat: 'un-SNAT', detail: 'dst → 172.18.0.1:37012', worker: 'conntrack' })
    expect(visitAt(v, 12)?.box).toBe('Node//kind-worker2')
    expect(visitAt(v, 11)?.box).toBe('Node//kind-worker')
  })

  it('places the rows of an opened box beside it, one row per station', () => {
    const r = openedRect({ x: 100, y: 50, width: 328, height: 200 }, 11)
    expect(r).toEqual({ x: 100 + 328 + OPEN.gap, y: 50, width: OPEN.width, height: OPEN.head + 11 * OPEN.row + OPEN.pad })
    expect(stationPoint(r, 2).y - stationPoint(r, 1).y).toBe(OPEN.row)
    expect(stationOf(hop('pod/coredns', 'coredns', 'resolve')).worker).toBe('CoreDNS')
  })
})
