import { describe, expect, it } from 'vitest'
import { imageBinaries, imageSize, knownImage, normalizeImage, registryAnswer } from './index.ts'
import { exitsOnSigterm, planProcess, runsImageServer } from './process.ts'
import { listenPorts } from '../apps/registry.ts'

describe('image catalog', () => {
  it('says which references the registry has: unknown tags of known repositories and unknown library names fail', () => {
    expect(registryAnswer('nginx:1.27')).toEqual({ ok: true })
    expect(registryAnswer('luksa/kubia:v2')).toEqual({ ok: true })
    expect(registryAnswer('nginx:doesnotexist')).toMatchObject({ ok: false, code: 'NotFound', error: expect.stringContaining('docker.io/library/nginx:doesnotexist: not found') })
    expect(registryAnswer('nginxx:doesnotexist')).toMatchObject({ ok: false, code: 'Unknown', error: expect.stringContaining('pull access denied, repository does not exist') })
    expect(registryAnswer('nginx:2')).toMatchObject({ ok: false })
    // Somebody's own repository may exist: it pulls, and kubehop does not know what it serves.
    expect(registryAnswer('example/app:1.0')).toEqual({ ok: true })
    expect(knownImage('example/app:1.0')).toBe(false)
    expect(knownImage('registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3')).toBe(true)
  })

  it('knows what is on each image PATH and what it weighs', () => {
    expect(imageBinaries('luksa/kubia')).not.toContain('nslookup')
    expect(imageBinaries('busybox')).toEqual(expect.arrayContaining(['nslookup', 'wget']))
    expect(imageBinaries('busybox')).not.toContain('curl')
    expect(imageBinaries('curlimages/curl')).toContain('curl')
    expect(imageBinaries('tutum/dnsutils')).toContain('dig')
    expect(imageBinaries('nginx:1.27')).not.toContain('ps')
    expect(imageSize('nginx')).toBe(72_195_292)
  })

  it('binds ports only where the image server runs, whatever containerPort says', () => {
    const ports = [{ containerPort: 9999 }]
    expect(listenPorts({ name: 'c', image: 'luksa/kubia', ports }, new Map())).toEqual([8080])
    expect(listenPorts({ name: 'c', image: 'luksa/kubia', command: ['sleep', '3600'], ports }, new Map())).toEqual([])
    expect(listenPorts({ name: 'c', image: 'example/app', ports }, new Map())).toEqual([])
    expect(listenPorts({ name: 'c', image: 'influxdb', ports }, new Map())).toEqual([8086])
    expect(listenPorts({ name: 'c', image: 'ansilh/demo-coffee' }, new Map())).toEqual([9090])
    // The apisix chart's images (apisix 0.11.2): gateway, etcd, ingress controller.
    expect(listenPorts({ name: 'apisix', image: 'apache/apisix:2.15.0-alpine' }, new Map())).toEqual([9080, 9443, 9180, 9090])
    expect(listenPorts({ name: 'etcd', image: 'docker.io/bitnami/etcd:3.5.4-debian-11-r14' }, new Map())).toEqual([2379, 2380])
    expect(listenPorts({ name: 'ic', image: 'apache/apisix-ingress-controller:1.5.0', command: ['/ingress-apisix/apisix-ingress-controller', 'ingress'] }, new Map())).toEqual([8080, 8443])
    expect(registryAnswer('apache/apisix:2.15.0-alpine')).toEqual({ ok: true })
    expect(registryAnswer('apache/apisix:9.9.9')).toMatchObject({ ok: false, code: 'NotFound' })
    expect(runsImageServer({ image: 'nginx', command: ['nginx', '-g', 'daemon off;'] })).toBe(true)
    expect(runsImageServer({ image: 'nginx', command: ['nginx'] })).toBe(false)
  })

  it('plans what PID 1 does from command and args', () => {
    expect(planProcess({ image: 'busybox', args: ['sh', '-c', 'echo hi'] })).toMatchObject({ output: [{ at: 0, line: 'hi' }], exitAfter: 0, exitCode: 0 })
    expect(planProcess({ image: 'busybox', args: ['sh', '-c', 'echo a; sleep 5; exit 3'] })).toMatchObject({ output: [{ at: 0, line: 'a' }], exitAfter: 5, exitCode: 3 })
    expect(planProcess({ image: 'busybox', args: ['sh', '-c', 'false && echo no || echo yes'] }).output.map((o) => o.line)).toEqual(['yes'])
    expect(planProcess({ image: 'busybox', args: ['sh', '-c', 'while true; do echo tick; sleep 10; done'] })).toMatchObject({ repeat: { period: 10, lines: ['tick'] } })
    expect(planProcess({ image: 'busybox', command: ['sleep', 'infinity'] }).exitAfter).toBeUndefined()
    // busybox's CMD is `sh`: without a terminal it exits 0 at once.
    expect(planProcess({ image: 'busybox' })).toMatchObject({ exitAfter: 0, exitCode: 0 })
    expect(planProcess({ image: 'busybox', command: ['curl', 'x'] })).toMatchObject({ exitCode: 128, startError: 'exec: "curl": executable file not found in $PATH' })
  })

  it('tells who exits on SIGTERM: servers do, sleep and shells as PID 1 do not', () => {
    expect(exitsOnSigterm({ image: 'nginx' })).toBe(true)
    expect(exitsOnSigterm({ image: 'busybox', command: ['sleep', '3600'] })).toBe(false)
    expect(exitsOnSigterm({ image: 'luksa/kubia' })).toBe(false)
  })
})

