import { describe, expect, it } from 'vitest'
import { apply, assertIdle, events, pod, service, testCluster, getObj, syncOnce } from './testing.ts'
import { reuseUnchanged } from './kubelet.ts'
import { canonicalEqual } from './hash.ts'
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
    // nginx stops at once on the kubelet's signal (its image's STOPSIGNAL, a graceful quit): exit 0.
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(events(c).map((e) => e.message)).toContain('Container web failed liveness probe, will be restarted')
  })

  it('a failing liveness probe kills with the grace period and restarts through the crash back-off', () => {
    const c = testCluster()
    // kubia-unhealthy answers 500 from its sixth request: probes at +0..+40 pass, +50/+60/+70 fail.
    apply(c, pod('u', { nodeName: 'kind-worker', containers: [{ name: 'kubia', image: 'luksa/kubia-unhealthy', imagePullPolicy: 'IfNotPresent', livenessProbe: { httpGet: { path: '/', port: 8080 } } }] }))
    const cs = () => getObj(c, 'Pod', 'default', 'u')!.status.containerStatuses[0]
    c.advance(30) // the pull
    // startedAt is whole seconds: the process started within the second after it.
    const started = Date.parse(cs().state.running.startedAt) / 1000
    const at = (t: number) => c.advance(started + t - c.clock.now())
    at(69)
    expect(events(c).filter((e) => e.reason === 'Killing')).toHaveLength(0)
    at(71)
    expect(events(c).find((e) => e.reason === 'Killing')).toMatchObject({ message: 'Container kubia failed liveness probe, will be restarted' })
    expect(events(c).find((e) => e.reason === 'Unhealthy')).toMatchObject({ message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', count: 3 })
    // node as PID 1 ignores SIGTERM: it runs until SIGKILL at the end of the 30 s grace period.
    at(99)
    expect(cs()).toMatchObject({ restartCount: 0, state: { running: {} } })
    at(101)
    expect(cs().restartCount).toBe(1) // the first restart is immediate
    expect(cs().lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' })
    // The new process counts from zero again: five good answers, then the second kill at +170, dead at +200, and
    // this time the back-off (10 s) holds it in CrashLoopBackOff.
    at(201)
    expect(cs().restartCount).toBe(1)
    expect(cs().state.waiting).toMatchObject({ reason: 'CrashLoopBackOff', message: expect.stringMatching(/^back-off 10s restarting failed container=kubia pod=u_default\(/) })
    expect(events(c).find((e) => e.reason === 'BackOff')!.message).toMatch(/^Back-off restarting failed container kubia in pod u_default\(/)
    at(209)
    expect(cs().restartCount).toBe(1)
    at(211)
    expect(cs().restartCount).toBe(2)
    expect(events(c).find((e) => e.reason === 'Killing')!.count).toBe(2)
  })

  it("the probe's own terminationGracePeriodSeconds, and restartPolicy Never", () => {
    const c = testCluster()
    apply(c, pod('n', { nodeName: 'kind-worker', restartPolicy: 'Never', containers: [{ name: 'k', image: 'luksa/kubia-unhealthy', imagePullPolicy: 'IfNotPresent',
      livenessProbe: { httpGet: { path: '/', port: 8080 }, failureThreshold: 1, terminationGracePeriodSeconds: 5 } }] }))
    c.advance(30)
    const started = Date.parse(getObj(c, 'Pod', 'default', 'n')!.status.containerStatuses[0].state.running.startedAt) / 1000
    c.advance(started + 57 - c.clock.now())
    expect(events(c).find((e) => e.reason === 'Killing')!.message).toBe('Container k failed liveness probe')
    const st = getObj(c, 'Pod', 'default', 'n')!.status
    expect(st.phase).toBe('Failed')
    expect(st.containerStatuses[0]).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 137, reason: 'Error' } } })
    expect(Date.parse(st.containerStatuses[0].state.terminated.finishedAt) / 1000 - started).toBe(55) // the sixth answer at +50, SIGKILL 5 s later
  })

  it("a restarted container's fresh probe workers run again (a startup probe that never succeeds kills every instance)", () => {
    const c = testCluster()
    apply(c, pod('never', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'IfNotPresent',
      startupProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 2, failureThreshold: 5 } }] }))
    c.advance(60)
    expect(events(c).find((e) => e.reason === 'Killing')!.count).toBeGreaterThanOrEqual(3)
    expect(getObj(c, 'Pod', 'default', 'never')!.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(3)
  })

  it('an exec probe that outlasts timeoutSeconds fails with the runtime\'s timeout', () => {
    const c = testCluster()
    apply(c, pod('t', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'IfNotPresent',
      readinessProbe: { exec: { command: ['sh', '-c', 'sleep 2; true'] }, timeoutSeconds: 2 } }, { name: 'ok', image: 'busybox', command: ['sleep', '3600'],
      readinessProbe: { exec: { command: ['sh', '-c', 'sleep 2; true'] }, timeoutSeconds: 3 } }] }))
    c.advance(30)
    expect(events(c).find((e) => e.reason === 'Unhealthy')!.message).toBe('Readiness probe failed: command "sh -c sleep 2; true" timed out')
    const cs = getObj(c, 'Pod', 'default', 't')!.status.containerStatuses
    expect(cs.map((x: any) => `${x.name}=${x.ready}`)).toEqual(['ok=true', 'web=false'])
  })

  it('a startup probe holds liveness and readiness back, and kills the container when it never succeeds', () => {
    const c = testCluster()
    apply(c, pod('s', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'IfNotPresent',
      startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, failureThreshold: 4 },
      livenessProbe: { tcpSocket: { port: 81 } }, readinessProbe: { httpGet: { path: '/', port: 80 } } }] }))
    const cs = () => getObj(c, 'Pod', 'default', 's')!.status.containerStatuses[0]
    while (cs().restartCount < 1 && c.clock.now() < 2e9) c.advance(1)
    expect(cs()).toMatchObject({ started: false, ready: false })
    expect(events(c).filter((e) => /^(Liveness|Readiness)/.test(e.message))).toEqual([])
    expect(events(c).find((e) => e.reason === 'Unhealthy')!.message).toBe('Startup probe failed: cat: /tmp/started: No such file or directory')
    expect(events(c).find((e) => e.reason === 'Killing')!.message).toBe('Container web failed startup probe, will be restarted')
    expect(cs().restartCount).toBe(1)
    // The new instance (a second old) is told it has started: at its next probe readiness and liveness (port 81 is
    // closed) take over.
    exec(c, 's', 'touch', '/tmp/started')
    c.advance(5)
    expect(cs()).toMatchObject({ started: true })
    c.advance(10)
    expect(cs()).toMatchObject({ ready: true })
    expect(events(c).map((e) => e.message)).toContain(`Liveness probe failed: dial tcp ${getObj(c, 'Pod', 'default', 's')!.status.podIP}:81: connect: connection refused`)
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

