// Every cluster profile boots: its system pods pass validation (minikube's storage-provisioner once had no container name).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../shell/session.ts'

describe('cluster profiles boot', () => {
  it.each([['minikube start'], ['gcloud container clusters create demo --num-nodes 2'], ['kind create cluster']])('%s', (cmd) => {
    const s = new ShellSession({ seed: 1 })
    const [r] = s.runScript(cmd)
    expect(r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')).not.toMatch(/internal error|invalid/)
    expect(r.exitCode).toBe(0)
    const pods = s.cluster!.store.list('Pod', 'kube-system')
    expect(pods.length).toBeGreaterThan(3)
    for (const p of pods) expect(p.spec.containers[0].name).toBeTruthy()
  })

  it('minikube runs a storage-provisioner pod with a container of that name', () => {
    const s = new ShellSession({ seed: 1 })
    s.runScript('minikube start')
    expect(s.cluster!.store.get('Pod', 'kube-system', 'storage-provisioner')!.spec.containers[0].name).toBe('storage-provisioner')
  })
})
