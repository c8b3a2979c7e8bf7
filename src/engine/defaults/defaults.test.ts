import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../api/types.ts'
import { applyDefaults, defaultPullPolicy } from './index.ts'

const objects: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { port: 80 } }, resources: { limits: { cpu: '1' } } }], volumes: [{ name: 'v' }, { name: 'cm', configMap: { name: 'x' } }] } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } } },
  { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'c', image: 'luksa/kubia' }] } } } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
  { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80 }] }] },
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'es' }, addressType: 'IPv4', ports: [{ port: 80 }] },
]

describe('defaults (SetDefaults_* of v1.32)', () => {
  it.each(objects.map((o) => [o.kind, o] as const))('%s: defaulting twice equals defaulting once, input untouched', (_k, obj) => {
    const before = JSON.stringify(obj)
    const once = applyDefaults(obj)
    expect(applyDefaults(once)).toEqual(once)
    expect(JSON.stringify(obj)).toBe(before)
  })

  it('Service', () => {
    const spec = applyDefaults(objects[0]).spec
    expect(spec).toMatchObject({
      type: 'LoadBalancer', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true,
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    })
    const plain = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: 80, targetPort: 'http' }] } }).spec
    expect(plain).toEqual({ ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }], sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster' })
  })

  it('Pod', () => {
    const spec = applyDefaults(objects[1]).spec
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30,
      securityContext: {}, enableServiceLinks: true,
    })
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
      ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }],
      readinessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      resources: { limits: { cpu: '1' }, requests: { cpu: '1' } },
    })
    expect(spec.volumes).toEqual([{ name: 'v', emptyDir: {} }, { name: 'cm', configMap: { name: 'x', defaultMode: 420 } }])
  })

  it('image pull policy follows the tag', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always')
    expect(defaultPullPolicy('nginx:latest')).toBe('Always')
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent')
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always')
    expect(defaultPullPolicy('registry.k8s.io/echoserver:1.10')).toBe('IfNotPresent')
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent')
  })

  it('Deployment, ReplicaSet, ReplicationController', () => {
    const d = applyDefaults(objects[2]).spec
    expect(d).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } })
    expect(d.template.metadata.creationTimestamp).toBeNull()
    expect(d.template.spec.restartPolicy).toBe('Always')
    expect(applyDefaults(objects[3]).spec.replicas).toBe(1)
    expect(applyDefaults(objects[3]).spec.selector).toBeUndefined()
    const rc = applyDefaults(objects[4])
    expect(rc.spec.selector).toEqual({ app: 'kubia' })
    expect(rc.metadata.labels).toEqual({ app: 'kubia' })
    expect(rc.spec.replicas).toBe(1)
  })

  it('Secret, Namespace, Endpoints, EndpointSlice', () => {
    expect(applyDefaults(objects[5]).type).toBe('Opaque')
    const ns = applyDefaults(objects[6])
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' })
    expect(ns.status).toEqual({ phase: 'Active' })
    expect((applyDefaults(objects[7]).subsets as any)[0].ports[0].protocol).toBe('TCP')
    expect((applyDefaults(objects[8]).ports as any)[0]).toEqual({ port: 80, name: '', protocol: 'TCP' })
  })
})
