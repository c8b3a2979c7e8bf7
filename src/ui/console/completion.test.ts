import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine/api/types.ts'
import { complete, type CompletionContext } from './completion.ts'

const obj = (kind: string, name: string, namespace?: string) => ({ kind, apiVersion: 'v1', metadata: { name, namespace } }) as unknown as KubeObject
const ctx: CompletionContext = {
  vocabulary: {
    commands: ['curl', 'docker', 'kind', 'kubectl'],
    kubectlVerbs: ['delete', 'describe', 'get', 'scale'],
    resources: [{ kind: 'Pod', names: ['pods', 'pod', 'po'], namespaced: true }, { kind: 'Service', names: ['services', 'service', 'svc'], namespaced: true },
      { kind: 'Node', names: ['nodes', 'node', 'no'], namespaced: false }],
  },
  objects: [obj('Pod', 'kubia-abc-1', 'default'), obj('Pod', 'kubia-abc-2', 'default'), obj('Pod', 'coredns-x', 'kube-system'),
    obj('Service', 'kubia', 'default'), obj('Node', 'kind-worker'), obj('Node', 'kind-worker2')],
}

describe('console completion', () => {
  it('completes commands, verbs and resource types', () => {
    expect(complete('ku', 2, ctx).insert).toBe('bectl ')
    expect(complete('kubectl de', 10, ctx)).toMatchObject({ candidates: ['delete', 'describe'], insert: '' })
    expect(complete('kubectl get sv', 14, ctx).insert).toBe('c ')
  })

  it('completes object names from the snapshot, by namespace', () => {
    expect(complete('kubectl delete pod ku', 21, ctx)).toMatchObject({ candidates: ['kubia-abc-1', 'kubia-abc-2'], insert: 'bia-abc-' })
    expect(complete('kubectl -n kube-system get po c', 31, ctx).insert).toBe('oredns-x ')
    expect(complete('kubectl describe svc/k', 22, ctx).insert).toBe('ubia ')
    expect(complete('docker exec kind-w', 18, ctx).candidates).toEqual(['kind-worker', 'kind-worker2'])
  })
})
