import { describe, expect, it } from 'vitest'
import { threeWayMerge } from './three-way-merge.ts'
import { applyStrategicPatch } from './strategic-patch.ts'
import { applyMergePatch } from './json-merge-patch.ts'
import { applyJsonPatch } from './json-patch.ts'
import type { JsonObject } from './json-value.ts'

const svcFile = (extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' },
  spec: { type: 'NodePort', selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080, ...extra }] },
})
const svcLive: JsonObject = {
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia', uid: 'u1', resourceVersion: '7' },
  spec: { type: 'NodePort', selector: { app: 'kubia' }, clusterIP: '10.96.12.7', clusterIPs: ['10.96.12.7'], sessionAffinity: 'None',
    ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 31234 }] },
}

describe('threeWayMerge (kubectl apply)', () => {
  it('keeps the allocated nodePort and clusterIP when the file never set them', () => {
    const { result, changed } = threeWayMerge(svcFile(), svcFile(), svcLive)
    expect(changed).toBe(false)
    expect((result.spec as JsonObject).clusterIP).toBe('10.96.12.7')
    expect(((result.spec as JsonObject).ports as JsonObject[])[0].nodePort).toBe(31234)
  })

  it('removes a field the file dropped since the last apply', () => {
    const original = svcFile({ nodePort: 30080 })
    const live = { ...svcLive, spec: { ...(svcLive.spec as JsonObject), ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }] } }
    const { result, changed } = threeWayMerge(original, svcFile(), live)
    expect(changed).toBe(true)
    expect(((result.spec as JsonObject).ports as JsonObject[])[0]).toEqual({ port: 80, targetPort: 8080, protocol: 'TCP' })
  })

  it('resets replicas to the file after kubectl scale, and keeps a scaled count when the file has none', () => {
    const file: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia' }, spec: { replicas: 3 } }
    const live: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia' }, spec: { replicas: 5, revisionHistoryLimit: 10 } }
    expect(threeWayMerge(file, file, live).result.spec).toEqual({ replicas: 3, revisionHistoryLimit: 10 })
    const noReplicas: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia' }, spec: {} }
    expect(threeWayMerge(noReplicas, noReplicas, live)).toEqual({ result: live, changed: false })
  })

  it('merges containers by name, ports by containerPort and env by name', () => {
    const tmpl = (containers: JsonObject[]): JsonObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers } } } })
    const original = tmpl([{ name: 'web', image: 'nginx:1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }])
    const modified = tmpl([{ name: 'web', image: 'nginx:2', env: [{ name: 'A', value: '1' }] }])
    const current = tmpl([
      { name: 'web', image: 'nginx:1', imagePullPolicy: 'IfNotPresent', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: 'live' }] },
      { name: 'sidecar', image: 'envoy' },
    ])
    const { result } = threeWayMerge(original, modified, current)
    const containers = ((result.spec as JsonObject).template as JsonObject).spec as JsonObject
    expect(containers.containers).toEqual([
      { name: 'web', image: 'nginx:2', imagePullPolicy: 'IfNotPresent', env: [{ name: 'A', value: '1' }, { name: 'C', value: 'live' }] },
      { name: 'sidecar', image: 'envoy' },
    ])
  })

  it('replaces lists without a merge key (tolerations) and honours retainKeys (deployment strategy)', () => {
    const d = (spec: JsonObject): JsonObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec })
    const current = d({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template: { spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } } })
    const modified = d({ strategy: { type: 'Recreate' }, template: { spec: { tolerations: [{ key: 'c' }] } } })
    expect(threeWayMerge(undefined, modified, current).result.spec).toEqual({ strategy: { type: 'Recreate' }, template: { spec: { tolerations: [{ key: 'c' }] } } })
  })
})

describe('kubectl patch', () => {
  const deploy: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', labels: { app: 'd' } },
    spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } } }
  it('strategic: merges containers by name, null deletes, $patch: delete removes an item', () => {
    const out = applyStrategicPatch(deploy, { metadata: { labels: { app: null, tier: 'web' } }, spec: { template: { spec: { containers: [{ name: 'b', image: 'z' }, { name: 'a', $patch: 'delete' }] } } } })
    expect(out.metadata).toEqual({ name: 'd', labels: { tier: 'web' } })
    expect((((out.spec as JsonObject).template as JsonObject).spec as JsonObject).containers).toEqual([{ name: 'b', image: 'z' }])
  })
  it('merge: replaces lists whole', () => {
    const out = applyMergePatch(deploy, { spec: { template: { spec: { containers: [{ name: 'c' }] } } } }) as JsonObject
    expect((((out.spec as JsonObject).template as JsonObject).spec as JsonObject).containers).toEqual([{ name: 'c' }])
  })
  it('json: applies RFC 6902 operations and reports a missing path', () => {
    const out = applyJsonPatch(deploy, [{ op: 'replace', path: '/spec/replicas', value: 3 }, { op: 'add', path: '/metadata/labels/x', value: 'y' }]) as JsonObject
    expect((out.spec as JsonObject).replicas).toBe(3)
    expect(() => applyJsonPatch(deploy, [{ op: 'remove', path: '/spec/nope' }])).toThrow('Unable to remove nonexistent key: nope: missing value')
  })
})
