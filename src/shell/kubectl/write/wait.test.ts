// kubectl wait on the simulated clock: met at once, after a readiness delay, or timed out.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'

function run(session: ShellSession, script: string): string {
  return session.runScript(script).map((r) => r.chunks.map((c) => c.text).join('')).join('')
}

describe('kubectl wait', () => {
  it('prints "condition met" per object, by name or selector; errors as kubectl does', () => {
    const s = new ShellSession({ seed: 1 })
    run(s, 'kubectl create deployment kubia --image=luksa/kubia --replicas=2')
    expect(run(s, 'kubectl wait --for=condition=Available deployment/kubia')).toBe('deployment.apps/kubia condition met\n')
    expect(run(s, 'kubectl wait --for=condition=Ready pod -l app=kubia').match(/condition met/g)).toHaveLength(2)
    expect(run(s, 'kubectl wait --for=condition=Ready pod -l app=none')).toBe('error: no matching resources found\n')
    expect(run(s, 'kubectl wait --for=condition=Ready pod/nope')).toBe('Error from server (NotFound): pods "nope" not found\n')
  })

  it('advances the clock until the condition holds, or fails after --timeout', () => {
    const s = new ShellSession({ seed: 1 })
    run(s, `kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata: {name: slow}
spec:
  containers:
  - name: main
    image: luksa/kubia
    readinessProbe: {initialDelaySeconds: 15, exec: {command: [ls, /]}}
YAML`)
    const t0 = s.cluster!.clock.now()
    const r = s.runScript('kubectl wait --for=condition=Ready pod/slow --timeout=5s')
    expect(r[0].exitCode).toBe(1)
    expect(r[0].chunks[0].text).toBe('error: timed out waiting for the condition on pods/slow\n')
    expect(run(s, 'kubectl wait --for=condition=Ready pod/slow --timeout=1m')).toBe('pod/slow condition met\n')
    expect(s.cluster!.clock.now() - t0).toBeLessThanOrEqual(16_000)
  })
})