describe('normalizeImage (remembered answers)', () => {
  it('answers the same before, during and after its memory fills and is cleared', () => {
    const cases: [string, string][] = [['nginx', 'docker.io/library/nginx:latest'], ['luksa/kubia', 'docker.io/luksa/kubia:latest'],
      ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'], ['localhost:5000/app', 'localhost:5000/app:latest'],
      ['nginx@sha256:abc', 'docker.io/library/nginx@sha256:abc']]
    for (let round = 0; round < 3; round++) {
      for (const [image, full] of cases) expect(normalizeImage(image)).toBe(full)
      for (let i = 0; i < 2500; i++) expect(normalizeImage(`team${round}/app-${i}:v${i}`)).toBe(`docker.io/team${round}/app-${i}:v${i}`)
    }
  })
})

describe('planProcess (one plan per image for containers that keep its ENTRYPOINT and CMD)', () => {
  it('shares a frozen plan per image and stdin, and plans a command of its own afresh', () => {
    const a = planProcess({ image: 'luksa/kubia' })
    expect(planProcess({ image: 'luksa/kubia' })).toBe(a)
    expect(Object.isFrozen(a) && Object.isFrozen(a.output)).toBe(true)
    expect(a.server).toBe(true)
    // busybox's CMD is `sh`: without stdin it reads end-of-file and exits; with stdin open it waits.
    const eof = planProcess({ image: 'busybox' })
    const open = planProcess({ image: 'busybox', stdin: true })
    expect(open).not.toBe(eof)
    expect([eof.exitAfter, open.exitAfter]).toEqual([0, undefined])
    expect(planProcess({ image: 'busybox', stdin: true })).toBe(open)
    const own = planProcess({ image: 'busybox', command: ['sh', '-c', 'echo hi'] })
    expect(planProcess({ image: 'busybox', command: ['sh', '-c', 'echo hi'] })).not.toBe(own)
    expect(own.output.map((o) => o.line)).toEqual(['hi'])
    // Past its bound the memory starts again: answers stay the same.
    for (let i = 0; i < 2100; i++) expect(planProcess({ image: `example.com/app-${i}` }).server).toBe(false)
    expect(planProcess({ image: 'luksa/kubia' })).toEqual(a)
  })
})
