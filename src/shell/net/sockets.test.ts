// netstat (BusyBox networking/netstat.c) and ss (iproute2 misc/ss.c 6.x, compact output without a terminal) inside
// pods: the sockets are what each container's process binds (nginx's listen lines, a Go server's dual-stack `:8080`),
// owners only within the tool's own container; a tool the image lacks fails as containerd reports it.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { inPod, run } from './test-helpers.ts'

const SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: side
spec:
  containers:
  - name: web
    image: nginx
  - name: bb
    image: busybox
    command: ["sleep", "3600"]
  - name: shoot
    image: nicolaka/netshoot
    command: ["sleep", "infinity"]
`

function text(records: ReturnType<typeof run>['records']) {
  const of = (s: string) => records.flatMap((r) => r.chunks).filter((c) => c.stream === s).map((c) => c.text).join('')
  return { out: of('stdout'), err: of('stderr'), code: records[records.length - 1]?.exitCode }
}

describe('netstat and ss in pods', () => {
  const s = new ShellSession({ seed: 3, readFile: (p) => (p === 'side.yaml' ? SIDECAR : undefined) })
  run(s, `kind create cluster
kubectl run web --image=nginx:alpine --port=9999
kubectl run bb --image=busybox -- sleep 3600
kubectl run ag --image=registry.k8s.io/e2e-test-images/agnhost:2.53 -- netexec --http-port=8080
kubectl apply -f side.yaml
kubectl wait --for=condition=Ready pod --all --timeout=120s`)

  it('BusyBox netstat -tln in nginx:alpine: nginx\'s two listen lines (IPv4 and [::]), not the containerPort', () => {
    expect(inPod(s, 'web', ['netstat', '-tln'], 'web').out).toBe(
      'Active Internet connections (only servers)\n' +
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n' +
      'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      \n' +
      'tcp        0      0 :::80                   :::*                    LISTEN      \n')
  })

  it('-p adds PID/argv0 cut to 19 characters: nginx\'s master process title', () => {
    const lines = inPod(s, 'web', ['netstat', '-tlnp'], 'web').out.split('\n')
    expect(lines[1]).toBe('Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ')
    expect(lines[2]).toBe('tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1/nginx: master pro')
  })

  it('without -n an Alpine image names the port from /etc/services; -an adds the UNIX section', () => {
    expect(inPod(s, 'web', ['netstat', '-tl'], 'web').out.split('\n')[2]).toBe('tcp        0      0 0.0.0.0:http            0.0.0.0:*               LISTEN      ')
    expect(inPod(s, 'web', ['netstat', '-an'], 'web').out).toContain('Active Internet connections (servers and established)\n')
    expect(inPod(s, 'web', ['netstat', '-an'], 'web').out).toContain('Active UNIX domain sockets (servers and established)\nProto RefCnt Flags       Type       State         I-Node Path\n')
  })

  it('a busybox pod running sleep binds nothing: the headers only', () => {
    expect(inPod(s, 'bb', ['netstat', '-tlnp'], 'bb').out).toBe('Active Internet connections (only servers)\n' +
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n')
  })

  it('a sidecar sees the pod\'s sockets but not the nginx process (another PID namespace); busybox has no /etc/services', () => {
    const out = inPod(s, 'side', ['netstat', '-tlp'], 'bb').out.split('\n')
    expect(out[2]).toBe('tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      -')
    expect(out[3]).toBe('tcp        0      0 :::80                   :::*                    LISTEN      -')
  })

  it('iproute2 ss -tln: compact columns, [::] for nginx\'s IPv6-only socket, backlog 511 as Send-Q', () => {
    expect(inPod(s, 'side', ['ss', '-tln'], 'shoot').out).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n' +
      'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*   \n' +
      'LISTEN 0      511             [::]:80           [::]:*   \n')
    expect(inPod(s, 'side', ['ss', '-ltn'], 'shoot').out).toBe(inPod(s, 'side', ['ss', '-tln'], 'shoot').out)
  })

  it('ss -tlnp on a Go server: one dual-stack socket `*:8080`, backlog somaxconn, users:(("agnhost",pid=1,fd=3))', () => {
    expect(inPod(s, 'ag', ['ss', '-tlnp'], 'ag').out).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                        \n' +
      'LISTEN 0      4096               *:8080            *:*    users:(("agnhost",pid=1,fd=3))\n')
    expect(inPod(s, 'ag', ['netstat', '-tlnp'], 'ag').out.split('\n')[2]).toBe('tcp        0      0 :::8080                 :::*                    LISTEN      1/agnhost')
  })

  it('ss -tuln shows the Netid column; without -l/-a only connected sockets are asked for', () => {
    expect(inPod(s, 'side', ['ss', '-tuln'], 'shoot').out.split('\n')[0]).toBe('Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port')
    expect(inPod(s, 'side', ['ss', '-tn'], 'shoot').out).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:Port\n')
  })

  it('ss filters: `sport = :80` keeps that port, `state listening` hides the State column, others are refused', () => {
    expect(inPod(s, 'ag', ['ss', '-tln', 'sport', '=', ':80'], 'ag').out).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:Port\n')
    expect(inPod(s, 'side', ['ss', '-tln', '( sport = :http )'], 'shoot').out.split('\n')).toHaveLength(4)
    expect(inPod(s, 'side', ['ss', '-tn', 'state', 'listening'], 'shoot').out).toBe(
      'Recv-Q Send-Q Local Address:Port Peer Address:Port\n' +
      '0      511          0.0.0.0:80        0.0.0.0:*   \n' +
      '0      511             [::]:80           [::]:*   \n')
    expect(inPod(s, 'side', ['ss', '-tln', 'src', '10.0.0.1'], 'shoot')).toMatchObject({ code: 1, out: '' })
  })

  it('a tool the image does not have: containerd\'s error with the exec id, kubectl exits 1 without "command terminated"', () => {
    const r = text(s.runScript('kubectl exec bb -- ss -tln'))
    expect(r.err).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ss": executable file not found in \$PATH: unknown\n$/)
    expect(r.code).toBe(1)
    const direct = inPod(s, 'bb', ['ss', '-tln'], 'bb')
    expect(direct.err).toMatch(/^error: Internal error occurred: .*failed to start exec "[0-9a-f]{64}": .*exec: "ss": executable file not found in \$PATH: unknown\n$/)
  })
})

const CUSTOM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: conf
data:
  default.conf: |
    server {
      listen 8080;
      location / { return 200 "ok"; }
    }
---
apiVersion: v1
kind: Pod
metadata:
  name: custom
spec:
  containers:
  - name: web
    image: nginx:alpine
    ports:
    - containerPort: 80
    volumeMounts:
    - name: conf
      mountPath: /etc/nginx/conf.d
  volumes:
  - name: conf
    configMap:
      name: conf
`

