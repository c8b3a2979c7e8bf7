// agnhost as Kubernetes' tutorials run it (test/images/agnhost/netexec/netexec.go): the subcommand decides the port and
// the answers; the image's CMD `pause` binds nothing.
import { describe, expect, it } from 'vitest'
import { listenPorts, respond } from './registry.ts'
import type { ServerContext } from './server-context.ts'
import type { HttpRequest } from './http.ts'
import { agnhost } from '../images/agnhost.ts'

const IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.53'
const ctx: ServerContext = { podName: 'hello-node-5f76cf6ccf-br9b5', namespace: 'default', image: IMAGE, localIP: '10.244.0.5', localPort: 8080,
  remoteIP: '10.244.0.6', remotePort: 41000, now: Date.UTC(2026, 0, 1, 9, 0, 0) / 1000 + 0.25, files: new Map(), servedBefore: 0 }
const get = (path: string): HttpRequest => ({ method: 'GET', path, scheme: 'http', headers: [['Host', 'hello-node:8080']] })
const netexec = (...flags: string[]) => ({ name: 'agnhost', image: IMAGE, command: ['/agnhost', 'netexec', ...flags] })

describe('agnhost', () => {
  it('binds what its subcommand binds: netexec 8080 or --http-port, serve-hostname 9376, pause nothing', () => {
    expect(listenPorts(netexec(), new Map())).toEqual([8080])
    expect(listenPorts(netexec('--http-port=9090'), new Map())).toEqual([9090])
    expect(listenPorts({ name: 'a', image: IMAGE, args: ['netexec', '--http-port', '8081'] }, new Map())).toEqual([8081])
    expect(listenPorts({ name: 'a', image: IMAGE, args: ['serve-hostname'] }, new Map())).toEqual([9376])
    expect(listenPorts({ name: 'a', image: IMAGE }, new Map())).toEqual([])
  })

  it('netexec answers /, /hostname, /clientip and /echo as its handlers do', () => {
    const c = netexec('--http-port=8080')
    expect(respond(c, new Map(), get('/'), ctx).body).toBe('NOW: 2026-01-01 09:00:00.25 +0000 UTC')
    expect(respond(c, new Map(), get('/anything'), ctx).body).toMatch(/^NOW: /)
    expect(respond(c, new Map(), get('/hostname'), ctx).body).toBe('hello-node-5f76cf6ccf-br9b5')
    expect(respond(c, new Map(), get('/clientip'), ctx).body).toBe('10.244.0.6:41000')
    const echo = respond(c, new Map(), get('/echo?msg=hi+there&code=418'), ctx)
    expect([echo.status, echo.body]).toEqual([418, 'hi there'])
  })

  it('logs as log.Printf does: start lines with the ports, one line per handler', () => {
    const start = agnhost.startLog!({ now: ctx.now, podName: ctx.podName, tag: '2.53', argv: ['/agnhost', 'netexec', '--http-port=8080'] })
    expect(start).toEqual(['2026/01/01 09:00:00 Started HTTP server on port 8080', '2026/01/01 09:00:00 Started UDP server on port  8081'])
    const line = (path: string) => agnhost.requestLog!({ now: ctx.now, method: 'GET', path, status: 200, bytes: 0, remoteIP: '', remotePort: 0, localPort: 8080, userAgent: '' })
    expect(line('/whatever')).toBe('2026/01/01 09:00:00 GET /')
    expect(line('/echo?msg=a+b')).toBe('2026/01/01 09:00:00 GET /echo?msg=a b&code=')
    expect(line('/hostname')).toBe('2026/01/01 09:00:00 GET /hostname')
  })
})
