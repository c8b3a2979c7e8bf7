import { describe, expect, it } from 'vitest'
import { appKind, listenPorts, respond } from './registry.ts'
import { imageFiles } from './registry.ts'
import type { ServerContext } from './server-context.ts'
import type { HttpRequest } from './http.ts'
import { decodeBase64 } from './mounted-files.ts'
import { NGINX_WELCOME } from './nginx-stock.ts'

const ctx = (over: Partial<ServerContext> = {}): ServerContext => ({
  podName: 'web-7d4b9c-abcde', namespace: 'default', image: 'nginx', localIP: '10.244.1.5', localPort: 80,
  remoteIP: '10.244.1.1', remotePort: 40000, now: Date.UTC(2026, 0, 1, 9, 0, 0) / 1000, files: new Map(), servedBefore: 0, ...over,
})
const get = (path = '/', host = '10.244.1.5'): HttpRequest => ({ method: 'GET', path, scheme: 'http', headers: [['Host', host], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']] })

describe('appKind', () => {
  it.each([
    ['luksa/kubia', 'kubia'], ['docker.io/luksa/kubia:v2', 'kubia'], ['nginx:1.27', 'nginx'], ['registry.k8s.io/echoserver:1.10', 'echoserver'],
    ['busybox', 'tool'], ['myorg/api:3', 'generic'], ['registry.k8s.io/ingress-nginx/controller:v1.12.0', 'ingress-nginx'],
  ])('%s → %s', (image, kind) => expect(appKind(image)).toBe(kind))
})

describe('simulated applications', () => {
  it('kubia names its pod and listens on 8080 whatever the pod declares', () => {
    const c = { name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 80 }] }
    expect(listenPorts(c, new Map())).toEqual([8080])
    expect(respond(c, new Map(), get(), ctx({ podName: 'kubia-abc' })).body).toBe("You've hit kubia-abc\n")
  })

  it("kubia's rolling-update tags name their version (the book's Chapter 9)", () => {
    const answer = (image: string) => respond({ name: 'kubia', image }, new Map(), get(), ctx({ podName: 'kubia-abc', image })).body
    expect(answer('luksa/kubia:v1')).toBe('This is v1 running in pod kubia-abc\n')
    expect(answer('luksa/kubia:v2')).toBe('This is v2 running in pod kubia-abc\n')
  })

  it('nginx serves its welcome page with the real headers', () => {
    const c = { name: 'nginx', image: 'nginx' }
    const files = imageFiles('nginx')
    expect(listenPorts(c, files)).toEqual([80])
    const res = respond(c, files, get(), ctx())
    expect(res.status).toBe(200)
    expect(res.body).toBe(NGINX_WELCOME)
    expect(res.headers).toContainEqual(['Content-Length', '615'])
    expect(respond(c, files, get('/nope'), ctx()).status).toBe(404)
  })

  it('nginx honours a mounted return directive with variables and its listen port', () => {
    const files = imageFiles('nginx')
    files.set('/etc/nginx/conf.d/default.conf', 'server {\n  listen 8080;\n  location / { return 200 "pod $hostname at $server_addr saw $remote_addr\\n"; }\n}\n')
    const c = { name: 'nginx', image: 'nginx:alpine' }
    expect(listenPorts(c, files)).toEqual([8080])
    const res = respond(c, files, get(), ctx({ localPort: 8080 }))
    expect(res.body).toBe('pod web-7d4b9c-abcde at 10.244.1.5 saw 10.244.1.1\n')
    expect(res.headers).toContainEqual(['Content-Type', 'application/octet-stream'])
  })

  it('echoserver echoes the client address the pod saw', () => {
    const res = respond({ name: 'e', image: 'registry.k8s.io/echoserver:1.10' }, new Map(), get('/', '172.18.0.2:30080'), ctx({ localPort: 8080, remoteIP: '172.18.0.3' }))
    expect(res.body).toBe(['', '', 'Hostname: web-7d4b9c-abcde', '', 'Pod Information:', '\t-no pod information available-', '', 'Server values:',
      '\tserver_version=nginx: 1.13.3 - lua: 10008', '', 'Request Information:', '\tclient_address=172.18.0.3', '\tmethod=GET', '\treal path=/',
      '\tquery=', '\trequest_version=1.1', '\trequest_scheme=http', '\trequest_uri=http://172.18.0.2:8080/', '', 'Request Headers:', '\taccept=*/*',
      '\thost=172.18.0.2:30080', '\tuser-agent=curl/8.5.0', '', 'Request Body:', '\t-no body in request-', '', ''].join('\n'))
  })

  it('decodes Secret data', () => {
    expect(decodeBase64('aGVsbG8gd29ybGQ=')).toBe('hello world')
  })
})
