// The API server lives in kind's control-plane container: with it stopped every kubectl command is refused on the
// kubeconfig's port (client-go's dial error as kubectl prints it), no controller runs, and the data plane keeps its rules.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'

function run(session: ShellSession, script: string): { out: string; code: number } {
  const records = session.runScript(script)
  return { out: records.map((r) => r.chunks.map((c) => c.text).join('')).join(''), code: records.at(-1)!.exitCode }
}

describe('docker stop kind-control-plane', () => {
  it('refuses every kubectl command on the kubeconfig port until docker start; config and version --client still work', () => {
    const s = new ShellSession({ seed: 1 })
    const server = run(s, 'kubectl cluster-info').out.match(/https:\/\/(127\.0\.0\.1:\d+)/)![1]
    expect(run(s, 'docker ps').out).toContain(`${server}->6443/tcp`)
    run(s, 'docker stop kind-control-plane')
    const refused = `The connection to the server ${server} was refused - did you specify the right host or port?\n`
    // Discovery's cached client logs its five failed attempts (memcache.go, klog's structured form) before the error.
    const memcache = new RegExp(`^E0101 09:02:\\d\\d\\.\\d{6} +\\d+ memcache\\.go:265\\] "Unhandled Error" err="couldn't get current server API group list: Get \\\\"https://${server}/api\\?timeout=32s\\\\": dial tcp ${server}: connect: connection refused"$`)
    for (const line of ['kubectl get pods', 'kubectl -n kube-system get ds', 'kubectl apply -f /dev/null', 'kubectl delete pod x']) {
      const r = run(s, line)
      expect(r.code).toBe(1)
      const lines = r.out.split('\n')
      expect(lines.slice(0, 5).every((l) => memcache.test(l))).toBe(true)
      expect(lines.slice(5).join('\n')).toBe(refused)
    }
    expect(run(s, 'kubectl version')).toEqual({ out: `Client Version: v1.32.2\nKustomize Version: v5.5.0\n${refused}`, code: 1 })
    expect(run(s, 'kubectl version --client').code).toBe(0)
    expect(run(s, 'kubectl config current-context')).toEqual({ out: 'kind-kind\n', code: 0 })
    run(s, 'docker start kind-control-plane')
    expect(run(s, 'kubectl get ns default -o name')).toEqual({ out: 'namespace/default\n', code: 0 })
    run(s, 'docker pause kind-control-plane')
    expect(run(s, 'kubectl get ns')).toEqual({ out: 'Unable to connect to the server: net/http: TLS handshake timeout\n', code: 1 })
  })

  it('no controller runs meanwhile (no worker goes NotReady, no pod is evicted) and NodePort traffic still flows', () => {
    const s = new ShellSession({ seed: 1 })
    run(s, 'kubectl create deployment kubia --image=luksa/kubia --replicas=2\nkubectl expose deployment kubia --port=80 --target-port=8080 --type=NodePort\nkubectl rollout status deployment kubia')
    const port = run(s, "kubectl get svc kubia -o jsonpath='{.spec.ports[0].nodePort}'").out
    const version = s.cluster!.store.version
    run(s, 'docker stop kind-control-plane kind-worker2\nsleep 600')
    // kind-worker2 went silent for 10 minutes, but the node lifecycle controller was down with the API server.
    expect(s.cluster!.store.version).toBe(version)
    expect(run(s, `curl -s http://172.18.0.3:${port}`).out).toMatch(/^You've hit kubia-/)
    run(s, 'docker start kind-control-plane')
    // Back: the controllers catch up (kind-worker2 is still stopped, so it goes NotReady after its grace period).
    run(s, 'sleep 60')
    expect(run(s, 'kubectl get node kind-worker2 --no-headers').out).toMatch(/NotReady/)
  })
})
