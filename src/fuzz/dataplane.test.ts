// Property tests of kube-proxy's rule compiler and the packet tracer on random Services and endpoints:
// compilation is total and deterministic, every trace ends with a known outcome, its hops form a chain
// (each hop starts where the previous one left the packet), a DNAT lands on an endpoint of the service the
// packet was aimed at, and keep-alive packets follow their connection.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compileProxyRules, newNodeDataplaneState, renderIptablesSave, traceNodePacket } from '../engine/dataplane/index.ts'
import type { Hop, NodeRules, TraceOptions } from '../engine/dataplane/types.ts'
import { SeededRandom } from '../engine/sim/random.ts'
import { NODE, packetFor, servicesGen } from './dataplane-gen.ts'
import type { GenService } from './dataplane-gen.ts'
import { inCidr } from './invariants.ts'

const SEED = 20240611

const compile = (services: GenService[]): NodeRules => compileProxyRules({
  nodeName: NODE.name, nodeIPs: [NODE.ip], clusterCIDR: '10.244.0.0/16',
  services: services.map((s) => s.service), endpointSlices: services.map((s) => s.slice),
})

const opts = (seed: number): TraceOptions => ({
  random: new SeededRandom(seed), now: 1000, localAddresses: [NODE.ip, NODE.gateway],
  egressAddress: (dst) => (inCidr(dst, NODE.podCIDR) ? NODE.gateway : NODE.ip),
})

/** Hop i starts where hop i-1 left the packet: no rewrite goes unrecorded. */
export function chainBreaks(hops: Hop[], start: { src: string; dst: string }): string[] {
  const out: string[] = []
  let src = start.src
  let dst = start.dst
  hops.forEach((h, i) => {
    if (h.src !== src || h.dst !== dst) out.push(`hop ${i} (${h.component} ${h.action}) starts at ${h.src}→${h.dst}, but the packet was ${src}→${dst}`)
    if (!h.at || !h.action || typeof h.note !== 'string') out.push(`hop ${i} lacks at/action/note`)
    src = h.srcAfter
    dst = h.dstAfter
  })
  return out
}

const fmt = (a: { ip: string; port: number }) => (a.port ? `${a.ip}:${a.port}` : a.ip)

