import { describe, expect, it } from 'vitest'
import { PLACEHOLDER_FILE, progressText, resultOf, splitScenarioFiles, stepState } from './stepsModel.ts'

describe('steps panel logic', () => {
  it('puts manifests and kind config in tabs, certificates in assets, never steps.sh or the transcript', () => {
    const { tabs, assets } = splitScenarioFiles({ 'steps.sh': '', 'transcript.txt': '', 'kind-config.yaml': 'k', 'app.yaml': 'a', 'tls.crt': 'c', 'tls.key': 'k' })
    expect(tabs.map((f) => f.name)).toEqual(['app.yaml', 'kind-config.yaml'])
    expect(assets.map((f) => f.name)).toEqual(['tls.crt', 'tls.key'])
    expect(splitScenarioFiles({ 'steps.sh': '' }).tabs).toEqual([PLACEHOLDER_FILE])
  })

  it('marks steps passed, failed, current and upcoming, and sums up progress', () => {
    const results = { 0: resultOf([{ source: 'a', pass: true, reason: 'ok' }]), 1: resultOf([{ source: 'b', pass: false, reason: 'no' }]) }
    expect([0, 1, 2, 3].map((i) => stepState(i, 2, results))).toEqual(['passed', 'failed', 'current', 'upcoming'])
    expect(progressText(2, 4, results)).toBe('Step 3 of 4 · 1 of 2 checks passed')
    expect(progressText(4, 4, {})).toBe('All 4 steps run')
    expect(stepState(0, 1, { 0: resultOf([]) })).toBe('passed') // no checks: passes
  })
})
