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

describe('the default cluster built ahead (warmUp)', () => {
  const kindConfig = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n'

  it('is adopted by the first apply of a document for it (not built twice)', () => {
    const host = new EngineHost(1)
    host.warmUp()
    const built = host.cluster
    expect(host.apply({ files: [{ name: 'app.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }], seed: 1 }).applied).toBe(true)
    expect(host.cluster).toBe(built)
  })

  it('is not a use: drawn and inspected, a scenario\'s `kind create cluster` still replaces it, as in the CLI', () => {
    const host = new EngineHost(1)
    host.reset(1, [{ name: 'kind-config.yaml', text: kindConfig }])
    const built = host.cluster
    expect(host.snapshot()?.objects.some((o) => o.kind === 'Node' && o.metadata.name === 'kind-worker2')).toBe(true)
    expect(host.inspect('Node//kind-worker').describe).toContain('kind-worker')
    let out = ''
    for (const r of host.run('kind create cluster --config kind-config.yaml')) out += r.chunks.map((c) => c.text).join('')
    expect(out).not.toContain('already exist')
    expect(host.cluster).not.toBe(built)
    expect(host.snapshot()?.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name).sort()).toEqual(['kind-control-plane', 'kind-worker'])
  })
})
