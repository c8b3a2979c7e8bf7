// Behaviour walkthroughs through the shell, as a learner types them (behaviours 2, 12, 14, 17, 19, 20, 21, 29).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { inPod, run } from './test-helpers.ts'

const APP = `kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: echo}
spec:
  replicas: 2
  selector: {matchLabels: {app: echo}}
  template:
    metadata: {labels: {app: echo}}
    spec:
      containers:
      - name: main
        image: registry.k8s.io/echoserver:1.10
        ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: echo}
spec:
  type: NodePort
  selector: {app: echo}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: echo-wrong}
spec:
  selector: {app: echo}
  ports: [{port: 80, targetPort: 9999}]
---
apiVersion: v1
kind: Service
metadata: {name: echo-headless}
spec:
  clusterIP: None
  selector: {app: echo}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  type: ExternalName
  externalName: db.example.com
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers:
  - name: main
    image: nicolaka/netshoot
    command: [sleep, "3600"]
YAML
sleep 30
`

describe('walkthroughs on kind', () => {
  const session = new ShellSession({ seed: 1 })
  run(session, APP)
  const cluster = session.cluster!
  const clusterIP = (name: string) => cluster.store.get('Service', 'default', name)!.spec.clusterIP as string
  const podIPs = cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'echo').map((p) => p.status.podIP as string).sort()

  it('NodePort from the host: served by a pod that sees the node, not the host (SNAT)', () => {
    const r = run(session, 'curl -s http://172.18.0.3:30080/')
    expect(r.last.exitCode).toBe(0)
    const trace = r.traces[0]
    expect(trace.outcome).toBe('delivered')
    expect(trace.servedBy).toMatch(/^pod\/echo-/)
    expect(['172.18.0.3', '10.244.1.1']).toContain(trace.clientIPSeenByServer)
    expect(r.text).toContain(`client_address=${trace.clientIPSeenByServer}`)
    expect(trace.hops.some((h) => h.action === 'DNAT' && h.rule?.includes('KUBE-SEP-'))).toBe(true)
  })

  it('a pod IP and a cluster IP are unreachable from the host', () => {
    const r = run(session, `curl -m 2 http://${podIPs[0]}:8080/\nping -c 2 ${clusterIP('echo')}`)
    expect(r.records[0].exitCode).toBe(28)
    expect(r.text).toContain('curl: (28) Connection timed out after 2001 milliseconds')
    expect(r.text).toContain('2 packets transmitted, 0 received, 100% packet loss')
  })

  it('inside the cluster: curl IP:port works, ping of the cluster IP loses everything', () => {
    const ok = inPod(session, 'client', ['curl', '-s', `http://${clusterIP('echo')}/`])
    expect(ok.code).toBe(0)
    expect(ok.out).toContain('Hostname: echo-')
    const p = inPod(session, 'client', ['ping', '-c', '3', clusterIP('echo')])
    expect(p.out).toContain('3 packets transmitted, 0 received, 100% packet loss')
    expect(p.code).toBe(1)
  })

  it('ping prints as the image\'s ping does: iputils (netshoot) with the canonical name, BusyBox with the name typed', () => {
    // netshoot installs iputils; getaddrinfo's canonical name is the search-list expansion.
    const p = inPod(session, 'client', ['ping', '-c', '2', 'echo'])
    expect(p.out).toBe(`PING echo.default.svc.cluster.local (${clusterIP('echo')}) 56(84) bytes of data.\n\n--- echo.default.svc.cluster.local ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1039ms\n\n`)
    run(session, 'kubectl run bb --image=busybox -- sleep 3600\nkubectl wait --for=condition=Ready pod/bb')
    const b = inPod(session, 'bb', ['ping', '-c', '2', 'echo'], 'bb')
    expect(b.out).toBe(`PING echo (${clusterIP('echo')}): 56 data bytes\n\n--- echo ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n`)
  })

  it('common mistakes: curling the targetPort on the cluster IP hangs; a wrong targetPort is refused', () => {
    const t = inPod(session, 'client', ['curl', '-m', '3', `http://${clusterIP('echo')}:8080/`])
    expect(t.code).toBe(28)
    const w = inPod(session, 'client', ['curl', `http://${clusterIP('echo-wrong')}/`])
    expect(w.code).toBe(7)
    expect(w.err).toMatch(/curl: \(7\) Failed to connect to 10\.96\.\d+\.\d+ port 80 after \d+ ms: Couldn't connect to server/)
    expect(w.traces.at(-1)!.hops.some((h) => h.action === 'reset')).toBe(true)
  })

  it('DNS: service name through the search path, headless → pod IPs, ExternalName → CNAME, NXDOMAIN', () => {
    const a = inPod(session, 'client', ['nslookup', 'echo'])
    expect(a.out).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\techo.default.svc.cluster.local\nAddress: ${clusterIP('echo')}\n\n`)
    expect(a.traces[0].hops.some((h) => h.component === 'coredns')).toBe(true)
    const h = inPod(session, 'client', ['nslookup', 'echo-headless'])
    const ips = [...h.out.matchAll(/Address: (\S+)/g)].map((m) => m[1]).sort()
    expect(ips).toEqual(podIPs)
    const c = inPod(session, 'client', ['nslookup', 'db'])
    expect(c.out).toContain('db.default.svc.cluster.local\tcanonical name = db.example.com.')
    const nx = inPod(session, 'client', ['nslookup', 'nope'])
    expect(nx.out).toContain("** server can't find nope: NXDOMAIN")
    expect(nx.code).toBe(1)
    const d = inPod(session, 'client', ['dig', '+short', 'echo.default.svc.cluster.local'])
    expect(d.out).toBe(`${clusterIP('echo')}\n`)
  })

  it('several URLs in one curl share a connection, so they reach the same pod', () => {
    for (let i = 0; i < 5; i++) {
      const r = inPod(session, 'client', ['curl', '-s', `http://${clusterIP('echo')}/`, `http://${clusterIP('echo')}/again`])
      const served = r.traces.filter((t) => t.servedBy).map((t) => t.servedBy)
      expect(served).toHaveLength(2)
      expect(served[0]).toBe(served[1])
    }
  })
})

