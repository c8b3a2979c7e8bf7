// Gateway HTTPS listeners and ReferenceGrant (issue 19 point 3): listener status when a certificateRef does not
// resolve (gateway-api apis/v1/gateway_types.go InvalidCertificateRef, RefNotPermitted; conformance
// gateway-invalid-tls-configuration), the certificate envoy presents by SNI, and cross-namespace backendRefs
// refused without a ReferenceGrant (conformance httproute-invalid-cross-namespace-backend-ref: 500) and allowed with one
// (httproute-reference-grant).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from './test-helpers.ts'

function apply(session: ShellSession, yaml: string): string {
  return run(session, `kubectl apply -f - <<'YAML'\n${yaml}YAML\n`).text
}

function https(name: string, host: string, secret: string, ns?: string): string {
  return `  - name: ${name}\n    hostname: ${host}\n    port: 443\n    protocol: HTTPS\n    tls: {mode: Terminate, certificateRefs: [{kind: Secret, name: ${secret}${ns ? `, namespace: ${ns}` : ''}}]}\n`
}

function gateway(listeners: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec:\n  gatewayClassName: cloud-provider-kind\n  listeners:\n${listeners}`
}

const LISTENER_CONDITIONS = `kubectl get gateway gw -o jsonpath='{range .status.listeners[*]}{.name}:{range .conditions[*]} {.type}={.status}/{.reason}{end};{end}'`

function cert(s: ShellSession, name: string, cn: string, ns = 'default'): void {
  run(s, `openssl req -x509 -nodes -newkey rsa:2048 -keyout ${name}.key -out ${name}.crt -subj /CN=${cn} -days 365\nkubectl create secret tls ${name} -n ${ns} --cert=${name}.crt --key=${name}.key`)
}

function setup(seed: number): { s: ShellSession; ip: () => string } {
  const s = new ShellSession({ seed })
  run(s, `cloud-provider-kind
kubectl create namespace shop
kubectl create deployment kubia --image=luksa/kubia -n shop
kubectl expose deployment kubia --port=80 --target-port=8080 -n shop
kubectl create deployment local --image=luksa/kubia
kubectl expose deployment local --port=80 --target-port=8080
kubectl wait --for=condition=Available deployment --all -A
`)
  return { s, ip: () => run(s, "kubectl get gateway gw -o jsonpath='{.status.addresses[0].value}'").text.split('\n')[1] }
}

const ROUTE = (backend: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [${backend}]}]\n`

const GRANT = (kind: string, toKind: string) => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: ${kind}, namespace: default}]
  to: [{group: "", kind: ${toKind}}]
`

describe('HTTPS listeners', () => {
  it('a missing Secret leaves the listener unresolved and unprogrammed; creating it programs the listener', () => {
    const { s } = setup(1)
    apply(s, gateway(https('https', 'a.example.com', 'a-tls')))
    run(s, 'sleep 3')
    expect(run(s, LISTENER_CONDITIONS).text).toContain('https: Accepted=True/Accepted Programmed=False/Invalid ResolvedRefs=False/InvalidCertificateRef;')
    expect(run(s, 'kubectl get gateway gw').text).toMatch(/\ngw +cloud-provider-kind +172\.18\.0\.\d+ +False +\d+s\n/)
    cert(s, 'a-tls', 'a.example.com')
    run(s, 'sleep 3')
    expect(run(s, LISTENER_CONDITIONS).text).toContain('https: Accepted=True/Accepted Programmed=True/Programmed ResolvedRefs=True/ResolvedRefs;')
    expect(run(s, 'kubectl get gateway gw').text).toMatch(/\ngw +cloud-provider-kind +172\.18\.0\.\d+ +True +\d+s\n/)
  })

  it('a Secret of another type is an invalid certificate ref', () => {
    const { s } = setup(1)
    run(s, 'kubectl create secret generic a-tls --from-literal=tls.crt=x')
    apply(s, gateway(https('https', 'a.example.com', 'a-tls')))
    run(s, 'sleep 3')
    expect(run(s, LISTENER_CONDITIONS).text).toContain('ResolvedRefs=False/InvalidCertificateRef')
  })

  it("another namespace's Secret needs a ReferenceGrant from Gateways to Secrets", () => {
    const { s } = setup(1)
    cert(s, 'a-tls', 'a.example.com', 'shop')
    apply(s, gateway(https('https', 'a.example.com', 'a-tls', 'shop')))
    run(s, 'sleep 3')
    expect(run(s, LISTENER_CONDITIONS).text).toContain('ResolvedRefs=False/RefNotPermitted')
    apply(s, GRANT('HTTPRoute', 'Secret'))
    run(s, 'sleep 3')
    expect(run(s, LISTENER_CONDITIONS).text).toContain('ResolvedRefs=False/RefNotPermitted')
    apply(s, GRANT('Gateway', 'Secret'))
    run(s, 'sleep 3')
    expect(run(s, LISTENER_CONDITIONS).text).toContain('ResolvedRefs=True/ResolvedRefs')
  })

  it('envoy presents the certificate of the listener the SNI name picks, and routes the decrypted request', () => {
    const { s, ip } = setup(2)
    cert(s, 'a-tls', 'a.example.com')
    cert(s, 'w-tls', 'wildcard.example.com')
    apply(s, gateway(https('a', 'a.example.com', 'a-tls') + https('w', '"*.example.com"', 'w-tls')) + '---\n' + ROUTE('{name: local, port: 80}'))
    run(s, 'sleep 3')
    const gw = ip()
    const subject = (host: string) => run(s, `curl -skv --resolve ${host}:443:${gw} https://${host}/ 2>&1 | grep subject`).text
    expect(subject('a.example.com')).toContain('subject: CN=a.example.com')
    expect(subject('b.example.com')).toContain('subject: CN=wildcard.example.com')
    const served = run(s, `curl -sk --resolve a.example.com:443:${gw} https://a.example.com/`)
    expect(served.traces[0].servedBy).toMatch(/^pod\/local-/)
    const hops = served.traces[0].hops.map((h) => `${h.component}:${h.action}`)
    expect(hops.indexOf('gateway:terminate-tls')).toBeGreaterThan(hops.indexOf('gateway:accept'))
    expect(hops.indexOf('gateway:terminate-tls')).toBeLessThan(hops.indexOf('gateway:route'))
    expect(served.traces[0].hops.find((h) => h.action === 'terminate-tls')?.rule).toBe('listener a certificateRefs default/a-tls')
    expect(run(s, `curl --resolve a.example.com:443:${gw} https://a.example.com/`).last.exitCode).toBe(60)
    // No listener hostname matches: envoy has no filter chain for the name and the handshake fails.
    expect(run(s, `curl -sk --resolve other.test:443:${gw} https://other.test/`).last.exitCode).toBe(35)
  })
})

