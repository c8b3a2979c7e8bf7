import { describe, expect, it } from 'vitest'
import { DESCRIBERS } from './index.ts'
import { NOW, storeWith, T0 } from '../testing.ts'
import { kubiaEvents, kubiaPod, kubiaService, kubiaSlice } from './fixtures.ts'
import { defaultKindProfile } from '../../../../engine/cluster/kind-config.ts'
import { nodeObject } from '../../../../engine/cluster/system-objects.ts'
import { formatEndpointSlices } from './service.ts'

const profile = defaultKindProfile()
const store = storeWith([kubiaPod, ...kubiaEvents, kubiaService, kubiaSlice, nodeObject(profile, profile.nodes[1])] as any)
const ctx = { store, now: NOW }

describe('kubectl describe layouts (kubectl/pkg/describe)', () => {
  it('pod: containers, conditions, volumes, tolerations and folded events', async () => {
    await expect(DESCRIBERS.Pod(store.get('Pod', 'default', kubiaPod.metadata.name)!, ctx)).toMatchFileSnapshot('./__snapshots__/pod.txt')
  })

  it('service: ports, ready endpoints from the EndpointSlices, policies', async () => {
    await expect(DESCRIBERS.Service(store.get('Service', 'default', 'kubia')!, ctx)).toMatchFileSnapshot('./__snapshots__/service.txt')
  })

  it('node: lease, conditions, capacity, system info, pods and allocated resources', async () => {
    await expect(DESCRIBERS.Node(store.get('Node', undefined, 'kind-worker')!, ctx)).toMatchFileSnapshot('./__snapshots__/node.txt')
  })

  it('service Endpoints line: <none> without slices, empty when no endpoint is ready, + N more', () => {
    expect(formatEndpointSlices([], '')).toBe('<none>')
    expect(formatEndpointSlices([{ ports: [{ name: '', port: 80 }], endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: false } }] }], '')).toBe('')
    const many = { ports: [{ name: 'http', port: 80 }], endpoints: [1, 2, 3, 4, 5].map((i) => ({ addresses: [`10.0.0.${i}`], conditions: { ready: true } })) }
    expect(formatEndpointSlices([many], 'http')).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...')
  })

  it('configmap and secret', () => {
    const s = storeWith([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'nginx.conf': 'return 200 "ok";' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw', namespace: 'default' }, type: 'Opaque', data: { password: 'c2VjcmV0' } },
    ] as any)
    expect(DESCRIBERS.ConfigMap(s.get('ConfigMap', 'default', 'cfg')!, { store: s, now: NOW })).toBe(
      'Name:         cfg\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nnginx.conf:\n----\nreturn 200 "ok";\n\n\nBinaryData\n====\n\nEvents:  <none>\n')
    expect(DESCRIBERS.Secret(s.get('Secret', 'default', 'pw')!, { store: s, now: NOW })).toBe(
      'Name:         pw\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\n')
  })

  it('endpoints: subsets with addresses, not-ready addresses and ports', () => {
    const s = storeWith([{ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubia', namespace: 'default', creationTimestamp: T0 },
      subsets: [{ addresses: [{ ip: '10.244.1.2' }], notReadyAddresses: [{ ip: '10.244.2.3' }], ports: [{ port: 8080, protocol: 'TCP' }] }] }] as any)
    expect(DESCRIBERS.Endpoints(s.get('Endpoints', 'default', 'kubia')!, { store: s, now: NOW })).toBe(
      'Name:         kubia\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nSubsets:\n  Addresses:          10.244.1.2\n  NotReadyAddresses:  10.244.2.3\n' +
      '  Ports:\n    Name     Port  Protocol\n    ----     ----  --------\n    <unset>  8080  TCP\n\nEvents:  <none>\n')
  })
})
