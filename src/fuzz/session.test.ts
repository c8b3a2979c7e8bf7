// Property tests through the shell, as a learner drives kubehop: random command sequences (apply,
// delete, scale, label, patch, exec touch/rm of the readiness file, sleep, curl) and hostile manifests
// applied with kubectl. After every command: nothing thrown, the cluster sound, a rejected apply of one
// object changed nothing; and the same seed always prints the same transcript. Each property counts the cases
// that reached its conditional checks and fails below a floor. A hang fails on the runner's testTimeout.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { commandSequence, storySequence, terminationSequence } from './commands.ts'
import { hostileText } from './manifests.ts'
import { FuzzSession, runSequence, storeFingerprint } from './harness.ts'
import { addReached, checkPrototypes, newReached } from './invariants.ts'

const SEED = 99

describe('shell sessions (property)', () => {
  it('random command sequences keep every invariant after every step', () => {
    const reached = newReached()
    let rejectedSingles = 0
    fc.assert(fc.property(commandSequence, fc.integer({ min: 1, max: 10_000 }), (commands, seed) => {
      const report = runSequence(seed, commands)
      expect(report.failure).toBeUndefined()
      addReached(reached, report.reached)
      rejectedSingles += report.rejectedSingles
    }), { numRuns: 20, seed: SEED })
    // Floors, about half of what this seed reaches (94 ready pod ports checked, ~65 by a named port; 3 rejected single
    // applies). Fewer than before containers took time to start (199/132): a pod is Ready only once its image is pulled.
    expect(reached.endpointPorts).toBeGreaterThanOrEqual(47)
    expect(reached.namedPorts).toBeGreaterThanOrEqual(30)
    expect(rejectedSingles).toBeGreaterThanOrEqual(2)
  }, 120_000)

  it('app stories (a Service, a client, traffic, readiness flips, patches) keep every invariant, traffic included', () => {
    const reached = newReached()
    fc.assert(fc.property(storySequence, fc.integer({ min: 1, max: 10_000 }), (commands, seed) => {
      const report = runSequence(seed, commands)
      expect(report.failure).toBeUndefined()
      addReached(reached, report.reached)
    }), { numRuns: 20, seed: SEED })
    // This seed: 195 ready pod ports checked (79 named), 10 delivered requests checked against the endpoints.
    expect(reached.endpointPorts).toBeGreaterThanOrEqual(90)
    expect(reached.namedPorts).toBeGreaterThanOrEqual(40)
    expect(reached.serviceTraffic).toBeGreaterThanOrEqual(5)

  }, 120_000)

  it('graceful deletions (delete --wait=false, scale-down, rollouts) never leave a Terminating pod as a ready endpoint', () => {
    const reached = newReached()
    fc.assert(fc.property(terminationSequence, fc.integer({ min: 1, max: 10_000 }), (commands, seed) => {
      const report = runSequence(seed, commands)
      expect(report.failure).toBeUndefined()
      addReached(reached, report.reached)
    }), { numRuns: 15, seed: SEED })
    // This seed: 58 Ready Terminating pods checked against Endpoints and EndpointSlices; the floor is about half. Fewer
    // than before containers took time to start (163, floor 80): a replacement, scaled-up or rolled-out pod pulls its
    // image for ~16 s before it is Ready, and a pod deleted before then has no container to stop and goes at once.
    expect(reached.terminatingPods).toBeGreaterThanOrEqual(29)
  }, 120_000)

  it('the same script and seed give the same transcript (and traces)', () => {
    fc.assert(fc.property(fc.oneof(commandSequence, storySequence), fc.integer({ min: 1, max: 10_000 }), (commands, seed) => {
      const a = runSequence(seed, commands)
      const b = runSequence(seed, commands)
      expect(b.transcript).toBe(a.transcript)
    }), { numRuns: 6, seed: SEED })
  }, 120_000)

  it('kubectl apply of hostile text answers with an error or objects, and a failed apply changes nothing', () => {
    const fuzz = new FuzzSession(1)
    let refused = 0
    fc.assert(fc.property(hostileText, (text) => {
      const cluster = fuzz.session.cluster!
      const before = { version: cluster.store.version, objects: storeFingerprint(cluster) }
      const step = fuzz.step(`kubectl apply -f ${fuzz.file(text)}`)
      expect(step.violations).toEqual([])
      expect(checkPrototypes()).toEqual([])
      const [record] = step.records
      expect(record).toBeDefined()
      if (record.exitCode !== 0 && !record.chunks.some((c) => c.stream === 'stdout' && /created|configured/.test(c.text))) {
        refused++
        expect(cluster.store.version, text.slice(0, 200)).toBe(before.version)
        expect(storeFingerprint(cluster)).toBe(before.objects)
      }
      // Do not let one huge Deployment slow every later case down.
      fuzz.step('kubectl delete deployment huge many --ignore-not-found')
    }), { numRuns: 30, seed: SEED })
    expect(refused).toBeGreaterThanOrEqual(12) // this seed: 27 refused applies checked to change nothing
  }, 120_000)
})
