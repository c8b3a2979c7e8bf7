// Behaviour 25: Ingress on kind with ingress-nginx installed from its published manifest: Host and path
// routing, 404 from the controller, TLS at the controller, straight to pod endpoints, ADDRESS "localhost".
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from './test-helpers.ts'
import { IngressStatusController } from '../../engine/ingress/ingress-status-controller.ts'
import { keyOf } from '../../engine/api/types.ts'

const KIND_CONFIG = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
  labels:
    ingress-ready: "true"
  extraPortMappings:
  - containerPort: 80
    hostPort: 80
    protocol: TCP
  - containerPort: 443
    hostPort: 443
    protocol: TCP
- role: worker
`

const SETUP = `kind create cluster --config kind-ingress.yaml
kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/main/deploy/static/provider/kind/deploy.yaml
sleep 60
kubectl get pods -n ingress-nginx -o wide
kubectl apply -f - <<YAML
kind: Pod
apiVersion: v1
metadata: {name: foo-app, labels: {app: foo}}
spec:
  containers: [{name: foo-app, image: hashicorp/http-echo, args: ["-text=foo"]}]
---
kind: Service
apiVersion: v1
metadata: {name: foo-service}
spec:
  selector: {app: foo}
  ports: [{port: 5678}]
---
kind: Pod
apiVersion: v1
metadata: {name: bar-app, labels: {app: bar}}
spec:
  containers: [{name: bar-app, image: hashicorp/http-echo, args: ["-text=bar"]}]
---
kind: Service
apiVersion: v1
metadata: {name: bar-service}
spec:
  selector: {app: bar}
  ports: [{port: 5678}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: example-ingress}
spec:
  rules:
  - http:
      paths:
      - pathType: Prefix
        path: /foo
        backend: {service: {name: foo-service, port: {number: 5678}}}
      - pathType: Prefix
        path: /bar
        backend: {service: {name: bar-service, port: {number: 5678}}}
  - host: api.example.com
    http:
      paths:
      - pathType: Exact
        path: /v1
        backend: {service: {name: bar-service, port: {number: 5678}}}
YAML
sleep 10
`

describe('ingress-nginx on kind', () => {
  const session = new ShellSession({ seed: 2, readFile: (p) => (p.endsWith('kind-ingress.yaml') ? KIND_CONFIG : undefined) })
  run(session, SETUP)
  const cluster = session.cluster!

  it.each([
    ['curl -s localhost/foo/hostname', 'foo\n', 'pod/foo-app'],
    ['curl -s localhost/bar', 'bar\n', 'pod/bar-app'],
    ["curl -s -H 'Host: api.example.com' localhost/v1", 'bar\n', 'pod/bar-app'],
    ['curl -s --resolve api.example.com:80:127.0.0.1 http://api.example.com/v1', 'bar\n', 'pod/bar-app'],
    ['curl -sk https://localhost/foo', 'foo\n', 'pod/foo-app'],
  ])('%s → %j from %s', (cmd, body, pod) => {
    const r = run(session, cmd)
    expect(r.last.exitCode).toBe(0)
    expect(r.last.chunks.map((c) => c.text).join('')).toBe(body)
    const t = r.traces.at(-1)!
    expect(t.servedBy).toBe(pod)
    const route = t.hops.find((h) => h.component === 'ingress-controller')!
    expect(route.rule).toMatch(/^Ingress default\/example-ingress: /)
    // Straight to the pod: the controller's connection is not DNATed from a cluster IP.
    const after = t.hops.slice(t.hops.indexOf(route))
    expect(after.some((h) => h.rule?.includes('KUBE-SVC-'))).toBe(false)
  })

  it('answers 404 itself when no rule matches, and curl without -k rejects the fake certificate', () => {
    const r = run(session, "curl -s -o /dev/null -w '%{http_code}' localhost/nothing\ncurl -s -H 'Host: api.example.com' localhost/foo\ncurl https://localhost/foo")
    expect(r.records[0].chunks.map((c) => c.text).join('')).toBe('404')
    expect(r.records[1].chunks.map((c) => c.text).join('')).toContain('<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>')
    expect(r.records[2].exitCode).toBe(60)
  })

  it('publishes ADDRESS localhost in the Ingress status', () => {
    const controller = new IngressStatusController()
    const ing = cluster.store.get('Ingress', 'default', 'example-ingress')!
    // The registered controller already wrote the status; syncing again changes nothing.
    expect(ing.status).toMatchObject({ loadBalancer: { ingress: [{ hostname: 'localhost' }] } })
    const result = controller.sync(keyOf(ing), { store: cluster.store, now: cluster.clock.now(), rng: cluster.rng, runtime: cluster.runtime, config: cluster.config })
    expect(result.writes).toEqual([])
  })
})
