// Graceful pod deletion end to end: the API server's pod strategy (pkg/registry/core/pod/strategy.go
// CheckGracefulDelete), the kubelet's kill (kuberuntime_container.go killContainer: SIGTERM, SIGKILL after the
// grace period), kubectl delete's flags and wait (kubectl/pkg/cmd/delete/delete.go Complete, Validate, DeleteResult).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'

function run(session: ShellSession, script: string): string {
  return session.runScript(script).map((r) => r.chunks.map((c) => c.text).join('')).join('')
}

function setup(): ShellSession {
  const s = new ShellSession({ seed: 1 })
  run(s, `kubectl run web --image=nginx
kubectl run sleeper --image=busybox -- sleep 3600
kubectl run kubia --image=luksa/kubia --labels=app=kubia
kubectl expose pod kubia --port=80 --target-port=8080
kubectl wait --for=condition=Ready pod --all`)
  return s
}

const elapsed = (s: ShellSession, script: string) => {
  const t0 = s.cluster!.clock.now()
  const out = run(s, script)
  return { out, seconds: s.cluster!.clock.now() - t0 }
}

describe('kubectl delete pod (graceful)', () => {
  it('waits for the pod to be gone: 0.6 s for nginx (it handles SIGTERM; then the sandbox is torn down), 30.6 s for sleep as PID 1', () => {
    const s = setup()
    const web = elapsed(s, 'kubectl delete pod web')
    expect(web.out).toBe('pod "web" deleted\n')
    expect(web.seconds).toBeCloseTo(0.6, 3)
    const slept = elapsed(s, 'kubectl delete pod sleeper')
    expect(slept.out).toBe('pod "sleeper" deleted\n')
    expect(slept.seconds).toBeCloseTo(30.6, 3)
    expect(run(s, 'kubectl get pods -o name')).toBe('pod/kubia\n')
  })

  it('--wait=false returns at once: the pod is Terminating, out of the Endpoints, ready=false serving=true terminating=true in its slice', () => {
    const s = setup()
    expect(elapsed(s, 'kubectl delete pod kubia --wait=false').seconds).toBe(0)
    expect(run(s, 'kubectl get pod kubia --no-headers')).toMatch(/^kubia\s+1\/1\s+Terminating\s+0\s/)
    const pod = s.cluster!.store.get('Pod', 'default', 'kubia')!
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(run(s, 'kubectl get endpoints kubia --no-headers')).toMatch(/^kubia\s+<none>\s/)
    expect(run(s, "kubectl get endpointslices -l kubernetes.io/service-name=kubia -o jsonpath='{.items[0].endpoints[0].conditions}'"))
      .toBe('{"ready":false,"serving":true,"terminating":true}')
    expect(run(s, 'kubectl describe pod kubia')).toMatch(/Normal {2}Killing .* Stopping container kubia/)
    run(s, 'sleep 30')
    expect(run(s, 'kubectl get pods -o name')).toContain('pod/kubia') // SIGKILL at 30 s, the sandbox's teardown after it
    run(s, 'sleep 1')
    expect(run(s, 'kubectl get pods -o name')).not.toContain('pod/kubia')
  })

  it('reports the stopped containers before the pod goes: 0/1 Completed for nginx, 0/1 Error (137, Failed) for kubia', () => {
    const s = setup()
    run(s, 'kubectl delete pod web --wait=false')
    expect(run(s, 'kubectl get pod web --no-headers')).toMatch(/^web\s+1\/1\s+Terminating\s/)
    run(s, 'sleep 0.4')
    // Since 1.27 the kubelet gives a deleted pod a terminal phase once its containers stopped; kubectl then shows it.
    expect(run(s, 'kubectl get pod web --no-headers')).toMatch(/^web\s+0\/1\s+Completed\s/)
    expect(run(s, "kubectl get pod web -o jsonpath='{.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}'")).toBe('Succeeded 0')
    run(s, 'sleep 0.3')
    expect(run(s, 'kubectl get pods -o name')).not.toContain('pod/web')
    run(s, 'kubectl delete pod kubia --wait=false')
    run(s, 'sleep 30.4')
    expect(run(s, 'kubectl get pod kubia --no-headers')).toMatch(/^kubia\s+0\/1\s+Error\s/)
    expect(run(s, "kubectl get pod kubia -o jsonpath='{.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}'")).toBe('Failed 137')
    // A terminal pod is no endpoint at all (not even a terminating one).
    const slice = run(s, "kubectl get endpointslices -l kubernetes.io/service-name=kubia -o jsonpath='{.items[0].endpoints}'")
    expect(slice).not.toContain('terminating')
    expect(slice).not.toContain(s.cluster!.store.get('Pod', 'default', 'kubia')!.status!.podIP as string)
  })

  it('a second delete may only shorten the grace period; --now is 1 s (and the teardown); --force prints the warning and removes at once', () => {
    const s = setup()
    run(s, 'kubectl delete pod kubia --wait=false')
    expect(elapsed(s, 'kubectl delete pod kubia --grace-period=60').seconds).toBeCloseTo(30.6, 3)
    run(s, 'kubectl delete pod sleeper --wait=false')
    expect(elapsed(s, 'kubectl delete pod sleeper --now').seconds).toBeCloseTo(1.6, 3)
    run(s, 'kubectl run sleeper2 --image=busybox -- sleep 3600')
    const forced = s.runScript('kubectl delete pod sleeper2 --grace-period=0 --force')[0]
    expect(forced.chunks.map((c) => c.text).join('')).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "sleeper2" force deleted\n')
    expect(s.cluster!.store.get('Pod', 'default', 'sleeper2')).toBeUndefined()
  })

  it('rejects what kubectl rejects; --grace-period=0 without --force means 1', () => {
    const s = setup()
    expect(run(s, 'kubectl delete pod sleeper --force --grace-period=5')).toBe('error: --force and --grace-period greater than 0 cannot be specified together\n')
    expect(run(s, 'kubectl delete pod sleeper --now --grace-period=5')).toBe('error: --now and --grace-period cannot be specified together\n')
    expect(elapsed(s, 'kubectl delete pod sleeper --grace-period=0').seconds).toBeCloseTo(1.6, 3)
  })

  it('a pod on a stopped node stays Terminating; --timeout ends the wait with the error kubectl prints', () => {
    const s = setup()
    const node = s.cluster!.store.get('Pod', 'default', 'sleeper')!.spec!.nodeName as string
    run(s, `docker stop ${node}`)
    const r = s.runScript('kubectl delete pod sleeper --timeout=45s')[0]
    expect(r.exitCode).toBe(1)
    expect(r.chunks.map((c) => c.text).join('')).toBe('pod "sleeper" deleted\nerror: timed out waiting for the condition on pods/sleeper\n')
    expect(run(s, 'kubectl get pod sleeper --no-headers')).toMatch(/Terminating/)
  })
})
