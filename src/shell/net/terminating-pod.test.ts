// A Terminating pod is out of the endpoints, but its processes run until they exit on SIGTERM or the grace
// period's SIGKILL (kuberuntime_container.go killContainer): a direct pod-IP connection still reaches a process
// that ignores SIGTERM, and is refused by a pod whose server did exit. A pod still pulling its image refuses.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'

function run(session: ShellSession, script: string): { out: string; outcomes: string[] } {
  const records = session.runScript(script)
  return { out: records.map((r) => r.chunks.map((c) => c.text).join('')).join(''), outcomes: records.flatMap((r) => (r.traces as { outcome: string }[]).map((t) => t.outcome)) }
}

describe('requests to pods that are not (or no longer) Running', () => {
  const s = new ShellSession({ seed: 1 })
  run(s, `kubectl run kubia --image=luksa/kubia --labels=app=kubia
kubectl run client --image=curlimages/curl --command -- sleep 3600
kubectl run web --image=nginx
kubectl wait --for=condition=Ready pod --all`)
  const ip = (name: string) => s.cluster!.store.get('Pod', 'default', name)!.status!.podIP as string
  const kubia = ip('kubia')
  const web = ip('web')

  it('a pod still creating its container refuses on its IP (nothing listens yet)', () => {
    const t = new ShellSession({ seed: 1 })
    run(t, 'kubectl run client --image=busybox --command -- sleep 3600\nkubectl wait --for=condition=Ready pod/client\nkubectl run fresh --image=luksa/kubia:v2')
    const fresh = t.cluster!.store.get('Pod', 'default', 'fresh')!
    expect(run(t, 'kubectl get pod fresh --no-headers').out).toMatch(/ContainerCreating/)
    // The API shows no IP while the image is pulled (the kubelet reports the sandbox on its next sync); the sandbox has one.
    expect(fresh.status!.podIP).toBeUndefined()
    const r = run(t, `kubectl exec client -- wget -q -O- -T 2 http://${t.cluster!.runtime.podByName('default', 'fresh')!.podIP}:8080`)
    expect(r.outcomes).toEqual(['refused'])
  })

  it('a Terminating kubia (PID 1 ignores SIGTERM) still answers on its IP; nginx (exits on SIGTERM) stops answering at once', () => {
    run(s, 'kubectl delete pod kubia --wait=false')
    expect(run(s, 'kubectl get pod kubia --no-headers').out).toMatch(/Terminating/)
    const direct = run(s, `kubectl exec client -- curl -s -m 2 http://${kubia}:8080`)
    expect(direct.out).toBe("You've hit kubia\n")
    expect(direct.outcomes).toEqual(['delivered'])
    run(s, 'kubectl delete pod web --wait=false')
    expect(run(s, `kubectl exec client -- curl -s -m 2 http://${web}`).outcomes).not.toEqual(['delivered'])
    run(s, 'sleep 31') // kubia's SIGKILL at 30 s, then the sandbox's teardown
    expect(run(s, 'kubectl get pods -o name').out).toBe('pod/client\n')
    expect(run(s, `kubectl exec client -- curl -s -m 2 http://${kubia}:8080`).outcomes).not.toEqual(['delivered'])
  })
})