describe('kube-proxy rules and the packet tracer (property)', () => {
  it('compiles any set of services, deterministically', () => {
    let withReady = 0
    fc.assert(fc.property(servicesGen, (services) => {
      const a = renderIptablesSave(compile(services), { now: 0 })
      const b = renderIptablesSave(compile(services), { now: 0 })
      expect(a).toBe(b)
      for (const s of services.filter((x) => x.endpoints.some((e) => e.ready))) {
        withReady++
        expect(a).toContain(s.clusterIP)
      }
    }), { numRuns: 150, seed: SEED })
    expect(withReady).toBeGreaterThanOrEqual(100) // this seed: 207 services with a ready endpoint
  })

  it('every trace ends with a known outcome and its hops form a chain', () => {
    const arb = servicesGen.chain((services) => fc.tuple(fc.constant(services), fc.array(packetFor(services), { minLength: 1, maxLength: 8 }), fc.integer()))
    let passedThrough = 0
    fc.assert(fc.property(arb, ([services, cases, seed]) => {
      const rules = compile(services)
      const state = newNodeDataplaneState()
      const o = opts(seed)
      for (const { packet, target } of cases) {
        const r = traceNodePacket(rules, state, packet, o)
        expect(['forward', 'local', 'reject', 'drop'], target).toContain(r.verdict.outcome)
        expect(chainBreaks(r.hops, { src: fmt(packet.src), dst: fmt(packet.dst) }), target).toEqual([])
        if (r.verdict.outcome !== 'drop' && r.verdict.outcome !== 'reject' && r.hops.length) {
          passedThrough++
          const last = r.hops[r.hops.length - 1]
          expect(`${last.srcAfter}→${last.dstAfter}`, target).toBe(`${fmt(r.packetAfter.src)}→${fmt(r.packetAfter.dst)}`)
        }
      }
    }), { numRuns: 200, seed: SEED })
    expect(passedThrough).toBeGreaterThanOrEqual(300) // this seed: 614 packets not dropped or rejected
  })

  it('a DNAT lands on an endpoint of the service the packet was aimed at, with its target port', () => {
    // Any packet, or one of the two cases a traffic policy of Local is about, so that its checks below are reached.
    const packets = (services: GenService[]) => fc.oneof({ arbitrary: packetFor(services), weight: 1 }, { arbitrary: packetFor(services, ['nodePort', 'lb'], ['external']), weight: 2 }, { arbitrary: packetFor(services, ['clusterIP'], ['localPod']), weight: 2 })
    const arb = servicesGen.chain((services) => fc.tuple(fc.constant(services), packets(services), fc.integer()))
    let dnats = 0
    let externalLocal = 0
    let internalLocal = 0
    fc.assert(fc.property(arb, ([services, { packet, target }, seed]) => {
      const r = traceNodePacket(compile(services), newNodeDataplaneState(), packet, opts(seed))
      if (!r.verdict.dnat) return
      dnats++
      const svc = services.find((s) => s.clusterIP === packet.dst.ip || s.lbIP === packet.dst.ip || (s.nodePort === packet.dst.port && (packet.dst.ip === NODE.ip || packet.dst.ip === '127.0.0.1')))
      expect(svc, target).toBeDefined()
      const usable = svc!.endpoints.filter((e) => e.ready || e.serving)
      expect(usable.map((e) => `${e.ip}:${svc!.targetPort}`), target).toContain(fmt(r.verdict.dnat))
      // externalTrafficPolicy: Local keeps outside clients on this node's endpoints, and their address.
      const spec = svc!.service.spec!
      if (spec.externalTrafficPolicy === 'Local' && packet.src.ip === '203.0.113.10' && packet.dst.ip !== svc!.clusterIP) {
        externalLocal++
        expect(usable.filter((e) => e.node === NODE.name).map((e) => `${e.ip}:${svc!.targetPort}`), target).toContain(fmt(r.verdict.dnat))
        expect(r.verdict.snat, target).toBeUndefined()
      }
      if (spec.internalTrafficPolicy === 'Local' && packet.dst.ip === svc!.clusterIP && packet.src.ip.startsWith('10.244.1.')) {
        internalLocal++
        expect(usable.filter((e) => e.node === NODE.name).map((e) => `${e.ip}:${svc!.targetPort}`), target).toContain(fmt(r.verdict.dnat))
      }
    }), { numRuns: 400, seed: SEED })
    // The generator does reach endpoints and both Local policies, so the property is not vacuous (this seed: 75, 13, 14).
    expect(dnats).toBeGreaterThanOrEqual(35)
    expect(externalLocal).toBeGreaterThanOrEqual(6)
    expect(internalLocal).toBeGreaterThanOrEqual(6)
  })

  it('a service with no endpoints at all rejects connections to its cluster IP', () => {
    let empty = 0
    fc.assert(fc.property(servicesGen, fc.integer(), (services, seed) => {
      const rules = compile(services)
      for (const s of services.filter((x) => x.endpoints.length === 0)) {
        empty++
        const proto = (s.service.spec!.ports![0].protocol ?? 'TCP').toLowerCase() as 'tcp' | 'udp'
        const r = traceNodePacket(rules, newNodeDataplaneState(), { protocol: proto, src: { ip: '10.244.1.77', port: 40000 }, dst: { ip: s.clusterIP, port: s.port }, origin: 'network' }, opts(seed))
        expect(r.verdict.outcome, s.service.metadata!.name).toBe('reject')
      }
    }), { numRuns: 150, seed: SEED })
    expect(empty).toBeGreaterThanOrEqual(40) // this seed: 92 services without endpoints
  })

  it('packets of one connection follow it (keep-alive), and the same seed replays the same choices', () => {
    const arb = servicesGen.chain((services) => fc.tuple(fc.constant(services), packetFor(services), fc.integer()))
    let replayed = 0
    let followed = 0
    fc.assert(fc.property(arb, ([services, { packet, target }, seed]) => {
      if (packet.protocol === 'icmp') return
      replayed++
      const rules = compile(services)
      const state = newNodeDataplaneState()
      const o = opts(seed)
      const first = traceNodePacket(rules, state, packet, o)
      const replay = traceNodePacket(rules, newNodeDataplaneState(), packet, opts(seed))
      expect(replay.hops, target).toEqual(first.hops)
      if (!first.entry) return
      followed++
      const second = traceNodePacket(rules, state, packet, o)
      expect(second.verdict.conntrack, target).toBe('established')
      expect(second.verdict.dnat && fmt(second.verdict.dnat), target).toBe(first.verdict.dnat && fmt(first.verdict.dnat))
    }), { numRuns: 200, seed: SEED })
    // This seed: 149 replayed, 135 with a conntrack entry to follow.
    expect(replayed).toBeGreaterThanOrEqual(70)
    expect(followed).toBeGreaterThanOrEqual(60)
  })
})
