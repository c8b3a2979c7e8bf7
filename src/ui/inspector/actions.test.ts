import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine/api/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { actionsFor, probeFile } from './actions.ts'

const o = (x: Record<string, unknown>) => x as unknown as KubeObject
const objects = [
  o({ kind: 'Deployment', metadata: { name: 'kubia', namespace: 'default' }, spec: { replicas: 3 } }),
  o({ kind: 'ReplicaSet', metadata: { name: 'kubia-abc', namespace: 'default', ownerReferences: [{ kind: 'Deployment', name: 'kubia' }] } }),
  o({ kind: 'Pod', metadata: { name: 'kubia-abc-12345', namespace: 'default', ownerReferences: [{ kind: 'ReplicaSet', name: 'kubia-abc' }] },
    spec: { containers: [{ name: 'kubia', readinessProbe: { exec: { command: ['ls', '/var/ready'] } } }] },
    status: { conditions: [{ type: 'Ready', status: 'False' }] } }),
  o({ kind: 'Node', metadata: { name: 'kind-worker' }, spec: {} }),
]
const snapshot = { version: 1, time: 0, seed: 1, profile: null, objects } as ClusterSnapshot

describe('failure injection actions', () => {
  it('offers pod deletion, readiness flip through the probe file and scaling its Deployment', () => {
    expect(actionsFor('Pod/default/kubia-abc-12345', snapshot).map((a) => a.command)).toEqual([
      'kubectl delete pod kubia-abc-12345',
      'kubectl exec kubia-abc-12345 -c kubia -- touch /var/ready',
      'kubectl scale deployment kubia --replicas=4',
      'kubectl scale deployment kubia --replicas=2',
    ])
  })

  it('offers cordon, drain and kill for a node', () => {
    expect(actionsFor('Node//kind-worker', snapshot).map((a) => a.command)).toEqual([
      'kubectl cordon kind-worker', 'kubectl drain kind-worker --ignore-daemonsets --delete-emptydir-data', 'docker stop kind-worker'])
  })

  it('finds the file of sh -c probes', () => {
    expect(probeFile(o({ spec: { containers: [{ name: 'c', readinessProbe: { exec: { command: ['sh', '-c', 'test -f /tmp/ok && echo'] } } }] } })))
      .toEqual({ container: 'c', path: '/tmp/ok' })
  })
})
