import { describe, expect, it } from 'vitest'
import { strictDecodeError } from './strict-decode.ts'

describe('strictDecodeError (server-side field validation)', () => {
  it('names unknown fields with their list indices, in document order', () => {
    expect(strictDecodeError({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', app: 'a' }, spec: { ports: [{ ports: 80, targetport: 8080 }] } }))
      .toBe('Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "metadata.app", unknown field "spec.ports[0].ports", unknown field "spec.ports[0].targetport"')
  })
  it('reports a wrong JSON type first, as Go encoding/json does', () => {
    expect(strictDecodeError({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: '3', bogus: 1 } }))
      .toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32')
    expect(strictDecodeError({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: 'http' }] } }))
      .toBe('Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32')
  })
  it('accepts valid objects, int-or-string ports and status', () => {
    expect(strictDecodeError({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', labels: { a: 'b' } }, spec: { ports: [{ port: 80, targetPort: 'http' }] }, status: {} })).toBeUndefined()
    expect(strictDecodeError({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, __proto__x: 1 })).toMatch(/unknown field "__proto__x"/)
  })
})
