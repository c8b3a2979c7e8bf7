import { describe, expect, it } from 'vitest'
import { apply, assertIdle, events, pod, service, testCluster, getObj } from './testing.ts'
import { execInContainer } from '../node/container-exec.ts'
import type { Cluster } from '../cluster/cluster.ts'

function exec(c: Cluster, name: string, ...argv: string[]) {
  return execInContainer({ store: c.store, runtime: c.runtime, config: c.config, pod: getObj(c, 'Pod', 'default', name)!, now: c.clock.now() }, argv)
}

describe('kubelet', () => {
  it('gives pods sequential IPs from the node podCIDR and a full Running status', () => {
    const c = testCluster()
    apply(c, pod('a', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx' }] }), pod('b', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx:1.27' }] }))
    const a = getObj(c, 'Pod', 'default', 'a')!
    const b = getObj(c, 'Pod', 'default', 'b')!
    expect([a.status.podIP, b.status.podIP]).toEqual(['10.244.1.2', '10.244.1.3'])
    expect(a.status).toMatchObject({ phase: 'Running', hostIP: '172.18.0.3', hostIPs: [{ ip: '172.18.0.3' }], podIPs: [{ ip: '10.244.1.2' }], qosClass: 'BestEffort' })
    expect(a.status.conditions.map((x: any) => `${x.type}=${x.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'])
    const cs = a.status.containerStatuses[0]
    expect(cs).toMatchObject({ name: 'web', image: 'docker.io/library/nginx:latest', ready: true, started: true, restartCount: 0 })
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(events(c).filter((e) => e.object === 'Pod/a').map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started'])
    expect(events(c).find((e) => e.object === 'Pod/a' && e.reason === 'Created')!.message).toBe('Created container: web')
    expect(events(c).find((e) => e.object === 'Pod/a' && e.reason === 'Started')!.message).toBe('Started container web')
    expect(events(c).find((e) => e.object === 'Pod/b' && e.reason === 'Pulled')!.message).toMatch(/^Successfully pulled image "nginx:1.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/)
    assertIdle(c)
    // A deleted pod's IP is not handed out again right away.
    c.api.delete('Pod', 'default', 'a')
    apply(c, pod('c', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx' }] }))
    expect(getObj(c, 'Pod', 'default', 'c')!.status.podIP).toBe('10.244.1.4')
  })

  it('hostNetwork pods get the node IP (behaviour 5)', () => {
    const c = testCluster()
    apply(c, pod('hn', { hostNetwork: true, nodeName: 'kind-worker2', containers: [{ name: 'web', image: 'nginx' }] }))
    expect(getObj(c, 'Pod', 'default', 'hn')!.status.podIP).toBe('172.18.0.4')
    expect(exec(c, 'hn', 'hostname')).toMatchObject({ stdout: 'kind-worker2\n', exitCode: 0 })
  })

  it('readiness via an exec probe flips at its periods (behaviour 26)', () => {
    const c = testCluster()
    apply(c, pod('r', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { exec: { command: ['ls', '/var/ready'] }, periodSeconds: 10 } }] }))
    const ready = () => getObj(c, 'Pod', 'default', 'r')!.status.conditions.find((x: any) => x.type === 'Ready')
    expect(ready()).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' })
    expect(events(c).find((e) => e.reason === 'Unhealthy')).toMatchObject({ message: "Readiness probe failed: ls: cannot access '/var/ready': No such file or directory" })
    expect(exec(c, 'r', 'touch', '/var/ready')).toMatchObject({ exitCode: 0 })
    c.advance(9)
    expect(ready().status).toBe('False')
    c.advance(1)
    expect(ready().status).toBe('True')
    exec(c, 'r', 'rm', '/var/ready')
    c.advance(10)
    expect(ready().status).toBe('True') // one failure is below failureThreshold 3
    c.advance(20)
    expect(ready().status).toBe('False')
    expect(events(c).find((e) => e.reason === 'Unhealthy')!.count).toBeGreaterThanOrEqual(4)
  })

  it('httpGet readiness to a closed port and a failing liveness probe', () => {
    const c = testCluster()
    apply(c, pod('h', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 8080 } }, livenessProbe: { tcpSocket: { port: 8081 }, periodSeconds: 5 } }] }))
    const ip = getObj(c, 'Pod', 'default', 'h')!.status.podIP
    expect(events(c).map((e) => e.message)).toContain(`Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`)
    expect(events(c).map((e) => e.message)).toContain(`Liveness probe failed: dial tcp ${ip}:8081: connect: connection refused`)
    c.advance(10)
    const cs = getObj(c, 'Pod', 'default', 'h')!.status.containerStatuses[0]
    expect(cs.restartCount).toBe(1)
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' })
    expect(events(c).map((e) => e.message)).toContain('Container web failed liveness probe, will be restarted')
  })

  it('service env vars only in pods started after the Service (behaviour 18)', () => {
    const c = testCluster()
    apply(c, pod('before', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', env: [{ name: 'MY_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] }] }))
    apply(c, service('kubia-http', { selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }))
    apply(c, pod('after', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx' }] }))
    const ip = getObj(c, 'Service', 'default', 'kubia-http')!.spec.clusterIP
    const before = exec(c, 'before', 'env') as any
    const after = exec(c, 'after', 'env') as any
    expect(before.stdout).not.toContain('KUBIA_HTTP_SERVICE_HOST')
    expect(before.stdout).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n')
    expect(before.stdout).toContain(`MY_IP=${getObj(c, 'Pod', 'default', 'before')!.status.podIP}\n`)
    for (const line of [`KUBIA_HTTP_SERVICE_HOST=${ip}`, 'KUBIA_HTTP_SERVICE_PORT=80', 'KUBIA_HTTP_SERVICE_PORT_HTTP=80', `KUBIA_HTTP_PORT=tcp://${ip}:80`,
      `KUBIA_HTTP_PORT_80_TCP=tcp://${ip}:80`, 'KUBIA_HTTP_PORT_80_TCP_PROTO=tcp', 'KUBIA_HTTP_PORT_80_TCP_PORT=80', `KUBIA_HTTP_PORT_80_TCP_ADDR=${ip}`, 'HOSTNAME=after']) {
      expect(after.stdout).toContain(line + '\n')
    }
  })

  it('exec: hostname, resolv.conf, hosts, files, sh -c, unknown commands and network tools', () => {
    const c = testCluster()
    apply(c, pod('x', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx' }] }))
    const ip = getObj(c, 'Pod', 'default', 'x')!.status.podIP
    expect(exec(c, 'x', 'hostname', '-I')).toMatchObject({ stdout: `${ip} \n` })
    expect(exec(c, 'x', 'cat', '/etc/resolv.conf')).toMatchObject({ stdout: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' })
    expect((exec(c, 'x', 'cat', '/etc/hosts') as any).stdout).toContain(`${ip}\tx\n`)
    expect(exec(c, 'x', 'sh', '-c', 'echo hi > /tmp/a && cat /tmp/a; ls /tmp')).toMatchObject({ stdout: 'hi\na\n', exitCode: 0 })
    expect(exec(c, 'x', 'rm', '/nope')).toMatchObject({ stderr: "rm: cannot remove '/nope': No such file or directory\n", exitCode: 1 })
    expect(exec(c, 'x', 'sh', '-c', 'foo')).toMatchObject({ stderr: 'sh: 1: foo: not found\n', exitCode: 127 })
    const unknown = exec(c, 'x', 'foo') as any
    expect(unknown.exitCode).toBe(126)
    expect(unknown.stderr).toMatch(/OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in \$PATH: unknown$/)
    expect(exec(c, 'x', 'curl', 'http://kubia')).toEqual({ notHandled: true, argv: ['curl', 'http://kubia'] })
  })
})
