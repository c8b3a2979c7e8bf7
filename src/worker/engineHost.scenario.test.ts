import { describe, expect, it } from 'vitest'
import { GALLERY_ROOT, loadScenario } from '../cli/scenarios.ts'
import { EngineHost } from './engineHost.ts'

const scenario = loadScenario(`${GALLERY_ROOT}/15-nodeport-snat`)
const files = Object.entries(scenario.files).filter(([name]) => name !== 'steps.sh').map(([name, text]) => ({ name, text }))

function runSteps(host: EngineHost, count: number) {
  const results = []
  for (const step of scenario.steps.slice(0, count)) {
    host.beginStep()
    for (const record of host.run(step.commands)) void record
    results.push(host.checkStep(step.checks.map((c) => c.source)))
  }
  return results
}

const pods = (host: EngineHost) => host.snapshot()!.objects.filter((o) => o.kind === 'Pod')
  .map((o) => `${o.metadata.namespace}/${o.metadata.name} ${(o as { status?: { podIP?: string } }).status?.podIP}`).sort()

describe('EngineHost scenario steps', () => {
  it('runs steps with ./relative files and grades them with the check language', () => {
    const host = new EngineHost()
    host.reset(scenario.meta.seed, files)
    const results = runSteps(host, scenario.steps.length)
    expect(results.flat().filter((r) => !r.pass)).toEqual([])
    expect(results[3].map((r) => r.source)).toContain('last curl clientIPSeenByServer == 172.18.0.3')
  })

  it('reports a failing check with its reason, and a bad expression as a failure', () => {
    const host = new EngineHost()
    host.reset(1, files)
    host.beginStep()
    for (const r of host.run('kubectl get nodes')) void r
    const [wrong, bad] = host.checkStep(['output contains "no-such-node"', 'last curl ~~'])
    expect(wrong.pass).toBe(false)
    expect(wrong.reason).toMatch(/no-such-node/)
    expect(bad.pass).toBe(false)
  })

  it('replays deterministically after a reset: same seed ⇒ same pods and IPs', () => {
    const host = new EngineHost()
    host.reset(scenario.meta.seed, files)
    runSteps(host, 2)
    const first = pods(host)
    for (const r of host.run('kubectl delete pod -l app=echo')) void r // the learner wanders off
    host.reset(scenario.meta.seed, files)
    runSteps(host, 2)
    expect(pods(host)).toEqual(first)
    expect(first.some((p) => /^default\/echo-/.test(p))).toBe(true)
  })
})
