import { describe, expect, it } from 'vitest'
import { apply, deployment, pods, testCluster, listObj } from './testing.ts'

describe('garbage-collector and namespace-controller', () => {
  it('deleting a Deployment removes its ReplicaSet and pods; node agents stay', () => {
    const c = testCluster()
    const system = listObj(c, 'Pod', 'kube-system').length
    apply(c, deployment('kubia', 2))
    c.api.delete('Deployment', 'default', 'kubia')
    c.converge()
    expect(listObj(c, 'ReplicaSet', 'default')).toHaveLength(0)
    // Background propagation: the owners go at once, the pods are Terminating until kubia's grace period ends.
    expect(pods(c).map((p) => !!p.metadata.deletionTimestamp)).toEqual([true, true])
    c.advance(31) // SIGKILL at 30 s, then the sandbox's teardown
    expect(pods(c)).toHaveLength(0)
    expect(listObj(c, 'Pod', 'kube-system')).toHaveLength(system)
  })

  it('deleting a Namespace deletes its contents', () => {
    const c = testCluster()
    apply(c, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    apply(c, { ...deployment('kubia', 2), metadata: { name: 'kubia', namespace: 'team' } })
    expect(pods(c, 'team')).toHaveLength(2)
    c.api.delete('Namespace', undefined, 'team')
    c.converge()
    expect(pods(c, 'team').every((p) => p.metadata.deletionTimestamp)).toBe(true)
    c.advance(31)
    expect(pods(c, 'team')).toHaveLength(0)
    expect(listObj(c, 'Deployment', 'team')).toHaveLength(0)
  })
})
