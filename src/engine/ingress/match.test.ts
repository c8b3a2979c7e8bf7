import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../api/types.ts'
import { hostMatches, matchIngress, pathMatches } from './match.ts'

const ing = (name: string, spec: any): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default' }, spec })
const be = (service: string) => ({ service: { name: service, port: { number: 80 } } })

const ingresses = [
  ing('a', {
    rules: [
      { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: be('web') }, { path: '/api', pathType: 'Prefix', backend: be('api') }, { path: '/api/v1', pathType: 'Exact', backend: be('v1') }] } },
      { host: '*.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: be('wild') }] } },
      { http: { paths: [{ path: '/foo', pathType: 'ImplementationSpecific', backend: be('any') }] } },
    ],
  }),
  ing('b', { defaultBackend: be('fallback'), rules: [{ host: 'b.test', http: { paths: [{ path: '/x', pathType: 'Exact', backend: be('bx') }] } }] }),
]

describe('matchIngress', () => {
  it.each([
    ['shop.example.com', '/', 'web'],
    ['shop.example.com', '/api', 'api'],
    ['shop.example.com', '/api/', 'api'],
    ['shop.example.com', '/apix', 'web'],
    ['shop.example.com', '/api/v1', 'v1'],
    ['shop.example.com:8080', '/api/v1/x', 'api'],
    ['blog.example.com', '/anything', 'wild'],
    ['a.b.example.com', '/foo', 'any'],
    ['10.0.0.1', '/foobar', 'any'],
    ['b.test', '/x', 'bx'],
    ['b.test', '/y', 'fallback'],
  ])('%s%s → %s', (host, path, service) => {
    expect(matchIngress(ingresses, host, path)?.backend.service).toBe(service)
  })

  it('returns nothing (a 404 from the controller) when no host server and no default backend match', () => {
    expect(matchIngress([ingresses[0]], 'other.org', '/')).toBeUndefined()
  })

  it('matches paths element-wise and hosts one label deep', () => {
    expect(pathMatches('Prefix', '/foo', '/foobar')).toBe(false)
    expect(pathMatches('Prefix', '/foo/', '/foo')).toBe(true)
    expect(pathMatches('Exact', '/foo', '/foo/')).toBe(false)
    expect(hostMatches('*.foo.com', 'bar.foo.com')).toBe(true)
    expect(hostMatches('*.foo.com', 'baz.bar.foo.com')).toBe(false)
    expect(hostMatches('*.foo.com', 'foo.com')).toBe(false)
  })
})
