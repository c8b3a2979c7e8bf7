// A node dies and comes back: `docker stop|start` on a kind node, the node lifecycle controller's NotReady after the
// grace period, endpoints without the dead node's pods, taint-based eviction after 300 s, and the node's return.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from './test-helpers.ts'
import type { Trace } from '../../engine/trace/types.ts'

const SETUP = `kubectl create deployment web --image=luksa/kubia --replicas=4 --port=8080
kubectl expose deployment web --type=NodePort --port=80 --target-port=8080 --name=web
kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
`

function podsOn(session: ShellSession, node: string) {
  return session.cluster!.store.list('Pod', 'default').filter((p: any) => p.spec.nodeName === node) as any[]
}

function nodeObj(session: ShellSession, name: string): any {
  return session.cluster!.store.get('Node', undefined, name)
}

const readyOf = (o: any) => o.status.conditions.find((c: any) => c.type === 'Ready')

describe('docker stop/start of a kind node', () => {
  it('goes NotReady after the grace period, leaves the endpoints, is evicted after 300 s and comes back', () => {
    const s = new ShellSession({ seed: 1 })
    run(s, SETUP)
    const before = podsOn(s, 'kind-worker').map((p) => p.metadata.name)
    expect(before).toHaveLength(2)
    expect(podsOn(s, 'kind-worker2')).toHaveLength(2)

    const stop = run(s, 'docker stop kind-worker')
    expect(stop.text).toBe('$ docker stop kind-worker\nkind-worker\n')
    expect(stop.last.exitCode).toBe(0)
    // Right away nothing has noticed: the controller waits for the grace period.
    expect(run(s, 'kubectl get nodes kind-worker').text).toContain('kind-worker   Ready    <none>')
    expect(run(s, 'docker ps').text).not.toContain('kind-worker\n')
    expect(run(s, 'docker ps -a').text).toMatch(/Exited \(137\) Less than a second ago +kind-worker\n/)
    expect(run(s, 'sleep 40\nkubectl get nodes kind-worker').text).toContain('kind-worker   Ready    <none>')

    // 50 s after the last lease renewal, at the next 5 s monitor tick.
    const notReady = run(s, 'sleep 20\nkubectl get nodes kind-worker')
    expect(notReady.text).toContain('kind-worker   NotReady   <none>')
    const node = nodeObj(s, 'kind-worker')
    expect(readyOf(node)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' })
    expect(node.spec.taints.map((t: any) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule'])
    for (const p of podsOn(s, 'kind-worker')) expect(readyOf(p).status).toBe('False')
    const ep: any = s.cluster!.store.get('Endpoints', 'default', 'web')
    const workerIPs = podsOn(s, 'kind-worker').map((p) => p.status.podIP)
    expect(ep.subsets[0].addresses.map((a: any) => a.nodeName)).toEqual(['kind-worker2', 'kind-worker2'])
    expect(ep.subsets[0].notReadyAddresses.map((a: any) => a.ip).sort()).toEqual(workerIPs.sort())
    const events = run(s, 'kubectl get events --field-selector involvedObject.kind=Node').text
    // How long ago depends on where the lease renewals fell (the pods took their pull time to start).
    expect(events).toMatch(/\n\d+s +Normal +NodeNotReady +node\/kind-worker +Node kind-worker status is now: NodeNotReady\n/)

    // Through the surviving node's NodePort, only its own pods answer; the dead node's IP does not answer at all.
    const curls = run(s, 'for i in $(seq 1 8); do curl -s http://172.18.0.4:$PORT; done')
    const served = new Set(curls.traces.map((t: Trace) => t.servedBy))
    expect([...served].sort()).toEqual(podsOn(s, 'kind-worker2').map((p) => `pod/${p.metadata.name}`).sort())
    const exec = run(s, `kubectl exec ${before[0]} -- hostname`)
    expect(exec.text).toBe(`$ kubectl exec ${before[0]} -- hostname\nError from server: error dialing backend: dial tcp 172.18.0.3:10250: connect: no route to host\n`)
    expect(run(s, `kubectl logs ${before[0]}`).text).toContain(`Error from server: Get "https://172.18.0.3:10250/containerLogs/default/${before[0]}/kubia": dial tcp 172.18.0.3:10250: connect: no route to host\n`)
    const dead = run(s, 'curl -s -m 3 http://172.18.0.3:$PORT')
    expect(dead.last.exitCode).toBe(28)
    expect(dead.traces[0].outcome).toBe('timeout')

    // tolerationSeconds 300 (DefaultTolerationSeconds) after the taint: evicted, replaced on kind-worker2.
    run(s, 'sleep 300')
    const evicted = podsOn(s, 'kind-worker')
    expect(evicted.map((p) => p.metadata.name).sort()).toEqual([...before].sort())
    for (const p of evicted) {
      expect(p.metadata.deletionTimestamp).toBeDefined()
      expect(p.status.conditions.find((c: any) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' })
    }
    const listing = run(s, 'kubectl get pods').text
    for (const name of before) expect(listing).toMatch(new RegExp(`${name} +1/1 +Terminating`))
    expect(podsOn(s, 'kind-worker2').filter((p) => !p.metadata.deletionTimestamp && readyOf(p).status === 'True')).toHaveLength(4)
    expect(run(s, `kubectl get events --field-selector involvedObject.name=${before[0]}`).text)
      .toMatch(new RegExp(`TaintManagerEviction +pod/${before[0]} +Marking for deletion Pod default/${before[0]}`))

    // The node comes back: the kubelet posts Ready, the taints go, the evicted pods are finished, agents restart.
    const start = run(s, 'docker start kind-worker')
    expect(start.text).toBe('$ docker start kind-worker\nkind-worker\n')
    expect(run(s, 'kubectl get nodes kind-worker').text).toContain('kind-worker   Ready    <none>')
    expect(nodeObj(s, 'kind-worker').spec.taints).toBeUndefined()
    expect(podsOn(s, 'kind-worker')).toHaveLength(0)
    const proxy = s.cluster!.store.list('Pod', 'kube-system').find((p: any) => p.spec.nodeName === 'kind-worker' && p.metadata.name.startsWith('kube-proxy')) as any
    expect(proxy.status.containerStatuses[0]).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 255, reason: 'Unknown' } } })
    const nodeEvents = run(s, 'kubectl describe node kind-worker').text
    expect(nodeEvents).toMatch(/Starting +0s +kubelet +Starting kubelet\./)
    expect(nodeEvents).toMatch(/NodeReady +0s +kubelet +Node kind-worker status is now: NodeReady/)
  })

  it('is deterministic for a seed', () => {
    const script = `${SETUP}docker stop kind-worker\nsleep 60\nkubectl get pods -o wide\nsleep 300\nkubectl get pods -o wide\ndocker start kind-worker\nkubectl get pods -A\nkubectl get events`
    expect(run(new ShellSession({ seed: 7 }), script).text).toBe(run(new ShellSession({ seed: 7 }), script).text)
  })

  it('prints docker errors for unknown, stopped and paused containers', () => {
    const s = new ShellSession({ seed: 1 })
    const unknown = run(s, 'docker stop x')
    expect(unknown.text).toBe('$ docker stop x\nError response from daemon: No such container: x\n')
    expect(unknown.last.exitCode).toBe(1)
    expect(run(s, 'docker start x').text).toBe('$ docker start x\nError response from daemon: No such container: x\nError: failed to start containers: x\n')
    run(s, 'docker kill kind-worker2')
    const again = run(s, 'docker kill kind-worker2')
    expect(again.text).toMatch(/^\$ docker kill kind-worker2\nError response from daemon: cannot kill container: kind-worker2: container 3f2a9e3da022[0-9a-f]{52} is not running\n$/)
    expect(run(s, 'docker exec kind-worker2 iptables-save').text).toMatch(/container 3f2a9e3da022[0-9a-f]{52} is not running\n$/)
    expect(run(s, 'docker pause kind-worker').text).toBe('$ docker pause kind-worker\nkind-worker\n')
    expect(run(s, 'docker ps').text).toMatch(/Up 5 minutes \(Paused\) +kind-worker\n/)
    expect(run(s, 'docker exec kind-worker conntrack -L').text).toMatch(/is paused, unpause the container before exec\n$/)
    expect(run(s, 'docker start kind-worker').text).toContain('Error response from daemon: cannot start a paused container, try unpause instead\n')
    expect(run(s, 'docker unpause kind-worker').text).toBe('$ docker unpause kind-worker\nkind-worker\n')
  })
})
