import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../engine/api/types.ts'
import { renderResourceTable, type TableOptions } from '../resource-table.ts'
import { NOW, storeWith, T0 } from '../testing.ts'
import { formatEndpoints } from './endpoints.ts'

const base: TableOptions = { wide: false, noHeaders: false, withNamespace: false, showKind: false, showLabels: false, labelColumns: [] }
const table = (kind: string, objects: any[], opts: Partial<TableOptions> = {}) => {
  const store = storeWith(objects as KubeObject[])
  return renderResourceTable(kind, store.list(kind), { ...base, ...opts }, { store, now: NOW, wide: false })
}

const running = (name: string, ip: string, node: string, extra: any = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'kubia' } },
  spec: { nodeName: node, containers: [{ name: 'kubia', image: 'luksa/kubia' }] },
  status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], hostIP: '172.18.0.3', conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [{ name: 'kubia', ready: true, restartCount: 0, state: { running: { startedAt: T0 } } }], ...extra },
})

describe('pod table', () => {
  it('prints READY, STATUS, RESTARTS, AGE and the wide columns', () => {
    const pending = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-pending', namespace: 'default' }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] }, status: { phase: 'Pending' } }
    expect(table('Pod', [running('kubia-7d5b8', '10.244.1.2', 'kind-worker'), pending], { wide: true })).toBe(
      'NAME            READY   STATUS    RESTARTS   AGE   IP           NODE          NOMINATED NODE   READINESS GATES\n' +
      'kubia-7d5b8     1/1     Running   0          5m    10.244.1.2   kind-worker   <none>           <none>\n' +
      'kubia-pending   0/1     Pending   0          5m    <none>       <none>        <none>           <none>\n')
  })

  it('derives STATUS from container states and shows the last restart', () => {
    const creating = running('a', '', 'kind-worker', { podIP: undefined, podIPs: undefined, phase: 'Pending', containerStatuses: [{ name: 'kubia', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] })
    const crashing = running('b', '10.244.1.3', 'kind-worker', { containerStatuses: [{ name: 'kubia', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T09:03:00Z' } } }] })
    const done = running('c', '10.244.1.4', 'kind-worker', { phase: 'Succeeded', containerStatuses: [{ name: 'kubia', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] })
    const deleting = { ...running('d', '10.244.1.5', 'kind-worker'), metadata: { name: 'd', namespace: 'default', deletionTimestamp: '2026-01-01T09:04:00Z' } }
    expect(table('Pod', [creating, crashing, done, deleting])).toBe(
      'NAME   READY   STATUS              RESTARTS     AGE\n' +
      'a      0/1     ContainerCreating   0            5m\n' +
      'b      0/1     CrashLoopBackOff    2 (2m ago)   5m\n' +
      'c      0/1     Completed           0            5m\n' +
      'd      1/1     Terminating         0            5m\n')
  })

  it('adds NAMESPACE with -A, kind prefixes for several types, LABELS with --show-labels', () => {
    expect(table('Pod', [running('kubia-1', '10.244.1.2', 'kind-worker')], { withNamespace: true, showKind: true, showLabels: true })).toBe(
      'NAMESPACE   NAME          READY   STATUS    RESTARTS   AGE   LABELS\n' +
      'default     pod/kubia-1   1/1     Running   0          5m    app=kubia\n')
  })
})

describe('service table', () => {
  const svc = (name: string, spec: any, status: any = {}) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec, status })
  it('prints types, ports, <none>, <pending>, ExternalName and headless services', () => {
    expect(table('Service', [
      svc('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }),
      svc('kubia-nodeport', { type: 'NodePort', clusterIP: '10.96.45.12', clusterIPs: ['10.96.45.12'], ports: [{ port: 80, nodePort: 30123, protocol: 'TCP' }], selector: { app: 'kubia' } }),
      svc('kubia-lb', { type: 'LoadBalancer', clusterIP: '10.96.200.3', clusterIPs: ['10.96.200.3'], ports: [{ port: 80, nodePort: 31411, protocol: 'TCP' }] }),
      svc('kubia-lb-ready', { type: 'LoadBalancer', clusterIP: '10.96.200.4', clusterIPs: ['10.96.200.4'], ports: [{ port: 80, nodePort: 31412, protocol: 'TCP' }] }, { loadBalancer: { ingress: [{ ip: '172.18.0.5' }] } }),
      svc('external', { type: 'ExternalName', externalName: 'api.example.com' }),
      svc('kubia-headless', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80, protocol: 'TCP' }] }),
    ], { wide: true })).toBe(
      'NAME             TYPE           CLUSTER-IP    EXTERNAL-IP       PORT(S)        AGE   SELECTOR\n' +
      'external         ExternalName   <none>        api.example.com   <none>         5m    <none>\n' +
      'kubernetes       ClusterIP      10.96.0.1     <none>            443/TCP        5m    <none>\n' +
      'kubia-headless   ClusterIP      None          <none>            80/TCP         5m    <none>\n' +
      'kubia-lb         LoadBalancer   10.96.200.3   <pending>         80:31411/TCP   5m    <none>\n' +
      'kubia-lb-ready   LoadBalancer   10.96.200.4   172.18.0.5        80:31412/TCP   5m    <none>\n' +
      'kubia-nodeport   NodePort       10.96.45.12   <none>            80:30123/TCP   5m    app=kubia\n')
  })
})

describe('endpoints and endpointslices', () => {
  const addr = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.244.${i + 1}.2` }))
  it('formats endpoints as upstream formatEndpoints, with + N more...', () => {
    expect(formatEndpoints({})).toBe('<none>')
    expect(formatEndpoints({ subsets: [{ addresses: addr(2), ports: [{ port: 8080 }] }] })).toBe('10.244.1.2:8080,10.244.2.2:8080')
    expect(formatEndpoints({ subsets: [{ addresses: addr(4), ports: [{ port: 8080 }] }] })).toBe('10.244.1.2:8080,10.244.2.2:8080,10.244.3.2:8080 + 1 more...')
    expect(formatEndpoints({ subsets: [{ addresses: addr(2), ports: [{ name: 'http', port: 8080 }, { name: 'https', port: 8443 }] }] }))
      .toBe('10.244.1.2:8080,10.244.2.2:8080,10.244.1.2:8443 + 1 more...')
    // Not-ready addresses are not listed.
    expect(formatEndpoints({ subsets: [{ notReadyAddresses: addr(1), ports: [{ port: 8080 }] }] })).toBe('')
  })

  it('prints both tables', () => {
    const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubia', namespace: 'default' }, subsets: [{ addresses: addr(2), ports: [{ port: 8080, protocol: 'TCP' }] }] }
    const empty = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'no-pods', namespace: 'default' } }
    expect(table('Endpoints', [ep, empty])).toBe('NAME      ENDPOINTS                         AGE\nkubia     10.244.1.2:8080,10.244.2.2:8080   5m\nno-pods   <none>                            5m\n')
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubia-x7k2p', namespace: 'default' }, addressType: 'IPv4',
      ports: [{ name: '', port: 8080, protocol: 'TCP' }], endpoints: [{ addresses: ['10.244.1.2'] }, { addresses: ['10.244.2.2'] }] }
    const none = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abcde', namespace: 'default' }, addressType: 'IPv4', endpoints: [] }
    expect(table('EndpointSlice', [slice, none])).toBe(
      'NAME          ADDRESSTYPE   PORTS     ENDPOINTS               AGE\n' +
      'kubia-x7k2p   IPv4          8080      10.244.1.2,10.244.2.2   5m\n' +
      'web-abcde     IPv4          <unset>   <unset>                 5m\n')
  })
})

describe('workload tables', () => {
  const template = { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia:v1' }] } }
  it('deployment', () => {
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template },
      status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }
    expect(table('Deployment', [d], { wide: true })).toBe('NAME    READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES           SELECTOR\nkubia   2/3     3            2           5m    kubia        luksa/kubia:v1   app=kubia\n')
  })
  it('replicaset and replicationcontroller', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'kubia-5d4d7b8c9f', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template }, status: { replicas: 3, readyReplicas: 3 } }
    expect(table('ReplicaSet', [rs])).toBe('NAME               DESIRED   CURRENT   READY   AGE\nkubia-5d4d7b8c9f   3         3         3       5m\n')
    const rc = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia', namespace: 'default' }, spec: { replicas: 2, selector: { app: 'kubia' }, template }, status: { replicas: 2 } }
    expect(table('ReplicationController', [rc], { wide: true })).toBe('NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES           SELECTOR\nkubia   2         2         0       5m    kubia        luksa/kubia:v1   app=kubia\n')
  })
})

describe('node, namespace, configmap, secret, ingress, event tables', () => {
  it('node roles and cordoned status', () => {
    const node = (name: string, labels: any, unschedulable = false) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: { unschedulable },
      status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '172.18.0.2' }], nodeInfo: { kubeletVersion: 'v1.32.2', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0-49-generic', containerRuntimeVersion: 'containerd://2.0.2' } } })
    expect(table('Node', [node('kind-control-plane', { 'node-role.kubernetes.io/control-plane': '' }), node('kind-worker', {}, true)])).toBe(
      'NAME                 STATUS                     ROLES           AGE   VERSION\n' +
      'kind-control-plane   Ready                      control-plane   5m    v1.32.2\n' +
      'kind-worker          Ready,SchedulingDisabled   <none>          5m    v1.32.2\n')
  })
  it('namespace, configmap, secret', () => {
    expect(table('Namespace', [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } }])).toBe('NAME      STATUS   AGE\ndefault   Active   5m\n')
    expect(table('ConfigMap', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginx-conf', namespace: 'default' }, data: { 'nginx.conf': 'x', other: 'y' } }])).toBe('NAME         DATA   AGE\nnginx-conf   2      5m\n')
    expect(table('Secret', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eA==' } }])).toBe('NAME   TYPE                DATA   AGE\ntls    kubernetes.io/tls   2      5m\n')
  })
  it('ingress hosts, address and TLS ports', () => {
    const ing = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'kubia', namespace: 'default' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'kubia.example.com' }, { host: 'foo.example.com' }], tls: [{ hosts: ['kubia.example.com'], secretName: 'tls' }] },
      status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } } }
    const bare = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'plain', namespace: 'default' }, spec: { rules: [{ http: { paths: [] } }] } }
    expect(table('Ingress', [ing, bare])).toBe(
      'NAME    CLASS    HOSTS                               ADDRESS     PORTS     AGE\n' +
      'kubia   nginx    kubia.example.com,foo.example.com   localhost   80, 443   5m\n' +
      'plain   <none>   *                                               80        5m\n')
  })
  it('events', () => {
    const ev = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'kubia-7d5b8.18f', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'kubia-7d5b8' },
      type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/kubia-7d5b8 to kind-worker', firstTimestamp: '2026-01-01T09:04:50Z', lastTimestamp: '2026-01-01T09:04:50Z', count: 1 }
    expect(table('Event', [ev])).toBe('LAST SEEN   TYPE     REASON      OBJECT            MESSAGE\n10s         Normal   Scheduled   pod/kubia-7d5b8   Successfully assigned default/kubia-7d5b8 to kind-worker\n')
  })
})
