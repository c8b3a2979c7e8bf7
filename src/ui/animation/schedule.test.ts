import { describe, expect, it } from 'vitest'
import type { Trace, TraceHop } from '../../engine/trace/types.ts'
import { DWELL, TRAVEL, buildTimeline, chainPath, endingOf, groupRequests, isDns, nextStep, packetHops, positionAt, prevStep, stepTimes, tracksOf } from './schedule.ts'

const hop = (at: string, action: string, extra: Partial<TraceHop> = {}): TraceHop =>
  ({ at, component: 'node', action, src: '172.18.0.1:40000', dst: '172.18.0.3:30123', srcAfter: '172.18.0.1:40000', dstAfter: '172.18.0.3:30123', rule: null, note: '', ...extra })

const where = (at: string) => (at === 'host' ? 'client' : at.startsWith('node/') ? `Node//${at.slice(5)}` : `Pod/default/${at.slice(4)}`)

const nodePortTrace: Trace = {
  from: 'host', to: 'http://172.18.0.3:30123/', outcome: 'delivered', servedBy: 'pod/kubia-a', clientIPSeenByServer: '10.244.1.1',
  hops: [
    hop('host', 'connect'),
    hop('node/kind-worker', 'jump', { rule: '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES' }),
    hop('node/kind-worker', 'jump', { rule: '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS' }),
    hop('node/kind-worker', 'jump', { rule: '-A KUBE-NODEPORTS -p tcp -m tcp --dport 30123 -j KUBE-EXT-X' }),
    hop('node/kind-worker', 'jump', { rule: '-A KUBE-EXT-X -j KUBE-SVC-X' }),
    hop('node/kind-worker', 'pick-endpoint', { rule: '-A KUBE-SVC-X -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-A' }),
    hop('node/kind-worker', 'DNAT', { rule: '-A KUBE-SEP-A -p tcp -m tcp -j DNAT --to-destination 10.244.1.2:8080', dstAfter: '10.244.1.2:8080' }),
    hop('node/kind-worker', 'jump', { rule: '-A FORWARD -j KUBE-FORWARD' }),
    hop('pod/kubia-a', 'accept'),
    hop('pod/kubia-a', 'respond'),
    hop('node/kind-worker', 'un-DNAT'),
    hop('host', 'receive'),
  ],
}

const dnsTrace: Trace = { from: 'pod/c', to: 'kubia', outcome: 'delivered', servedBy: 'pod/coredns', clientIPSeenByServer: null,
  hops: [hop('pod/c', 'send', { dst: '10.96.0.10:53' }), hop('pod/coredns', 'resolve'), hop('pod/c', 'receive')] }

describe('trace → animation steps', () => {
  it('travels between boxes and pauses between the rules of one box', () => {
    const hops = packetHops(nodePortTrace, where, 0)
    expect(hops.map((h) => h.node)).toEqual(['client', ...Array(7).fill('Node//kind-worker'), 'Pod/default/kubia-a', 'Pod/default/kubia-a', 'Node//kind-worker', 'client'])
    expect(hops[1].t).toBe(TRAVEL)
    expect(hops[2].t).toBeCloseTo(TRAVEL + DWELL)
    expect(hops.map((h) => h.arrives)).toEqual([true, true, false, false, false, false, false, false, true, false, true, true])
    expect(hops.filter((h) => h.reply).map((h) => h.hop.action)).toEqual(['un-DNAT', 'receive'])
  })

  it('positions: at a hop, or a fraction of the way along the track', () => {
    const [p] = buildTimeline([nodePortTrace], where)
    expect(positionAt(p, -1)).toBeNull()
    expect(positionAt(p, 0.5)).toMatchObject({ hopIndex: 0, from: 'client', to: 'Node//kind-worker', frac: 0.5 })
    expect(positionAt(p, TRAVEL + 0.1)).toMatchObject({ hopIndex: 1, from: 'Node//kind-worker', to: 'Node//kind-worker' })
    expect(positionAt(p, 1000)).toMatchObject({ hopIndex: 11, done: true })
  })

  it('a DNS lookup is its own short packet before the connection; batches are staggered', () => {
    expect(isDns(dnsTrace)).toBe(true)
    expect(isDns(nodePortTrace)).toBe(false)
    const pod: Trace = { ...nodePortTrace, from: 'pod/c' }
    expect(groupRequests([dnsTrace, pod, dnsTrace, pod])).toHaveLength(2)
    const packets = buildTimeline([dnsTrace, pod, dnsTrace, pod], where)
    expect(packets.map((p) => p.kind)).toEqual(['dns', 'request', 'dns', 'request'])
    expect(packets[1].start).toBeCloseTo(packets[0].end)
    expect(packets[2].start).toBeGreaterThan(0)
    const batch = buildTimeline(Array(100).fill(nodePortTrace), where)
    const mid = batch[60].start
    expect(batch.filter((p) => p.start <= mid && p.end > mid).length).toBeGreaterThanOrEqual(45)
  })

  it('step forward and back stop at every hop time', () => {
    const times = stepTimes(buildTimeline([nodePortTrace], where))
    expect(times).toHaveLength(12)
    expect(nextStep(times, 0)).toBe(TRAVEL)
    expect(prevStep(times, TRAVEL)).toBe(0)
    expect(prevStep(times, 0)).toBe(0)
  })

  it('tracks: one per pair of boxes, the client always the source', () => {
    const tracks = tracksOf(buildTimeline([nodePortTrace], where))
    expect(tracks).toEqual([
      { key: 'Node//kind-worker|client', source: 'client', target: 'Node//kind-worker' },
      { key: 'Node//kind-worker|Pod/default/kubia-a', source: 'Node//kind-worker', target: 'Pod/default/kubia-a' },
    ])
  })

  it('chain path KUBE-SERVICES → KUBE-NODEPORTS → KUBE-EXT → KUBE-SVC → KUBE-SEP, and outcomes', () => {
    expect(chainPath(nodePortTrace.hops)).toEqual(['PREROUTING', 'KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-X', 'KUBE-SVC-X', 'KUBE-SEP-A'])
    expect(endingOf(nodePortTrace)).toBe('delivered')
    expect(endingOf({ ...nodePortTrace, outcome: 'timeout' })).toBe('dropped')
  })
})
