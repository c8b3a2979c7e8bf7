// Properties that found bugs, kept skipped until the bugs are fixed (each named on the line above it, and
// reported with a reproducing script). Un-skip one to check a fix: it must pass as it stands.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hostileShellLine, storySequence } from './commands.ts'
import { FuzzSession, runSequence } from './harness.ts'
import { checkTraces } from './invariants.ts'

describe('known bugs (skipped until fixed)', () => {
  // Fixed: a statement too large to simulate now fails alone (RangeError becomes the statement's error).
  it('no hostile line throws out of runScript, whatever its sizes', () => {
    const fuzz = new FuzzSession(1)
    for (const line of ['printf "%999999999d" 1', 'printf "%.999999999f" 1', 'x=ab; for i in $(seq 1 30); do x=$x$x; done; echo ${#x}']) {
      expect(fuzz.step(line).violations.filter((v) => v.includes('threw')), line).toEqual([])
    }
  })

  // Fixed: brace expansion stops at 100000 words with an error.
  it('brace expansions of millions of words end in budget', () => {
    fc.assert(fc.property(hostileShellLine(10_000_000).filter((l) => l.startsWith('echo {')), (line) => {
      expect(new FuzzSession(1).step(line).violations).toEqual([])
    }), { numRuns: 5, seed: 1 })
  })

  // Fixed: simulated time jumps from event to event (steady probe timers are fast-forwarded).
  it('sleep of a simulated fortnight, or of 3,000 years, ends in budget', () => {
    expect(new FuzzSession(1).step('sleep 1209600').violations).toEqual([])
    expect(new FuzzSession(1).step('sleep 99999999999').violations).toEqual([])
  })

  // Fixed: the load balancer's proxy hop (cloud-provider-kind) now shows its upstream connection (and the answer's way back onto the client's).
  it('traces through a load balancer form a chain', () => {
    const script = [
      { kind: 'x', line: 'kubectl create deployment web --image=nginx --replicas=1 --port=80' },
      { kind: 'x', line: 'kubectl expose deployment web --port=80 --type=LoadBalancer' },
      { kind: 'x', line: 'cloud-provider-kind' },
    ]
    const fuzz = new FuzzSession(1)
    for (const c of script) fuzz.step(c.line)
    const step = fuzz.step(`curl -s -m 2 http://$(kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/`)
    expect(checkTraces(step.records.flatMap((r) => r.traces), { strictProxies: true })).toEqual([])
    expect(runSequence(1, script).failure).toBeUndefined()
  })

  // Fixed: a step that cannot move a huge float ends the sequence.
  it('seq with equal huge bounds prints one line', () => {
    const [r] = new FuzzSession(1).step('seq 1e300 1e300 | wc -l').records
    expect(r.chunks.map((c) => c.text).join('').trim()).toBe('1')
  })

  // Kept here so the generator of stories stays referenced when all the above are skipped.
  it('story generator yields a setup and at least two actions', () => {
    fc.assert(fc.property(storySequence, (s) => { expect(s.length).toBeGreaterThanOrEqual(5) }), { numRuns: 20, seed: 2 })
  })
})
