// The Gateway API on kind (issue 19 point 3): what kubectl says before and after cloud-provider-kind installs the
// CRDs, the CRDs' validation messages (gateway-api config/crd/standard: OpenAPI schema + x-kubernetes-validations
// from the apis/v1 kubebuilder markers), status as cloud-provider-kind writes it (pkg/gateway/gateway.go), and
// requests through the Gateway's envoy.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from './test-helpers.ts'

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: cloud-provider-kind
  listeners: [{name: http, port: 80, protocol: HTTP}]
`

function apply(session: ShellSession, yaml: string) {
  return run(session, `kubectl apply -f - <<'YAML'\n${yaml}YAML\n`).records.map((r) => r.chunks.map((c) => c.text).join('')).join('')
}

function route(spec: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: gw}]
${spec}`
}

describe('Gateway API CRDs', () => {
  it('a bare kind cluster has no Gateway kinds: apply fails with the REST mapping error, get with the unknown type', () => {
    const s = new ShellSession({ seed: 1 })
    expect(apply(s, GATEWAY)).toContain('error: resource mapping not found for name: "gw" namespace: "" from "STDIN": no matches for kind "Gateway" in version "gateway.networking.k8s.io/v1"\nensure CRDs are installed first\n')
    expect(run(s, 'kubectl get gateways').text).toContain('error: the server doesn\'t have a resource type "gateways"')
    run(s, 'cloud-provider-kind')
    expect(run(s, 'kubectl get gatewayclass').text).toMatch(/NAME +CONTROLLER +ACCEPTED +AGE\ncloud-provider-kind +kind\.sigs\.k8s\.io\/gateway-controller +True +\d+s\n/)
    expect(apply(s, GATEWAY)).toContain('gateway.gateway.networking.k8s.io/gw created')
  })
})

describe('validation messages of the Gateway API CRDs', () => {
  const s = new ShellSession({ seed: 1 })
  run(s, 'cloud-provider-kind')
  it.each([
    ['a Gateway without listeners', 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec: {gatewayClassName: x}\n',
      'The Gateway "g" is invalid: spec.listeners: Required value'],
    ['two listeners with one name', 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: x\n  listeners: [{name: a, port: 80, protocol: HTTP}, {name: a, port: 81, protocol: HTTP}]\n',
      'The Gateway "g" is invalid: spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway'],
    ['a port out of range', 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: x\n  listeners: [{name: a, port: 70000, protocol: HTTP}]\n',
      'The Gateway "g" is invalid: spec.listeners[0].port: Invalid value: 70000: spec.listeners[0].port in body should be less than or equal to 65535'],
    ['a relative path', route('  rules: [{matches: [{path: {type: PathPrefix, value: api}}], backendRefs: [{name: s, port: 80}]}]\n'),
      'The HTTPRoute "r" is invalid: spec.rules[0].matches[0].path: Invalid value: "object": value must be an absolute path and start with \'/\' when type one of [\'Exact\', \'PathPrefix\']'],
    ['an Ingress path type', route('  rules: [{matches: [{path: {type: Prefix, value: /}}], backendRefs: [{name: s, port: 80}]}]\n'),
      'The HTTPRoute "r" is invalid: spec.rules[0].matches[0].path.type: Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"'],
    ['a Service backend without port', route('  rules: [{backendRefs: [{name: s}]}]\n'),
      'The HTTPRoute "r" is invalid: spec.rules[0].backendRefs[0]: Invalid value: "object": Must have port for Service reference'],
    ['a weight over the maximum', route('  rules: [{backendRefs: [{name: s, port: 80, weight: 1000001}]}]\n'),
      'The HTTPRoute "r" is invalid: spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000'],
    ['an upper-case hostname', route('  hostnames: [Shop.Example.com]\n'),
      'The HTTPRoute "r" is invalid: spec.hostnames[0]: Invalid value: "Shop.Example.com": spec.hostnames[0] in body should match \'^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\''],
    ['a redirect with backends', route('  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}], backendRefs: [{name: s, port: 80}]}]\n'),
      'The HTTPRoute "r" is invalid: spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs'],
    ['a filter type without its field', route('  rules: [{filters: [{type: RequestHeaderModifier}], backendRefs: [{name: s, port: 80}]}]\n'),
      'The HTTPRoute "r" is invalid: spec.rules[0].filters[0]: Invalid value: "object": filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type'],
  ])('%s', (_what, yaml, message) => {
    expect(apply(s, yaml)).toBe(`${message}\n`)
  })
})

