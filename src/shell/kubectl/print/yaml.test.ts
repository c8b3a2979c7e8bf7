import { describe, expect, it } from 'vitest'
import { toYaml } from './yaml.ts'
import { toJson } from './json.ts'
import { compareKeys, scalarStyle } from './yaml-style.ts'

describe('-o yaml (sigs.k8s.io/yaml over go-yaml v2)', () => {
  it('sorts keys, does not indent sequences, quotes only what go-yaml quotes', () => {
    const svc = {
      kind: 'Service', apiVersion: 'v1',
      metadata: { name: 'kubia', namespace: 'default', creationTimestamp: '2026-01-01T09:00:00Z', resourceVersion: '812', labels: { app: 'kubia' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n' } },
      spec: { clusterIP: '10.96.12.7', ports: [{ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30123 }], selector: { app: 'kubia' }, type: 'NodePort' },
      status: { loadBalancer: {} },
    }
    expect(toYaml(svc)).toBe(`apiVersion: v1
kind: Service
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1"}
  creationTimestamp: "2026-01-01T09:00:00Z"
  labels:
    app: kubia
  name: kubia
  namespace: default
  resourceVersion: "812"
spec:
  clusterIP: 10.96.12.7
  ports:
  - nodePort: 30123
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: kubia
  type: NodePort
status:
  loadBalancer: {}
`)
  })

  it('chooses scalar styles as go-yaml does', () => {
    expect(scalarStyle('kubia')).toBe('plain')
    expect(scalarStyle('')).toBe('double')
    expect(scalarStyle('8080')).toBe('double')
    expect(scalarStyle('true')).toBe('double')
    expect(scalarStyle('yes')).toBe('double')
    expect(scalarStyle('2026-01-01')).toBe('double')
    expect(scalarStyle('*')).toBe('single')
    expect(scalarStyle('a: b')).toBe('single')
    expect(scalarStyle('line1\nline2')).toBe('literal')
    expect(scalarStyle('a\tb')).toBe('double')
  })

  it('orders keys like go-yaml (numbers inside keys compare numerically)', () => {
    expect(['port10', 'port9', 'b', 'a'].sort(compareKeys)).toEqual(['a', 'b', 'port9', 'port10'])
  })

  it('prints the List wrapper kubectl builds for several objects', () => {
    expect(toYaml({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } })).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n')
  })
})

describe('-o json (encoding/json MarshalIndent)', () => {
  it('indents by 4, sorts keys and escapes HTML characters as Go does', () => {
    expect(toJson({ b: '<none>', a: [1], c: {} })).toBe('{\n    "a": [\n        1\n    ],\n    "b": "\\u003cnone\\u003e",\n    "c": {}\n}\n')
  })
})
