import { describe, expect, it } from 'vitest'
import { JSONPathExecError, JSONPathParseError, renderJSONPath } from './jsonpath.ts'
import { renderCustomColumns, parseCustomColumns } from './custom-columns.ts'
import { sortByPath } from './sort-by.ts'

const pod = (name: string, ip: string, node: string) => ({ kind: 'Pod', metadata: { name, labels: { app: 'kubia' } }, spec: { nodeName: node }, status: { podIP: ip, phase: 'Running' } })
const list = { apiVersion: 'v1', kind: 'List', items: [pod('kubia-a', '10.244.1.2', 'kind-worker'), pod('kubia-b', '10.244.2.3', 'kind-worker2')], metadata: { resourceVersion: '' } }
const node = { kind: 'Node', metadata: { name: 'kind-worker' }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kind-worker' }] } }
const svc = { kind: 'Service', metadata: { name: 'kubia' }, spec: { ports: [{ port: 80, nodePort: 30123, protocol: 'TCP' }] } }

describe('kubectl JSONPath', () => {
  it('joins [*] results with spaces', () => {
    expect(renderJSONPath('{.items[*].metadata.name}', list)).toBe('kubia-a kubia-b')
  })
  it('indexes arrays, negative indexes count from the end', () => {
    expect(renderJSONPath('{.items[0].status.podIP}', list)).toBe('10.244.1.2')
    expect(renderJSONPath('{.items[-1].metadata.name}', list)).toBe('kubia-b')
  })
  it('prints numbers as Go does', () => {
    expect(renderJSONPath('{.spec.ports[0].nodePort}', svc)).toBe('30123')
  })
  it('filters with ?()', () => {
    expect(renderJSONPath('{.status.addresses[?(@.type=="InternalIP")].address}', node)).toBe('172.18.0.3')
    expect(renderJSONPath("{.items[?(@.spec.nodeName=='kind-worker2')].metadata.name}", list)).toBe('kubia-b')
  })
  it('ranges with literal text and escapes', () => {
    expect(renderJSONPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', list)).toBe('kubia-a\t10.244.1.2\nkubia-b\t10.244.2.3\n')
  })
  it('keeps text outside actions', () => {
    expect(renderJSONPath('name={.metadata.name} port={.spec.ports[0].port}', svc)).toBe('name=kubia port=80')
  })
  it('prints maps and lists as compact JSON', () => {
    expect(renderJSONPath('{.metadata.labels}', list.items[0])).toBe('{"app":"kubia"}')
  })
  it('finds keys at any depth with ..', () => {
    expect(renderJSONPath('{..podIP}', list)).toBe('10.244.1.2 10.244.2.3')
  })
  it('allows missing keys, as kubectl does', () => {
    expect(renderJSONPath('{.status.loadBalancer.ingress[0].ip}', svc)).toBe('')
  })
  it('slices and unions', () => {
    expect(renderJSONPath('{.items[0:1].metadata.name}', list)).toBe('kubia-a')
    expect(renderJSONPath("{.items[*]['metadata.name','status.podIP']}", list)).toBe('kubia-a kubia-b 10.244.1.2 10.244.2.3')
  })
  it('escaped dots in keys', () => {
    const o = { metadata: { labels: { 'app.kubernetes.io/name': 'web' } } }
    expect(renderJSONPath('{.metadata.labels.app\\.kubernetes\\.io/name}', o)).toBe('web')
  })
  it('jsonpath-as-json prints each action as an indented JSON array', () => {
    expect(renderJSONPath('{.items[*].metadata.name}', list, true)).toBe('[\n    "kubia-a",\n    "kubia-b"\n]\n')
  })
  it('reports parse errors as the parser words them', () => {
    expect(() => renderJSONPath('{.foo', list)).toThrow(new JSONPathParseError('unclosed action'))
    expect(() => renderJSONPath('{.items[0}', list)).toThrow(JSONPathParseError)
  })
  it('reports execution errors (index out of range, end without range)', () => {
    expect(() => renderJSONPath('{.items[5].metadata.name}', list)).toThrow(new JSONPathExecError('array index out of bounds: index 5, length 2'))
    expect(() => renderJSONPath('{end}', list)).toThrow(new JSONPathExecError('not in range, nothing to end'))
  })
})

describe('custom-columns and --sort-by', () => {
  it('prints <none> for missing values and aligns like tables', () => {
    const cols = parseCustomColumns('NAME:.metadata.name,IP:.status.podIP,HOST:.status.hostIP')
    expect(renderCustomColumns(cols, list.items, false)).toBe('NAME      IP           HOST\nkubia-a   10.244.1.2   <none>\nkubia-b   10.244.2.3   <none>\n')
  })
  it('rejects malformed specs with kubectl\'s message', () => {
    expect(() => parseCustomColumns('NAME')).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>')
  })
  it('sorts naturally on the field, objects without it first', () => {
    const objs = [{ n: 'pod10' }, { n: 'pod9' }, {}, { n: 'pod1' }]
    expect(sortByPath(objs, '.n')).toEqual([{}, { n: 'pod1' }, { n: 'pod9' }, { n: 'pod10' }])
  })
})
