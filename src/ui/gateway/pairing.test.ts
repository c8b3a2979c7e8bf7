import { describe, expect, it } from 'vitest'
import type { Trace, TraceHop } from '../../engine/trace/types.ts'
import { entranceOf, pairRequests, requestKey } from './pairing.ts'

const hop = (component: string): TraceHop => ({ at: 'x', component, action: 'route', src: '', dst: '', srcAfter: '', dstAfter: '', rule: null, note: '' })
const trace = (to: string, ...components: string[]): Trace => ({ from: 'host', to, outcome: 'delivered', servedBy: 'pod/a', clientIPSeenByServer: null, hops: components.map(hop) })

describe('Ingress/Gateway request pairing', () => {
  it('reads the entrance from the hops', () => {
    expect(entranceOf(trace('http://localhost/', 'client', 'ingress-controller', 'pod'))).toBe('ingress')
    expect(entranceOf(trace('http://172.18.0.5/', 'client', 'gateway', 'kube-proxy'))).toBe('gateway')
    expect(entranceOf(trace('http://172.18.0.5/', 'client', 'kube-proxy'))).toBeUndefined()
  })

  it('keys a request by its Host header, else the URL host, and its path', () => {
    expect(requestKey("curl -s -H 'Host: Kubia.example.com' http://localhost/bar?x=1", trace('http://localhost/bar?x=1'))).toBe('kubia.example.com/bar')
    expect(requestKey('curl -s http://foo.example.com:8080/', trace('http://foo.example.com:8080/'))).toBe('foo.example.com/')
  })

  it('pairs the latest request through each entrance for the same host and path', () => {
    const a = { key: 'k/', entrance: 'ingress' as const, line: 'one', trace: trace('http://localhost/') }
    const b = { key: 'k/', entrance: 'gateway' as const, line: 'two', trace: trace('http://gw/') }
    const c = { key: 'k/', entrance: 'ingress' as const, line: 'three', trace: trace('http://localhost/') }
    const d = { key: 'other/', entrance: 'gateway' as const, line: 'four', trace: trace('http://gw/') }
    const pairs = pairRequests([a, b, c, d])
    expect(pairs.map((p) => [p.key, p.ingress?.line, p.gateway?.line])).toEqual([['k/', 'three', 'two'], ['other/', undefined, 'four']])
  })
})