describe('requests through the Gateway', () => {
  const s = new ShellSession({ seed: 4 })
  run(s, `cloud-provider-kind
kubectl create deployment blue --image=luksa/kubia --replicas=2
kubectl create deployment green --image=luksa/kubia
kubectl expose deployment blue --port=80 --target-port=8080
kubectl expose deployment green --port=80 --target-port=8080
kubectl wait --for=condition=Available deployment --all
`)
  apply(s, `${GATEWAY}---
${route(`  hostnames: [app.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: blue, port: 80, weight: 80}, {name: green, port: 80, weight: 20}]
  - matches: [{path: {type: PathPrefix, value: /old}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]
  - matches: [{path: {type: Exact, value: /canary}, headers: [{name: x-canary, value: "yes"}]}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-env, value: canary}]}}]
    backendRefs: [{name: green, port: 80}]
`)}`)

  it('publishes the envoy address and programs the route', () => {
    const out = run(s, 'kubectl get gateway gw\nkubectl get httproute r -o jsonpath=\'{.status.parents[0].conditions[*].reason}\'').text
    expect(out).toMatch(/\ngw +cloud-provider-kind +172\.18\.0\.\d+ +True +\d+s\n/)
    expect(out).toContain('Accepted ResolvedRefs')
  })

  it('splits traffic by weight, through envoy then kube-proxy', () => {
    const ip = run(s, "kubectl get gateway gw -o jsonpath='{.status.addresses[0].value}'").text.split('\n')[1]
    const r = run(s, `for i in $(seq 200); do curl -s -H 'Host: app.example.com' http://${ip}/; done`)
    const green = r.traces.filter((t) => t.servedBy?.startsWith('pod/green')).length
    expect(r.traces).toHaveLength(200)
    expect(green).toBeGreaterThan(20)
    expect(green).toBeLessThan(60)
    const hops = r.traces[0].hops.map((h) => `${h.component}:${h.action}`)
    expect(hops.indexOf('gateway:route')).toBeLessThan(hops.indexOf('kube-proxy:DNAT'))
  })

  it('redirects, rewrites headers, and answers 404 for other hosts', () => {
    const ip = run(s, "kubectl get gateway gw -o jsonpath='{.status.addresses[0].value}'").text.split('\n')[1]
    expect(run(s, `curl -si -H 'Host: app.example.com' http://${ip}/old/page?x=1`).text.replace(/\r/g, '')).toContain('HTTP/1.1 302 Found\nlocation: http://app.example.com/new/page?x=1\n')
    const canary = run(s, `curl -s -H 'Host: app.example.com' -H 'x-canary: yes' http://${ip}/canary`)
    expect(canary.traces[0].servedBy).toMatch(/^pod\/green/)
    expect(run(s, `curl -si http://${ip}/`).text.replace(/\r/g, '')).toContain('HTTP/1.1 404 Not Found\ncontent-length: 0\n')
  })
})

describe('Gateway API on GKE', () => {
  it('--gateway-api=standard installs the CRDs and the gke-l7 classes; a Gateway gets a public address and serves', () => {
    const s = new ShellSession({ seed: 2 })
    const plain = run(s, 'gcloud container clusters create plain --num-nodes=2\nkubectl get gatewayclass').text
    expect(plain).toContain('error: the server doesn\'t have a resource type "gatewayclass"')
    run(s, 'gcloud container clusters create demo --num-nodes=2 --gateway-api=standard\nkubectl create deployment kubia --image=luksa/kubia\nkubectl expose deployment kubia --port=80 --target-port=8080\nkubectl wait --for=condition=Available deployment/kubia')
    expect(run(s, 'kubectl get gatewayclass').text).toMatch(/gke-l7-global-external-managed +networking\.gke\.io\/gateway +True/)
    apply(s, GATEWAY.replace('cloud-provider-kind', 'gke-l7-global-external-managed') + '---\n' + route('  rules: [{backendRefs: [{name: kubia, port: 80}]}]\n'))
    const ip = run(s, "kubectl get gateway gw -o jsonpath='{.status.addresses[0].value}'").text.split('\n')[1]
    expect(ip).toMatch(/^34\./)
    const r = run(s, `curl -s http://${ip}/`)
    expect(r.traces[0].servedBy).toMatch(/^pod\/kubia-/)
    expect(r.traces[0].hops.some((h) => h.component === 'gateway' && h.action === 'route')).toBe(true)
  })
})