describe('ReferenceGrant for backendRefs', () => {
  it('refuses a Service in another namespace (RefNotPermitted, 500) until a grant there allows HTTPRoutes from default', () => {
    const { s, ip } = setup(3)
    apply(s, gateway('  - {name: http, port: 80, protocol: HTTP}\n') + '---\n' + ROUTE('{name: kubia, namespace: shop, port: 80}'))
    run(s, 'sleep 3')
    const conds = "kubectl get httproute r -o jsonpath='{range .status.parents[*].conditions[*]}{.type}={.status}/{.reason} {end}'"
    expect(run(s, conds).text).toContain('Accepted=True/Accepted ResolvedRefs=False/RefNotPermitted')
    const refused = run(s, `curl -s -o /dev/null -w '%{http_code}' http://${ip()}/`)
    expect(refused.text).toContain('500')
    expect(refused.traces[0].hops.some((h) => h.component === 'gateway' && /ReferenceGrant/.test(h.note ?? ''))).toBe(true)
    apply(s, GRANT('Gateway', 'Service'))
    run(s, 'sleep 3')
    expect(run(s, conds).text).toContain('ResolvedRefs=False/RefNotPermitted')
    apply(s, GRANT('HTTPRoute', 'Service'))
    run(s, 'sleep 3')
    expect(run(s, conds).text).toContain('Accepted=True/Accepted ResolvedRefs=True/ResolvedRefs')
    expect(run(s, `curl -s http://${ip()}/`).traces[0].servedBy).toMatch(/^pod\/kubia-/)
  })

  it('kubectl knows the kind: v1beta1 only, short name refgrant, an Age column', () => {
    const { s } = setup(1)
    expect(apply(s, GRANT('HTTPRoute', 'Service'))).toContain('referencegrant.gateway.networking.k8s.io/g created')
    expect(run(s, 'kubectl get refgrant -n shop').text).toMatch(/NAME +AGE\ng +\d+s\n/)
    expect(apply(s, GRANT('HTTPRoute', 'Service').replace('v1beta1', 'v1'))).toContain('no matches for kind "ReferenceGrant" in version "gateway.networking.k8s.io/v1"')
  })
})

describe('the CRD on HTTPS listeners', () => {
  it('defaults mode Terminate and the certificateRef group and kind; Terminate without certificateRefs is refused', () => {
    const { s } = setup(1)
    apply(s, gateway('  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: a-tls}]}}\n'))
    expect(run(s, "kubectl get gateway gw -o jsonpath='{.spec.listeners[0].tls}'").text).toContain('{"certificateRefs":[{"group":"","kind":"Secret","name":"a-tls"}],"mode":"Terminate"}')
    expect(apply(s, gateway('  - {name: https, port: 443, protocol: HTTPS, tls: {mode: Terminate}}\n').replace('name: gw', 'name: g2'))).toContain(
      'The Gateway "g2" is invalid: spec.listeners[0].tls: Invalid value: "object": no such key: certificateRefs evaluating rule: certificateRefs or options must be specified when mode is Terminate')
    expect(apply(s, gateway('  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: []}}\n').replace('name: gw', 'name: g3'))).toContain(
      'The Gateway "g3" is invalid: spec.listeners[0].tls: Invalid value: "object": certificateRefs or options must be specified when mode is Terminate')
  })
})

describe('the ReferenceGrant CRD', () => {
  it('requires from and to, and each entry its group and kind', () => {
    const { s } = setup(1)
    expect(apply(s, 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: shop}\nspec:\n  from: [{kind: HTTPRoute, namespace: default}]\n')).toContain(
      'The ReferenceGrant "g" is invalid: \n* spec.from[0].group: Required value\n* spec.to: Required value')
  })
})
