// kubectl get -w and logs -f: the table, then a row per change (kubectl/pkg/cmd/get/get.go watch, with
// cli-runtime's remembered column widths), log lines as they are written (kubectl/pkg/cmd/logs), the end rule
// of read/follow.ts in a script, and the same commands started with `&` printing during later commands.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'
import { QUIET_SECONDS, requestTimeoutSeconds } from './follow.ts'

function records(session: ShellSession, script: string) {
  return session.runScript(script).map((r) => ({ text: r.chunks.map((c) => c.text).join(''), code: r.exitCode }))
}

describe('kubectl get -w', () => {
  it('prints the list, then one row per change without the header, aligned to the widest cell so far; ends as interrupted once quiet', () => {
    const s = new ShellSession({ seed: 1 })
    const before = s.cluster!.clock.now()
    const [, watch] = records(s, 'kubectl create deployment kubia --image=luksa/kubia --replicas=2\nkubectl get pods -w')
    const lines = watch.text.split('\n').filter(Boolean)
    expect(lines[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/)
    expect(lines.slice(1, 3).every((l) => / 0\/1 +ContainerCreating +0 +0s$/.test(l))).toBe(true)
    // Later rows: Running, padded to the width ContainerCreating gave the STATUS column.
    expect(lines.slice(3)).toHaveLength(2)
    for (const l of lines.slice(3)) expect(l).toMatch(/^kubia-\S+ {3}1\/1 {5}Running {13}0 {10}\d+s$/)
    expect(lines.filter((l) => l.startsWith('NAME'))).toHaveLength(1)
    expect(watch.code).toBe(130)
    expect(s.cluster!.clock.now() - before).toBeGreaterThanOrEqual(QUIET_SECONDS)
  })

  it('with --request-timeout it runs until the timeout, past a quiet spell: a deleted kubia is killed after 30 s', () => {
    const s = new ShellSession({ seed: 1 })
    records(s, 'kubectl run kubia --image=luksa/kubia\nkubectl wait --for=condition=Ready pod/kubia\nkubectl delete pod kubia --wait=false')
    const before = s.cluster!.clock.now()
    const [watch] = records(s, 'kubectl get pods -w --request-timeout=40s')
    // Marked, then SIGKILLed at 30 s and reported (Failed, 137), then deleted: the watch sees all three.
    expect(watch.text.split('\n').filter(Boolean).slice(1).map((l) => l.split(/\s+/).slice(1, 3).join(' '))).toEqual(['1/1 Terminating', '0/1 Error', '0/1 Error'])
    expect(watch.code).toBe(0)
    expect(s.cluster!.clock.now() - before).toBeCloseTo(40, 3)
  })

  it('--watch-only skips the list; --request-timeout ends it with status 0; one type only', () => {
    const s = new ShellSession({ seed: 1 })
    const [, , watchOnly, twoTypes] = records(s, 'kubectl create deployment web --image=nginx\nkubectl wait --for=condition=Available deploy/web\n' +
      'kubectl get pods --watch-only --request-timeout=5s\nkubectl get pods,svc -w')
    expect(watchOnly).toEqual({ text: '', code: 0 })
    expect(twoTypes).toEqual({ text: 'error: you may only specify a single resource type\n', code: 1 })
  })

  it('started with &, prints each change during the command that causes it', () => {
    const s = new ShellSession({ seed: 1 })
    const [watch, run] = records(s, 'kubectl get pods -w &\nkubectl run web --image=nginx')
    expect(watch).toEqual({ text: '', code: 0 })
    expect(run.text).toContain('pod/web created\n')
    // The watch began empty: its header comes with the first row.
    expect(run.text).toMatch(/^NAME {3}READY {3}STATUS {4}RESTARTS {3}AGE\nweb {4}0\/1 {5}Pending {3}0 {10}0s$/m)
  })
})

describe('kubectl logs -f', () => {
  it('started with &, prints nginx\'s access-log line as each request reaches the pod, prefixed with --prefix', () => {
    const s = new ShellSession({ seed: 1 })
    const out = records(s, 'kubectl run web --image=nginx --port=80\nkubectl wait --for=condition=Ready pod/web\nkubectl logs web -f --tail=0 --prefix &\n' +
      'IP=$(kubectl get pod web -o jsonpath={.status.podIP})\ndocker exec kind-worker curl -s -o /dev/null $IP\ndocker exec kind-worker curl -s -o /dev/null $IP')
    expect(out[2]).toEqual({ text: '', code: 0 })
    const lines = out.slice(4).map((r) => r.text)
    for (const l of lines) expect(l).toMatch(/^\[pod\/web\/web\] \S+ - - \[01\/Jan\/2026:09:\d\d:\d\d \+0000\] "GET \/ HTTP\/1.1" 200 615 "-" "curl\/[\d.]+" "-"\n$/)
  })

  it('in the foreground, prints what is there and follows until quiet; a selector defaults to the last 10 lines', () => {
    const s = new ShellSession({ seed: 1 })
    const out = records(s, 'kubectl create deployment web --image=nginx --replicas=2\nkubectl wait --for=condition=Available deploy/web\n' +
      'kubectl logs -l app=web -f\nkubectl logs -l app=web -f --max-log-requests=1')
    expect(out[2].code).toBe(130)
    expect(out[2].text.split('\n').filter(Boolean)).toHaveLength(20)
    expect(out[3]).toEqual({ text: 'error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n', code: 1 })
  })
})

describe('--request-timeout and --since durations', () => {
  it('reads seconds and Go durations', () => {
    expect([requestTimeoutSeconds('10'), requestTimeoutSeconds('1m30s'), requestTimeoutSeconds('0'), requestTimeoutSeconds('bad')]).toEqual([10, 90, undefined, undefined])
  })
})

describe('kubectl logs of a pod with two containers', () => {
  it('defaults to the first container and says so on stderr (podcmd.FindOrDefaultContainerByName); --all-containers --prefix names each', () => {
    const s = new ShellSession({ seed: 1 })
    s.runScript(`kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: nginx
  - name: b
    image: busybox
    command: ["sh", "-c", "echo hi from b; sleep 3600"]
YAML
kubectl wait --for=condition=Ready pod/two`)
    const [plain] = s.runScript('kubectl logs two')
    expect(plain.chunks[0]).toEqual({ stream: 'stderr', text: 'Defaulted container "a" out of: a, b\n' })
    const [all] = s.runScript('kubectl logs two --all-containers --prefix --tail=1')
    expect(all.chunks.map((c) => c.text).join('')).toMatch(/^\[pod\/two\/a\] .*start worker process \d+\n\[pod\/two\/b\] hi from b\n$/)
  })
})
