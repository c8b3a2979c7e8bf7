// Init containers as kubectl shows them: get's STATUS (printPod's Init:N/M, PodInitializing), logs -c INIT and
// --previous (the kubelet serves init containers' logs too), podcmd's `Defaulted container "app" out of: app, wait
// (init)` note, and describe's Init Containers section.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'

const POD = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: wait
    image: busybox
    command: ['sh', '-c', 'echo waiting; sleep 60']
  containers:
  - name: app
    image: nginx
EOF`

function run(session: ShellSession, script: string) {
  return session.runScript(script).map((r) => ({
    out: r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
    err: r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
    code: r.exitCode,
  }))
}
const statusColumn = (table: string) => table.split('\n')[1].split(/\s+/)[2]

describe('kubectl and init containers', () => {
  it('get pods: Init:0/1 while the init container runs, PodInitializing while the app image is pulled, then Running', () => {
    const s = new ShellSession({ seed: 1 })
    const [, first, , second, , third, , fourth] = run(s, `${POD}\nkubectl get pods\nsleep 5\nkubectl get pods\nsleep 60\nkubectl get pods\nsleep 30\nkubectl get pods`)
    expect(first.out).toMatch(/^web +0\/1 +Init:0\/1 +0 +0s$/m)
    expect(statusColumn(second.out)).toBe('Init:0/1')
    expect(statusColumn(third.out)).toBe('PodInitializing')
    expect(fourth.out).toMatch(/^web +1\/1 +Running +0 +95s$/m)
  })

  it('logs -c INIT prints what the init container wrote; plain logs says which container it defaulted to', () => {
    const s = new ShellSession({ seed: 1 })
    const [, , init, plain] = run(s, `${POD}\nsleep 5\nkubectl logs web -c wait\nkubectl logs web`)
    expect(init).toEqual({ out: 'waiting\n', err: '', code: 0 })
    expect(plain.err).toBe('Defaulted container "app" out of: app, wait (init)\nError from server (BadRequest): container "app" in pod "web" is waiting to start: PodInitializing\n')
    expect(plain.code).toBe(1)
    const [, all] = run(s, 'sleep 90\nkubectl logs web --all-containers')
    expect(all.out.startsWith('waiting\n/docker-entrypoint.sh:')).toBe(true)
  })

  it('logs --previous of a crash-looping init container prints the instance before; get shows Init:CrashLoopBackOff', () => {
    const s = new ShellSession({ seed: 1 })
    const [, , get, current, previous] = run(s, `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  initContainers:
  - name: fail
    image: busybox
    command: ['sh', '-c', 'echo boom; exit 1']
  containers:
  - name: app
    image: nginx
EOF
sleep 30
kubectl get pods
kubectl logs crash -c fail
kubectl logs crash -c fail --previous`)
    expect(statusColumn(get.out)).toBe('Init:CrashLoopBackOff')
    expect(get.out).toMatch(/^crash +0\/1 +Init:CrashLoopBackOff +\d \(\d+s ago\) +30s$/m)
    expect(current.out).toBe('boom\n')
    expect(previous).toEqual({ out: 'boom\n', err: '', code: 0 })
  })

  it('restartPolicy Never: Init:Error and the pod Failed; describe prints the Init Containers section', () => {
    const s = new ShellSession({ seed: 1 })
    const [, , get, describe] = run(s, `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  initContainers:
  - name: fail
    image: busybox
    command: ['sh', '-c', 'exit 2']
  containers:
  - name: app
    image: nginx
EOF
sleep 10
kubectl get pods
kubectl describe pod once`)
    expect(get.out).toMatch(/^once +0\/1 +Init:Error +0 +10s$/m)
    expect(describe.out).toMatch(/^Status: +Failed$/m)
    const section = describe.out.slice(describe.out.indexOf('Init Containers:\n'), describe.out.indexOf('Containers:\n  app:'))
    expect(section).toMatch(/^Init Containers:\n {2}fail:\n {4}Container ID: +containerd:\/\/[0-9a-f]{64}\n {4}Image: +busybox\n/)
    expect(section).toMatch(/\n {4}State: +Terminated\n {6}Reason: +Error\n {6}Exit Code: +2\n/)
    expect(section).toMatch(/\n {4}Ready: +False\n {4}Restart Count: +0\n/)
    expect(describe.out).toMatch(/\n {4}State: +Waiting\n {6}Reason: +PodInitializing\n/)
  })
})