describe('what a process binds is its configuration\'s word', () => {
  it('nginx with a mounted default.conf listening on 8080 only: no :80, no [::] (containerPort 80 changes nothing)', () => {
    const s = new ShellSession({ seed: 6, readFile: (p) => (p === 'custom.yaml' ? CUSTOM : undefined) })
    run(s, 'kind create cluster\nkubectl apply -f custom.yaml\nkubectl wait --for=condition=Ready pod/custom')
    expect(inPod(s, 'custom', ['netstat', '-tln'], 'web').out.split('\n').slice(2)).toEqual([
      'tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      ', ''])
  })
})

describe('a network tool the image has but kubehop does not run', () => {
  it('says so (never "not found": BusyBox has nc), through kubectl exec and through a shell', () => {
    const s = new ShellSession({ seed: 4 })
    run(s, 'kind create cluster\nkubectl run bb --image=busybox -- sleep 3600\nkubectl wait --for=condition=Ready pod/bb')
    const r = text(s.runScript('kubectl exec bb -- nc -zv 10.96.0.1 443'))
    expect(r.err).toBe('kubehop: nc is in busybox, but kubehop does not simulate it yet\ncommand terminated with exit code 1\n')
    expect(r.code).toBe(1)
    expect(text(s.runScript("echo 'nc -h' | kubectl exec -i bb -- sh")).err).toContain('kubehop: nc is in busybox, but kubehop does not simulate it yet\n')
    // A program the image does not have is still containerd's missing executable.
    expect(text(s.runScript('kubectl exec bb -- curl -s 10.96.0.1')).err).toMatch(/failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: .*exec: "curl": executable file not found in \$PATH: unknown\n$/)
  })
})
