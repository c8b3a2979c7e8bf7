// The scenario format: steps.sh parsing (header, steps, narration, checks, heredocs) and the check language.
import { describe, expect, it } from 'vitest'
import { CheckSyntaxError, evaluateCheck, parseCheck, type StepRecord } from './checks.ts'
import { parseScenario, ScenarioParseError } from './parse.ts'
import { runScenario } from './run.ts'

const STEPS = `#!/usr/bin/env bash
# title: Demo
# group: Services
# summary: A demo.
# seed: 7
# behaviours: 8, 9
# Some intro text.

## Step: Create
# Make **one** pod.
#
# Second paragraph.
kubectl apply -f ./app.yaml
cat <<END
## Step: not a step (inside a heredoc)
END
#check: output contains "pod/web created"

## Step: Look
kubectl get pods
#check: last exitCode == 0
`
const APP = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx}]\n'

describe('parseScenario', () => {
  it('reads the header, the steps with their narration, commands and checks', () => {
    const s = parseScenario({ id: 'demo', files: { 'steps.sh': STEPS, 'app.yaml': APP } })
    expect(s.meta).toEqual({ title: 'Demo', group: 'Services', summary: 'A demo.', seed: 7, profile: 'kind', behaviours: [8, 9] })
    expect(s.intro).toBe('Some intro text.')
    expect(s.steps.map((x) => x.title)).toEqual(['Create', 'Look'])
    expect(s.steps[0].narration).toBe('Make **one** pod.\n\nSecond paragraph.')
    expect(s.steps[0].commands).toBe('kubectl apply -f ./app.yaml\ncat <<END\n## Step: not a step (inside a heredoc)\nEND')
    expect(s.steps[0].commandsLine).toBe(13)
    expect(s.steps[0].checks.map((c) => [c.source, c.line])).toEqual([['output contains "pod/web created"', 17]])
  })

  it('reports every problem with its line', () => {
    const bad = '# title: X\n# group: Nope\nkubectl get pods\n## Step: A\n#check: bogus field\n'
    let error: unknown
    try {
      parseScenario({ id: 'bad', files: { 'steps.sh': bad } })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ScenarioParseError)
    const msg = (error as Error).message
    expect(msg).toContain('line 2: group must be one of')
    expect(msg).toContain('line 3: commands before the first "## Step:"')
    expect(msg).toContain('line 5: #check: unknown field')
    expect(msg).toContain('step "A" has no commands')
    expect(msg).toContain('missing "# summary:" header')
  })

  it('checks that a minikube or gke scenario creates its cluster', () => {
    const text = '# title: X\n# group: Services\n# summary: S\n# profile: gke\n## Step: A\nkubectl get pods\n'
    expect(() => parseScenario({ id: 'x', files: { 'steps.sh': text } })).toThrow('profile gke, but no step runs "gcloud container clusters create"')
  })

  it('runs step by step against the scenario files and grades the checks', () => {
    const run = runScenario(parseScenario({ id: 'demo', files: { 'steps.sh': STEPS, 'app.yaml': APP } }))
    expect(run.steps.map((s) => s.checks.map((c) => c.pass))).toEqual([[true], [true]])
    expect(run.passed).toBe(true)
    expect(run.steps[1].records[0].chunks[0].text).toContain('web')
  })
})

const trace = (servedBy: string | null, outcome = 'delivered', client: string | null = '10.244.1.1') => ({
  from: 'host', to: 'http://x/', outcome, servedBy, clientIPSeenByServer: client,
  hops: [{ at: 'host', component: 'client', action: 'connect', dst: '1.2.3.4:80', rule: null }, { at: 'node/a', component: 'kube-proxy', action: 'DNAT', dst: '1.2.3.4:80', rule: '-A KUBE-SEP-X -j DNAT' }],
})
const dnsTrace = {
  from: 'pod/c', to: 'kubia', outcome: 'delivered', servedBy: 'pod/coredns-1', clientIPSeenByServer: null,
  hops: [{ at: 'pod/c', component: 'client', action: 'send', dst: '10.96.0.10:53', rule: null }, { at: 'pod/coredns-1', component: 'coredns', action: 'resolve', dst: '10.96.0.10:53', rule: null }],
}
const rec = (source: string, out: string, traces: unknown[] = [], exitCode = 0): StepRecord => ({ source, exitCode, chunks: [{ stream: 'stdout', text: out }], traces })
const check = (expr: string, records: StepRecord[], vars = {}) => evaluateCheck(parseCheck(expr), records, vars)

describe('check language', () => {
  const records = [
    rec('kubectl get svc', 'NAME  TYPE\nkubia ClusterIP\n'),
    rec('kubectl exec c -- curl -s http://kubia', "You've hit a\n", [dnsTrace, trace('pod/kubia-a')]),
    rec('for i in 1 2 3; do curl -s http://1.2.3.4; done', '', [trace('pod/kubia-a'), trace('pod/kubia-b'), trace('pod/kubia-c'), trace('pod/kubia-a')]),
    rec('curl -m 3 http://10.96.0.1', 'curl: (28) ...\n', [trace(null, 'timeout', null)], 28),
  ]

  it.each([
    ['output contains "You\'ve hit"', true],
    ['output contains "nope"', false],
    ['last exitCode == 28', true],
    ['first kubectl output contains ClusterIP', true],
    ['outcome == timeout', true],
    ['last curl servedBy == null', true],
    ['any curl servedBy == pod/kubia-*', true],
    ['every curl outcome == delivered', false],
    ['last dns servedBy == pod/coredns-*', true],
    ['count curl == 6', true],
    ['count dns == 1', true],
    ['distinct curl pod == 3', true],
    ['first curl actions contains DNAT', true],
    ['first curl rules !contains KUBE-SVC', true],
    ['first curl clientIP == $CLIENT', true],
    ['first curl clientIPSeenByServer != 10.244.1.1', false],
    ['distribution curl pod ≈ 60/20/20 ±5', true],
    ['distribution curl pod ≈ 50/25/25 ±5', false],
    ['last output == "curl: (28) ...\\n"', true],
    ['last exitCode > 27', true],
  ])('%s → %s', (expr, expected) => {
    const r = check(expr, records, { CLIENT: '10.244.1.1' })
    expect(r.pass, r.reason).toBe(expected)
    expect(r.reason.length).toBeGreaterThan(10)
  })

  it('explains a failure in words', () => {
    expect(check('last curl servedBy == pod/web-*', records).reason).toBe('last curl servedBy is null (expected == "pod/web-*")')
    expect(check('distribution curl pod ≈ 50/50', records).reason).toBe('pod over 5 curl traces: kubia-a 60%, kubia-b 20%, kubia-c 20% (expected ≈ 50/50 ±5)')
  })

  it.each([
    ['', 'empty check'],
    ['servedBy', 'needs a value'],
    ['pod ~ x y z', 'unknown operator'],
    ['exitCode > abc', 'compares numbers'],
    ['distribution pod 50/50', 'needs ≈'],
    ['distribution pod ≈ 50/x', 'shares must look like'],
    ['count curl contains 3', 'needs a comparison'],
    ['output contains "unterminated', 'unterminated string'],
  ])('rejects %j (%s)', (expr, message) => {
    expect(() => parseCheck(expr)).toThrow(CheckSyntaxError)
    expect(() => parseCheck(expr)).toThrow(message)
  })
})
