import { describe, expect, it } from 'vitest'
import { matchApisixRoute } from './match.ts'
import type { KubeObject } from '../api/types.ts'

const route = (name: string, http: unknown[]): KubeObject => ({ apiVersion: 'apisix.apache.org/v2', kind: 'ApisixRoute', metadata: { name, namespace: 'default' }, spec: { http } })

const post = route('apisix-route', [
  { name: 'left', match: { paths: ['/left'] }, backends: [{ serviceName: 'left', servicePort: 80 }] },
  { name: 'right', match: { paths: ['/right'] }, backends: [{ serviceName: 'right', servicePort: 80 }] },
])

describe('APISIX route matching (radixtree_uri)', () => {
  it('matches the post\'s paths exactly, and nothing for / or a longer path', () => {
    expect(matchApisixRoute([post], 'localhost:30800', 'GET', '/right')?.backends[0].serviceName).toBe('right')
    expect(matchApisixRoute([post], 'localhost:30800', 'GET', '/left?x=1')?.name).toBe('left')
    expect(matchApisixRoute([post], 'localhost:30800', 'GET', '/')).toBeUndefined()
    expect(matchApisixRoute([post], 'localhost:30800', 'GET', '/left/more')).toBeUndefined()
  })

  it('takes a trailing * as a prefix; exact beats prefix, longer prefix beats shorter', () => {
    const r = route('r', [
      { name: 'all', match: { paths: ['/*'] }, backends: [{ serviceName: 'all', servicePort: 80 }] },
      { name: 'api', match: { paths: ['/api/*'] }, backends: [{ serviceName: 'api', servicePort: 80 }] },
      { name: 'exact', match: { paths: ['/api/v1'] }, backends: [{ serviceName: 'exact', servicePort: 80 }] },
    ])
    expect(matchApisixRoute([r], 'h', 'GET', '/x')?.name).toBe('all')
    expect(matchApisixRoute([r], 'h', 'GET', '/api/users')?.name).toBe('api')
    expect(matchApisixRoute([r], 'h', 'GET', '/api/v1')?.name).toBe('exact')
  })

  it('filters on hosts and methods, and reads v2beta2\'s single backend', () => {
    const r = route('r', [{ name: 'h', match: { paths: ['/*'], hosts: ['a.com'], methods: ['GET'] }, backend: { serviceName: 'a', servicePort: 80 } }])
    expect(matchApisixRoute([r], 'a.com', 'GET', '/')?.backends).toEqual([{ serviceName: 'a', servicePort: 80 }])
    expect(matchApisixRoute([r], 'b.com', 'GET', '/')).toBeUndefined()
    expect(matchApisixRoute([r], 'a.com', 'POST', '/')).toBeUndefined()
  })
})
