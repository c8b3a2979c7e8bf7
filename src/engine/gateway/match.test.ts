// HTTPRoute match precedence. Source: gateway-api apis/v1/httproute_types.go, HTTPRouteRule.Matches ("Exact" path,
// the longest "Prefix", method, most headers, most query params, oldest Route, "{namespace}/{name}", list order).
import { describe, expect, it } from 'vitest'
import { ObjectStore } from '../api/store.ts'
import { SeededRandom } from '../sim/random.ts'
import { SimClock } from '../sim/clock.ts'
import type { KubeObject } from '../api/types.ts'
import { defaultGatewayObject } from './defaults.ts'
import { matchRoute, pathMatches } from './match.ts'
import type { HTTPRouteRule, Listener } from './types.ts'

const listener: Listener = { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }

function world(routes: { name: string; hostnames?: string[]; rules: HTTPRouteRule[]; at?: number }[], listenerHostname?: string) {
  const clock = new SimClock()
  const store = new ObjectStore(new SeededRandom(1), clock)
  const gw: KubeObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'default' }, spec: { gatewayClassName: 'c', listeners: [{ ...listener, hostname: listenerHostname }] } }
  store.create(gw)
  let prev: number | undefined
  for (const r of [...routes].sort((a, b) => (a.at ?? 0) - (b.at ?? 0))) {
    clock.advanceTo(clock.now() + (r.at ?? 0) - (prev ?? 0))
    prev = r.at ?? 0
    const obj: KubeObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: r.name, namespace: 'default' }, spec: { parentRefs: [{ name: 'gw' }], hostnames: r.hostnames, rules: r.rules } }
    defaultGatewayObject(obj)
    store.create(obj)
  }
  const gateway = store.get('Gateway', 'default', 'gw')!
  return (host: string, path: string, headers: [string, string][] = [], method = 'GET') => {
    const m = matchRoute(store, gateway, 80, { host, path, method, headers })
    return m ? `${m.route.metadata.name}#${m.ruleIndex}` : '404'
  }
}

const to = (name: string) => [{ name, port: 80 }]

describe('HTTPRoute matching', () => {
  it('PathPrefix is element-wise and ignores a trailing slash', () => {
    expect(pathMatches({ type: 'PathPrefix', value: '/abc' }, '/abc')).toBe(true)
    expect(pathMatches({ type: 'PathPrefix', value: '/abc' }, '/abc/def')).toBe(true)
    expect(pathMatches({ type: 'PathPrefix', value: '/abc/' }, '/abc')).toBe(true)
    expect(pathMatches({ type: 'PathPrefix', value: '/abc' }, '/abcd')).toBe(false)
    expect(pathMatches({ type: 'Exact', value: '/abc' }, '/abc/')).toBe(false)
  })

  const m = world([
    { name: 'a', at: 10, rules: [
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: to('root') },
      { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: to('api') },
      { matches: [{ path: { type: 'Exact', value: '/api/v1' } }], backendRefs: to('exact') },
      { matches: [{ path: { type: 'PathPrefix', value: '/api' }, method: 'POST' }], backendRefs: to('post') },
      { matches: [{ path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'version', value: 'v2' }] }], backendRefs: to('v2') },
      { matches: [{ path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'version', value: 'v2' }, { name: 'env', value: 'canary' }] }], backendRefs: to('canary') },
      { matches: [{ path: { type: 'PathPrefix', value: '/q' }, queryParams: [{ name: 'beta', value: '1' }] }], backendRefs: to('beta') },
    ] },
    { name: 'b', at: 20, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/api/v1' } }], backendRefs: to('b') }] },
    { name: 'c', at: 5, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/shared' } }], backendRefs: to('c') }] },
    { name: 'd', at: 1, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/shared' } }], backendRefs: to('d') }] },
  ])

  it.each([
    ['/api/v1', [], 'GET', 'a#2', 'an Exact path beats a longer-or-equal prefix from another route'],
    ['/api/v1/users', [], 'GET', 'b#0', 'the longest PathPrefix wins across routes'],
    ['/api/x', [], 'GET', 'a#1', 'a prefix beats /'],
    ['/apix', [], 'GET', 'a#0', 'prefix matching is element-wise'],
    ['/api/x', [], 'POST', 'a#3', 'a method match beats none at equal prefix'],
    ['/api/x', [['version', 'v2']], 'GET', 'a#4', 'a header match beats none'],
    ['/api/x', [['version', 'v2'], ['env', 'canary']], 'GET', 'a#5', 'more header matches win'],
    ['/api/x', [['version', 'v2'], ['env', 'canary']], 'POST', 'a#3', 'method ranks before header count'],
    ['/q', [], 'GET', 'a#0', 'a query match that does not hold is skipped'],
    ['/shared/x', [], 'GET', 'd#0', 'on a full tie the oldest route wins'],
  ] as [string, [string, string][], string, string, string][])('%s %j %s → %s (%s)', (path, headers, method, want) => {
    expect(m('example.com', path, headers, method)).toBe(want)
  })

  it('matches query parameters', () => {
    expect(m('example.com', '/q?beta=1')).toBe('a#6')
  })

  it('takes the most specific hostname first: exact, then the longest wildcard, then routes without hostnames', () => {
    const h = world([
      { name: 'any', rules: [{ backendRefs: to('any') }] },
      { name: 'wild', hostnames: ['*.example.com'], rules: [{ backendRefs: to('wild') }] },
      { name: 'deep', hostnames: ['*.shop.example.com'], rules: [{ backendRefs: to('deep') }] },
      { name: 'exact', hostnames: ['www.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/only' } }], backendRefs: to('exact') }] },
    ])
    expect(h('www.example.com:8080', '/only')).toBe('exact#0')
    // The exact host's virtual host has no rule for /: envoy answers 404 rather than falling back to the wildcard.
    expect(h('www.example.com', '/')).toBe('404')
    expect(h('a.shop.example.com', '/')).toBe('deep#0')
    expect(h('blog.example.com', '/')).toBe('wild#0')
    expect(h('example.com', '/')).toBe('any#0')
  })

  it('narrows route hostnames to the listener hostname', () => {
    const h = world([{ name: 'r', hostnames: ['a.example.com', 'b.other.org'], rules: [{ backendRefs: to('r') }] }], '*.example.com')
    expect(h('a.example.com', '/')).toBe('r#0')
    expect(h('b.other.org', '/')).toBe('404')
  })
})
