// Objects shaped as the controllers write them, for describe tests.
import { T0 } from '../testing.ts'

export const kubiaPod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'kubia-5d4d7b8c9f-x2k9p', namespace: 'default', uid: 'pod-uid-1', labels: { app: 'kubia', 'pod-template-hash': '5d4d7b8c9f' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia-5d4d7b8c9f', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }] },
  spec: {
    nodeName: 'kind-worker', priority: 0, serviceAccountName: 'default',
    containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }],
      readinessProbe: { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      volumeMounts: [{ name: 'kube-api-access-7xq2d', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
    volumes: [{ name: 'kube-api-access-7xq2d', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: {} }] } }],
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running', hostIP: '172.18.0.3', podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }], startTime: T0, qosClass: 'BestEffort',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True' }, { type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' }, { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [{ name: 'kubia', image: 'docker.io/luksa/kubia:latest', imageID: 'docker.io/luksa/kubia@sha256:3f28', containerID: 'containerd://9a1b', ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2026-01-01T09:00:02Z' } } }],
  },
}

export const kubiaEvents = [
  { apiVersion: 'v1', kind: 'Event', metadata: { name: 'kubia-5d4d7b8c9f-x2k9p.1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'kubia-5d4d7b8c9f-x2k9p', namespace: 'default', uid: 'pod-uid-1' },
    type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/kubia-5d4d7b8c9f-x2k9p to kind-worker', source: { component: 'default-scheduler' }, firstTimestamp: T0, lastTimestamp: T0, count: 1 },
  { apiVersion: 'v1', kind: 'Event', metadata: { name: 'kubia-5d4d7b8c9f-x2k9p.2', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'kubia-5d4d7b8c9f-x2k9p', namespace: 'default', uid: 'pod-uid-1' },
    type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 500', source: { component: 'kubelet', host: 'kind-worker' }, firstTimestamp: '2026-01-01T09:03:00Z', lastTimestamp: '2026-01-01T09:04:50Z', count: 3 },
]

export const kubiaService = {
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia', namespace: 'default', uid: 'svc-uid' },
  spec: { type: 'NodePort', selector: { app: 'kubia' }, clusterIP: '10.96.12.7', clusterIPs: ['10.96.12.7'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
    ports: [{ port: 80, targetPort: 8080, nodePort: 30123, protocol: 'TCP' }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
  status: { loadBalancer: {} },
}

export const kubiaSlice = {
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubia-8xk2v', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubia' } },
  addressType: 'IPv4', ports: [{ name: '', port: 8080, protocol: 'TCP' }],
  endpoints: [
    { addresses: ['10.244.1.2'], conditions: { ready: true }, nodeName: 'kind-worker', targetRef: { kind: 'Pod', name: 'kubia-5d4d7b8c9f-x2k9p' } },
    { addresses: ['10.244.2.2'], conditions: { ready: true }, nodeName: 'kind-worker2', targetRef: { kind: 'Pod', name: 'kubia-5d4d7b8c9f-b7n4m' } },
    { addresses: ['10.244.2.3'], conditions: { ready: false }, nodeName: 'kind-worker2', targetRef: { kind: 'Pod', name: 'kubia-5d4d7b8c9f-q8w2c' } },
  ],
}
