import { beforeEach, describe, expect, it } from 'vitest'
import type { EngineClient } from '../engineClient.ts'
import { createAppStore, getApp, installStore } from '../store.ts'
import { installRuntime } from './runtime.ts'
import { closeScenario, goToStep, openScenario, rerunStep, runCurrentStep } from './scenarioRunner.ts'
import { scenarioStore } from './scenarioStore.ts'

const steps = `# title: Two steps
# group: Services
# summary: test

## Step: First
# Say *hi*.
kubectl apply -f app.yaml
cat <<EOF
x
EOF
#check: output contains created

## Step: Second
curl -s http://x/
#check: last curl outcome == delivered
`

/** A fake engine that records what the runner asks of it, in order. */
function fakeEngine(log: string[]): EngineClient {
  return {
    reset: async (seed: number, files: { name: string }[]) => { log.push(`reset ${seed} ${files.map((f) => f.name).join(',')}`) },
    run: async (line: string) => { log.push(`run ${line}`); return { exitCode: 0 } },
    stepBegin: () => log.push('stepBegin'),
    stepChecks: async (checks: string[]) => { log.push(`checks ${checks.length}`); return checks.map((source) => ({ source, pass: !source.includes('curl'), reason: 'because' })) },
    setFiles: () => undefined,
  } as unknown as EngineClient
}

describe('scenario runner', () => {
  let log: string[]
  beforeEach(() => {
    log = []
    installStore(createAppStore({ files: [{ name: 'old.yaml', text: '' }], theme: 'light' }))
    installRuntime(fakeEngine(log), true)
  })

  it('opens on a fresh seeded cluster with the files as tabs, nothing applied until a step runs', async () => {
    await openScenario({ id: 'two', files: { 'steps.sh': steps, 'app.yaml': 'kind: Pod\n', 'tls.crt': 'c' } })
    expect(log).toEqual(['reset 1 app.yaml,tls.crt'])
    expect(getApp().files.map((f) => f.name)).toEqual(['app.yaml'])
    expect(getApp().autoApply).toBe(false)
    expect(scenarioStore.getState()).toMatchObject({ cursor: 0, busy: false, assets: [{ name: 'tls.crt', text: 'c' }] })
  })

  it("runs the current step line by line (here-document whole) and keeps the engine's verdict", async () => {
    await openScenario({ id: 'two', files: { 'steps.sh': steps, 'app.yaml': '' } })
    await runCurrentStep()
    await runCurrentStep()
    expect(log.slice(1)).toEqual(['stepBegin', 'run kubectl apply -f app.yaml', 'run cat <<EOF\nx\nEOF', 'checks 1', 'stepBegin', 'run curl -s http://x/', 'checks 1'])
    const s = scenarioStore.getState()
    expect(s.cursor).toBe(2)
    expect(s.results[0].passed).toBe(true)
    expect(s.results[1]).toEqual({ passed: false, checks: [{ source: 'last curl outcome == delivered', pass: false, reason: 'because' }] })
    await runCurrentStep() // past the end: nothing
    expect(log.filter((l) => l === 'stepBegin')).toHaveLength(2)
  })

  it('replays: back to the start with the same seed and the edited tabs, then the earlier steps again', async () => {
    await openScenario({ id: 'two', files: { 'steps.sh': steps, 'app.yaml': '' } }, { seed: 9, step: 2 })
    getApp().setFileText('app.yaml', 'edited')
    log.length = 0
    await rerunStep(1)
    expect(log).toEqual(['reset 9 app.yaml', 'stepBegin', 'run kubectl apply -f app.yaml', 'run cat <<EOF\nx\nEOF', 'checks 1', 'stepBegin', 'run curl -s http://x/', 'checks 1'])
    await goToStep(0)
    expect(scenarioStore.getState()).toMatchObject({ cursor: 0, results: {} })
  })

  it('closing keeps the tabs as a playground document on a fresh cluster', async () => {
    await openScenario({ id: 'two', files: { 'steps.sh': steps, 'app.yaml': 'a' } })
    await closeScenario()
    expect(scenarioStore.getState().scenario).toBeNull()
    expect(getApp()).toMatchObject({ autoApply: true, files: [{ name: 'app.yaml', text: 'a' }] })
  })

  it("refuses a broken steps.sh with the parser's reasons", () => {
    expect(() => openScenario({ id: 'bad', files: { 'steps.sh': '# title: x\n' } })).toThrow(/missing "# group:" header/)
  })
})
