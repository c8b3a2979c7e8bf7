// Property tests through the API server (no shell): random and mutated manifests written to a live kind
// cluster, which must stay sound after every write and convergence; rejected writes change nothing and
// leak nothing (a refused Service gives back the cluster IP and node port it asked for).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Cluster } from '../engine/cluster/cluster.ts'
import { defaultKindProfile } from '../engine/cluster/kind-config.ts'
import { ApiError } from '../engine/api/api-server.ts'
import type { KubeObject } from '../engine/api/types.ts'
import { parseManifests } from '../engine/manifest/index.ts'
import { almostValid, appManifest, toManifest, validManifest } from './manifests.ts'
import { applyThroughApi, storeFingerprint } from './harness.ts'
import { checkCluster, newReached } from './invariants.ts'

const SEED = 4242
const newCluster = (seed = 1) => new Cluster(defaultKindProfile(), seed)

const manifestStep = fc.oneof(
  { arbitrary: validManifest, weight: 3 },
  { arbitrary: appManifest, weight: 1 },
  { arbitrary: almostValid.map((a) => toManifest([a.object])), weight: 2 },
)

const service = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec })

describe('API writes (property)', () => {
  it('keeps the cluster sound after every write of valid and almost-valid manifests', () => {
    const reached = newReached()
    fc.assert(fc.property(fc.array(manifestStep, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
      const cluster = newCluster(seed)
      for (const text of steps) {
        const r = applyThroughApi(cluster, text)
        expect(r.violations, text).toEqual([])
        expect(checkCluster(cluster, true, { reached }), text).toEqual([])
        // Images are pulled on the simulated clock (kind preloads only its own): check again once they have started.
        cluster.advance(20)
        expect(checkCluster(cluster, true, { reached }), `${text}\n(20 s later)`).toEqual([])
      }
    }), { numRuns: 12, seed: SEED })
    // Floors: about half of what this seed reaches once pulls are done (29 pod ports, 8 of them named), so the check is not vacuous.
    expect(reached.endpointPorts).toBeGreaterThanOrEqual(15)
    expect(reached.namedPorts).toBeGreaterThanOrEqual(7)
  }, 60_000)

  it('a rejected write leaves the store exactly as it was', () => {
    const cluster = newCluster()
    let rejected = 0
    let accepted = 0
    fc.assert(fc.property(almostValid, ({ object, mutation }) => {
      // What reaches the API server is what kubectl decoded: objects with a kind and an apiVersion.
      const decoded = parseManifests(toManifest([object]), 'fuzz.yaml').docs[0]?.object
      if (!decoded) return
      const before = { version: cluster.store.version, objects: storeFingerprint(cluster) }
      try {
        cluster.api.create(decoded as KubeObject)
      } catch (err) {
        expect(err, mutation).toBeInstanceOf(ApiError)
        rejected++
        expect(cluster.store.version, mutation).toBe(before.version)
        expect(storeFingerprint(cluster), mutation).toBe(before.objects)
        return
      }
      accepted++
      cluster.converge()
      expect(checkCluster(cluster), mutation).toEqual([])
    }), { numRuns: 150, seed: SEED })
    // Both branches are reached (this seed: 120 rejected, 13 accepted and checked).
    expect(rejected).toBeGreaterThan(50)
    expect(accepted).toBeGreaterThanOrEqual(6)
  }, 60_000)

  it('a refused Service leaks neither its cluster IP nor its node port', () => {
    const cluster = newCluster()
    let n = 0
    fc.assert(fc.property(fc.integer({ min: 30000, max: 32767 }), fc.integer({ min: 20, max: 250 }), fc.integer({ min: 1, max: 250 }), (nodePort, a, b) => {
      const clusterIP = `10.96.${a}.${b}`
      const name = `s${n++}`
      // Invalid: two ports share a name. Everything it asked for must be free again afterwards.
      expect(() => cluster.api.create(service(`${name}-bad`, { type: 'NodePort', clusterIP, selector: { app: 'x' }, ports: [{ name: 'p', port: 80, nodePort }, { name: 'p', port: 81 }] })))
        .toThrow(ApiError)
      cluster.api.create(service(name, { type: 'NodePort', clusterIP, selector: { app: 'x' }, ports: [{ name: 'p', port: 80, nodePort }] }))
      expect(checkCluster(cluster, false)).toEqual([])
      // Deleting gives both back too.
      cluster.api.delete('Service', 'default', name)
      cluster.api.create(service(`${name}-again`, { type: 'NodePort', clusterIP, selector: { app: 'x' }, ports: [{ name: 'p', port: 80, nodePort }] }))
      cluster.api.delete('Service', 'default', `${name}-again`)
    }), { numRuns: 60, seed: SEED })
  })

  it('two Services never get the same node port or cluster IP, whatever they ask for', () => {
    fc.assert(fc.property(fc.array(fc.record({ nodePort: fc.option(fc.constantFrom(30080, 30081, 32767, 30000), { nil: undefined }), type: fc.constantFrom('NodePort', 'LoadBalancer', 'ClusterIP'), ip: fc.option(fc.constantFrom('10.96.100.1', '10.96.100.2'), { nil: undefined }), local: fc.boolean() }), { maxLength: 12 }), (specs) => {
      const cluster = newCluster()
      specs.forEach((s, i) => {
        try {
          cluster.api.create(service(`svc${i}`, {
            type: s.type, selector: { app: 'x' }, ...(s.ip ? { clusterIP: s.ip } : {}),
            ...(s.type === 'LoadBalancer' && s.local ? { externalTrafficPolicy: 'Local' } : {}),
            ports: [{ name: 'p', port: 80, ...(s.nodePort && s.type !== 'ClusterIP' ? { nodePort: s.nodePort } : {}) }],
          }))
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError)
        }
        expect(checkCluster(cluster, false)).toEqual([])
      })
    }), { numRuns: 15, seed: SEED })
  }, 60_000)
})
