import { describe, expect, it } from 'vitest'
import { apply, assertIdle, deployment, events, pod, pods, service, testCluster, getObj } from './testing.ts'
import { unschedulableMessage } from './scheduler.ts'

describe('default-scheduler', () => {
  it('spreads replicas over the two workers; the tainted control plane gets none (behaviour 4)', () => {
    const c = testCluster()
    apply(c, deployment('kubia', 4))
    const nodes = pods(c).map((p) => p.spec.nodeName).sort()
    expect(nodes).toEqual(['kind-worker', 'kind-worker', 'kind-worker2', 'kind-worker2'])
    const scheduled = events(c).filter((e) => e.reason === 'Scheduled')
    expect(scheduled[0].message).toMatch(/^Successfully assigned default\/kubia-\w+-\w{5} to kind-worker2?$/)
    expect(pods(c)[0].status.conditions.find((x: any) => x.type === 'PodScheduled').status).toBe('True')
    assertIdle(c)
  })

  it('a second pod asking for the same hostPort on every worker stays Pending with v1.32 wording (behaviour 6)', () => {
    const c = testCluster()
    const hp = { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }] }
    apply(c, pod('hp1', hp), pod('hp2', hp), pod('hp3', hp))
    const p3 = getObj(c, 'Pod', 'default', 'hp3')!
    expect(p3.spec.nodeName).toBeUndefined()
    expect(p3.status.phase).toBe('Pending')
    const message = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn\'t have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.'
    expect(p3.status.conditions).toEqual([{ lastProbeTime: null, lastTransitionTime: expect.any(String), message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }])
    expect(events(c).filter((e) => e.reason === 'FailedScheduling')).toEqual([{ reason: 'FailedScheduling', message, object: 'Pod/hp3', count: 1 }])
    assertIdle(c)
    // Freeing the port schedules it, once hp1 is gone (a Terminating pod still holds its node's ports).
    c.api.delete('Pod', 'default', 'hp1')
    c.converge()
    expect(getObj(c, 'Pod', 'default', 'hp3')!.spec.nodeName).toBeUndefined()
    c.advance(1)
    expect(getObj(c, 'Pod', 'default', 'hp3')!.spec.nodeName).toBeTruthy()
  })

  it('honours nodeSelector and tolerations', () => {
    const c = testCluster()
    apply(c, pod('pinned', { nodeSelector: { 'kubernetes.io/hostname': 'kind-control-plane' }, containers: [{ name: 'c', image: 'nginx' }] }))
    expect(getObj(c, 'Pod', 'default', 'pinned')!.status.conditions[0].message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")
    apply(c, pod('tolerant', { nodeSelector: { 'kubernetes.io/hostname': 'kind-control-plane' }, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], containers: [{ name: 'c', image: 'nginx' }] }))
    expect(getObj(c, 'Pod', 'default', 'tolerant')!.spec.nodeName).toBe('kind-control-plane')
  })

  it('sorts the reason histogram as strings', () => {
    expect(unschedulableMessage(2, [{ reason: 'Too many pods', unresolvable: false }, { reason: 'Too many pods', unresolvable: false }]))
      .toBe('0/2 nodes are available: 2 Too many pods. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.')
    expect(unschedulableMessage(0, [])).toBe('no nodes available to schedule pods')
  })

  // The spreading counts are kept from the pod events: scoring each pod of a ReplicaSet walked all its pods (O(n²)).
  it('looks at each pod a bounded number of times as a Deployment grows 8×, and still spreads evenly', () => {
    const perPod = (n: number) => {
      const c = testCluster()
      const controller = (c.manager as unknown as { controllers: { name: string; podsVisited?: number }[] }).controllers.find((x) => x.name === 'default-scheduler')!
      const before = controller.podsVisited!
      apply(c, service('kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] }), deployment('kubia', n))
      const perNode = new Map<string, number>()
      for (const p of pods(c)) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1)
      expect([...perNode.values()].reduce((a, b) => a + b, 0)).toBe(n)
      expect(Math.abs((perNode.get('kind-worker') ?? 0) - (perNode.get('kind-worker2') ?? 0))).toBeLessThanOrEqual(1)
      return (controller.podsVisited! - before) / n
    }
    const small = perPod(25), big = perPod(200)
    expect(small).toBeGreaterThan(0)
    expect(big).toBeLessThan(12)
    expect(big).toBeLessThan(small * 1.5)
  }, 30000)

  it('counts a node\'s pods again after some leave: the next replicas go where fewer run', () => {
    const c = testCluster()
    apply(c, deployment('kubia', 6))
    for (const p of pods(c).filter((x) => x.spec.nodeName === 'kind-worker')) c.api.delete('Pod', 'default', p.metadata.name, { gracePeriodSeconds: 0 })
    c.converge()
    const nodes = pods(c).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.nodeName).sort()
    expect(nodes).toEqual(['kind-worker', 'kind-worker', 'kind-worker', 'kind-worker2', 'kind-worker2', 'kind-worker2'])
  })
})
