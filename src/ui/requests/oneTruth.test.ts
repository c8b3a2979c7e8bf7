import { describe, expect, it } from 'vitest'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { isNewCluster } from './clusterIdentity.ts'
import { addRecord, requestStore, resetRequests } from './requestStore.ts'

const snap = (over: Partial<ClusterSnapshot> = {}): ClusterSnapshot => ({ version: 10, time: 100, seed: 1, objects: [],
  profile: { type: 'kind', name: 'kind', kubernetesVersion: 'v1.32.2', podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/16', loadBalancerProvider: false }, ...over })

describe('one truth on screen', () => {
  it('tells a new cluster from the same cluster moving on', () => {
    expect(isNewCluster(snap(), snap({ version: 12, time: 130 }))).toBe(false)
    expect(isNewCluster(snap(), snap({ seed: 2 }))).toBe(true)
    expect(isNewCluster(snap(), snap({ version: 3 }))).toBe(true) // a reset: the store counts from scratch
    expect(isNewCluster(snap(), snap({ profile: { ...snap().profile!, type: 'minikube', name: 'minikube' } }))).toBe(true)
    expect(isNewCluster(snap(), null)).toBe(true) // kind delete cluster
  })

  it('clears the requests, the side by side and the form when what they measured no longer holds', () => {
    addRecord([], 'curl -s http://172.18.0.3:30123', 100, 'ok')
    requestStore.setState({ compare: { status: 'done', line: 'curl', variant: 'externalTrafficPolicy', sides: [] }, formOpen: true })
    resetRequests()
    const s = requestStore.getState()
    expect([s.records.length, s.playing, s.compare, s.formOpen, s.lastSent]).toEqual([0, null, null, false, null])
  })
})