describe('reuseUnchanged (the kubelet status write shares what did not change)', () => {
  it('returns the previous value when the JSON is the same, and shares each unchanged part otherwise', () => {
    const prev = Object.freeze({ a: Object.freeze({ x: 1 }), list: Object.freeze([Object.freeze({ ip: '10.0.0.1' })]), s: 'p' })
    expect(reuseUnchanged({ a: { x: 1 }, list: [{ ip: '10.0.0.1' }], s: 'p' }, prev)).toBe(prev)
    const next = reuseUnchanged({ a: { x: 1 }, list: [{ ip: '10.0.0.1' }], s: 'q' }, prev)
    expect(next).not.toBe(prev)
    expect(next).toEqual({ a: { x: 1 }, list: [{ ip: '10.0.0.1' }], s: 'q' })
    expect(next.a).toBe(prev.a)
    expect(next.list).toBe(prev.list)
  })

  it('keeps what JSON tells apart: key order, a missing key, undefined, an extra element, NaN', () => {
    const prev = { a: 1, b: 2 }
    const reordered = reuseUnchanged({ b: 2, a: 1 }, prev)
    expect(reordered).not.toBe(prev)
    expect(Object.keys(reordered)).toEqual(['b', 'a'])
    expect(reuseUnchanged({ a: 1, b: 2, c: undefined }, prev)).not.toBe(prev)
    expect(reuseUnchanged({ a: 1 }, prev)).not.toBe(prev)
    expect(reuseUnchanged([1, 2, 3], [1, 2])).not.toEqual([1, 2])
    const nan = { v: NaN }
    expect(reuseUnchanged(nan, { v: NaN })).toBe(nan)
    // A frozen next (a part taken from a stored object) is never written to.
    const frozen = Object.freeze({ inner: { y: 1 } })
    expect(() => reuseUnchanged(frozen, { inner: { y: 1 } })).not.toThrow()
    expect(frozen.inner).toEqual({ y: 1 })
  })

  it("a pod's Running write keeps the ContainerCreating write's unchanged parts, and a steady sync writes nothing", () => {
    const c = testCluster()
    c.api.create(pod('s', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx' }] }))
    c.converge()
    const creating = getObj(c, 'Pod', 'default', 's')!.status
    expect(creating.containerStatuses[0].state.waiting.reason).toBe('ContainerCreating')
    // Generated before the sandbox and the pull (kubelet.go SyncPod): no IP yet, not ready to start containers.
    expect(creating.podIP).toBeUndefined()
    expect(creating.conditions.find((x: any) => x.type === 'PodReadyToStartContainers').status).toBe('False')
    c.advance(60)
    const running = getObj(c, 'Pod', 'default', 's')!.status
    expect(running.phase).toBe('Running')
    const cond = (st: any, type: string) => st.conditions.find((x: any) => x.type === type)
    expect(cond(running, 'PodScheduled')).toBe(cond(creating, 'PodScheduled'))
    expect(cond(running, 'Initialized')).toBe(cond(creating, 'Initialized'))
    expect(cond(running, 'Ready')).not.toBe(cond(creating, 'Ready'))
    expect(running.hostIPs).toBe(creating.hostIPs)
    expect(running.podIPs).toEqual([{ ip: running.podIP }])
    const again = syncOnce(c, 'kubelet', 'Pod/default/s')
    expect(again.writes).toEqual([])
    expect(canonicalEqual(running, getObj(c, 'Pod', 'default', 's')!.status)).toBe(true)
  })
})
