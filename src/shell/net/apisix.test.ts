// APISIX installed by helm routes by ApisixRoute: node port → kube-proxy → the APISIX pod, whose route hop names the
// ApisixRoute rule and goes straight to a ready endpoint of the backend Service (the hop ingress-nginx also uses).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from './test-helpers.ts'

const SETUP = `helm repo add apisix https://charts.apiseven.com
helm install apisix apisix/apisix --set gateway.http.nodePort=30800 --set ingress-controller.enabled=true -n ingress-apisix --create-namespace
kubectl wait -n ingress-apisix --for=condition=ready pod --all --timeout=120s
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: right}
spec:
  selector: {matchLabels: {app: right}}
  template:
    metadata: {labels: {app: right}}
    spec:
      containers: [{name: echo, image: hashicorp/http-echo, args: ["-text=right"]}]
---
apiVersion: apisix.apache.org/v2
kind: ApisixRoute
metadata: {name: apisix-route}
spec:
  http:
  - name: right
    match: {paths: ["/right"]}
    backends: [{serviceName: right, servicePort: 80}]
  - name: gone
    match: {paths: ["/gone/*"]}
    backends: [{serviceName: gone, servicePort: 80}]
YAML
kubectl expose deployment right --port=80 --target-port=5678
kubectl rollout status deployment right
NODE=$(kubectl get node kind-worker -o jsonpath='{.status.addresses[0].address}')
`

describe('APISIX routing (behaviour 25: ingress)', () => {
  const session = new ShellSession({ seed: 5 })
  run(session, SETUP)

  it('routes a path through the node port, kube-proxy and the APISIX pod to the backend pod, naming the ApisixRoute rule', () => {
    const { last, traces } = run(session, 'curl -s $NODE:30800/right')
    expect(last.chunks.map((c) => c.text).join('')).toBe('right\n')
    const hops = traces[0].hops
    const route = hops.find((h) => h.component === 'ingress-controller' && h.action === 'route')!
    expect(route.at).toMatch(/^pod\/apisix-[a-z0-9]+-[a-z0-9]{5}$/)
    expect(route.rule).toBe('ApisixRoute default/apisix-route: right (paths /right)')
    expect(route.note).toContain('APISIX picks endpoint')
    // kube-proxy's node-port rules before the route hop, the backend pod answering after it.
    expect(hops.findIndex((h) => h.component === 'kube-proxy')).toBeLessThan(hops.indexOf(route))
    expect(traces[0].servedBy).toMatch(/^pod\/right-/)
  })

  it('answers APISIX\'s own 404 JSON without a matching route, and 503 when the backend Service does not exist', () => {
    const notFound = run(session, 'curl -si $NODE:30800/left')
    const text = notFound.last.chunks.map((c) => c.text).join('')
    expect(text).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/)
    expect(text).toContain('Server: APISIX/2.15.0')
    expect(text.endsWith('\r\n\r\n{"error_msg":"404 Route Not Found"}\n')).toBe(true)
    expect(notFound.traces[0].hops.some((h) => h.component === 'ingress-controller' && h.action === 'respond' && h.note?.includes('APISIX answers 404'))).toBe(true)
    const gone = run(session, 'curl -s $NODE:30800/gone/x')
    expect(gone.last.chunks.map((c) => c.text).join('')).toBe('{"error_msg":"no valid upstream node"}\n')
    expect(gone.traces[0].hops.some((h) => h.rule === 'ApisixRoute default/apisix-route: gone (paths /gone/*)')).toBe(true)
  })

  it('lists ApisixRoutes with the CRD\'s printer columns', () => {
    const { last } = run(session, 'kubectl get ar')
    expect(last.chunks.map((c) => c.text).join('')).toMatch(/^NAME +HOSTS +URIS +AGE\napisix-route +\["\/right"\] +\d+s\n$/)
  })

  it('needs the API key on the Admin API', () => {
    const { last } = run(session, 'kubectl run probe --image=curlimages/curl --restart=Never --rm -i -- curl -s http://apisix-admin.ingress-apisix:9180/apisix/admin/routes')
    expect(last.chunks.map((c) => c.text).join('')).toContain('{"error_msg":"failed to check token"}')
  })
})