describe('determinism', () => {
  it('the same script and seed give the same transcript and traces', () => {
    const script = `${APP}curl -s http://172.18.0.2:30080/\ncurl -s http://172.18.0.4:30080/\nping -c 1 172.18.0.2\n`
    const a = run(new ShellSession({ seed: 7 }), script)
    const b = run(new ShellSession({ seed: 7 }), script)
    expect(a.text).toBe(b.text)
    expect(JSON.stringify(a.traces)).toBe(JSON.stringify(b.traces))
  })
})

/** nginx with hostPort 8081 on kind-worker. */
const HOSTPORT_POD = `apiVersion: v1
kind: Pod
metadata: {name: hp}
spec:
  nodeName: kind-worker
  containers: [{name: nginx, image: nginx, ports: [{containerPort: 80, hostPort: 8081}]}]
`

describe('hostPort, hostNetwork and port-forward', () => {
  const session = new ShellSession({ seed: 4 })
  run(session, `kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: web, image: registry.k8s.io/echoserver:1.10}]
---
${HOSTPORT_POD}---
apiVersion: v1
kind: Pod
metadata: {name: hn}
spec:
  nodeName: kind-worker2
  hostNetwork: true
  containers: [{name: nginx, image: nginx}]
YAML
sleep 20
`)

  it.each([
    ['hostPort answers on its own node only', "curl -s -o /dev/null -w '%{http_code}' 172.18.0.3:8081", '200', 0],
    ['hostPort is not open on other nodes', 'curl -s 172.18.0.4:8081', '', 7],
    ['a hostNetwork pod listens on the node address', "curl -s -o /dev/null -w '%{http_code}' 172.18.0.4:80", '200', 0],
  ])('%s', (_, cmd, out, code) => {
    const r = run(session, cmd)
    expect(r.last.exitCode).toBe(code)
    expect(r.last.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')).toBe(out)
    const t = r.traces.at(-1)!
    expect(t.hops[0].component).toBe('client')
    if (code === 0) expect(t.hops.at(-1)!.action).toBe('receive')
  })

  it('port-forward reaches the pod directly; the app sees 127.0.0.1', () => {
    const r = run(session, 'kubectl port-forward web 9090:8080\ncurl -s localhost:9090')
    expect(r.last.chunks.map((c) => c.text).join('')).toContain('client_address=127.0.0.1')
    expect(r.traces.at(-1)!.hops.some((h) => h.rule?.includes('KUBE-'))).toBe(false)
  })
})

describe('hostPort while the sandbox lives', () => {
  it('is DNATed from sandbox creation (image still pulling: refused at the pod) until the sandbox is torn down', () => {
    const session = new ShellSession({ seed: 4 })
    run(session, `kubectl apply -f - <<YAML
${HOSTPORT_POD}YAML`)
    const natRules = () => run(session, 'docker exec kind-worker iptables-save -t nat').last.chunks.map((c) => c.text).join('')
    // CNI ADD ran with the sandbox: the DNAT to its IP is there while nginx is still being pulled.
    expect(run(session, 'kubectl get pod hp').last.chunks.map((c) => c.text).join('')).toContain('ContainerCreating')
    expect(natRules()).toMatch(/-A CNI-DN-\w+ -p tcp -m tcp --dport 8081 -j DNAT --to-destination 10\.244\.\d+\.\d+:80/)
    const pulling = run(session, 'curl -s 172.18.0.3:8081')
    expect(pulling.last.exitCode).toBe(7)
    expect(pulling.traces.at(-1)!.hops.some((h) => h.rule?.includes('-j DNAT --to-destination 10.244.'))).toBe(true)
    run(session, 'sleep 20')
    expect(run(session, "curl -s -o /dev/null -w '%{http_code}' 172.18.0.3:8081").last.exitCode).toBe(0)
    run(session, 'kubectl delete pod hp\nsleep 5')
    expect(natRules()).not.toContain('CNI-DN-')
  })
})
