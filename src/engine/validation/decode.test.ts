// The decoder's messages name the Go struct, the field path and the strict path of the first problem; the walk keeps
// those paths as stacks (no path built per field), so these pin them for nested lists, maps and structs.
import { describe, expect, it } from 'vitest'
import { decodeError } from './decode.ts'

describe('decodeError', () => {
  it.each([
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c' }, { name: 'd', ports: [{ containerPort: 'x' }] }] } },
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', foo: 1, ports: [{ bar: 2 }] }], baz: { q: 1 } }, top: 1 },
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].foo", unknown field "spec.containers[0].ports[0].bar", unknown field "spec.baz", unknown field "top"'],
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }, { containerPort: true }] }] } } } },
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32'],
    [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { ports: [{ port: 'http', targetPort: {} }], selector: 'x' } },
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'],
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { x: 1 } }, data: { a: 1 } },
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: 'x' } },
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container'],
  ])('words the first problem with its struct and paths (%#)', (obj, message) => {
    expect(decodeError(obj as Record<string, unknown>)).toBe(message)
  })
})
