// The world outside the cluster (issue 18 point 6): CoreDNS forwarding to the node's resolver, ExternalName's
// CNAME chased to the target's addresses, a selector-less Service whose hand-made Endpoints point outside, and
// the API server's anonymous answers. Expected texts are what the real tools print (bind 9.18 nslookup, curl 8).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { inPod, run } from './test-helpers.ts'

const EXAMPLE_IPS = ['23.192.228.80', '23.192.228.84', '23.215.0.136', '23.215.0.138', '96.7.128.175', '96.7.128.198']

describe('the world outside a kind cluster', () => {
  const session = new ShellSession({ seed: 3 })
  run(session, `kubectl run client --image=nicolaka/netshoot -- sleep infinity
kubectl create service externalname ext --external-name example.com
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata: {name: external-web}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: external-web}
subsets:
- addresses: [{ip: 23.192.228.80}]
  ports: [{port: 80}]
YAML
kubectl wait --for=condition=Ready pod/client`)

  it('nslookup example.com from a pod: CoreDNS forwards it, the answer is not authoritative', () => {
    const r = inPod(session, 'client', ['nslookup', 'example.com'])
    expect(r.code).toBe(0)
    // bind's nslookup marks an answer without AA; CoreDNS's loadbalance plugin shuffles the A records.
    expect(r.out.startsWith('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nNon-authoritative answer:\nName:\texample.com\nAddress: ')).toBe(true)
    expect([...r.out.matchAll(/Address: (\S+)/g)].map((m) => m[1]).sort()).toEqual(EXAMPLE_IPS)
    const coredns = r.traces[0].hops.filter((h) => h.component === 'coredns')
    expect(coredns.at(-1)!.rule).toBe('forward . /etc/resolv.conf')
  })

  it('a name nobody has is NXDOMAIN from upstream', () => {
    const r = inPod(session, 'client', ['nslookup', 'someapi.somecompany.com'])
    expect(r.code).toBe(1)
    expect(r.out).toContain("** server can't find someapi.somecompany.com: NXDOMAIN")
  })

  it('an ExternalName Service resolves to a CNAME, then the target\'s addresses', () => {
    const r = inPod(session, 'client', ['nslookup', 'ext'])
    expect(r.out).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10#53\n\next\.default\.svc\.cluster\.local\tcanonical name = example\.com\.\nName:\texample\.com\nAddress: /)
    expect([...r.out.matchAll(/Address: (\d+\.\S+)/g)].map((m) => m[1]).sort()).toEqual(EXAMPLE_IPS)
    const c = inPod(session, 'client', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code} %{remote_ip}\n', 'http://ext/'])
    expect(EXAMPLE_IPS.map((ip) => `200 ${ip}\n`)).toContain(c.out)
    expect(c.traces.at(-1)!.servedBy).toMatch(/^external\//)
  })

  it('a selector-less Service with Endpoints outside: DNAT by kube-proxy, masquerade by kindnet and the host, traced there and back', () => {
    const r = inPod(session, 'client', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\n', 'http://external-web/'])
    expect(r.out).toBe('200\n')
    const t = r.traces.at(-1)!
    expect(t.servedBy).toBe('external/23.192.228.80')
    // The server sees the host's LAN address: the pod was masqueraded twice (node, then the host's docker rule).
    expect(t.clientIPSeenByServer).toBe('192.168.1.23')
    const actions = t.hops.map((h) => `${h.at} ${h.action}`)
    expect(actions).toContain('host SNAT')
    expect(actions).toContain('host un-SNAT')
    expect(t.hops.some((h) => h.action === 'DNAT' && h.dstAfter === '23.192.228.80:80')).toBe(true)
    expect(t.hops.at(-1)!.action).toBe('receive')
  })

  it('the API server from a pod: /healthz is ok, / is the anonymous 403 Status, without -k curl refuses the certificate', () => {
    expect(inPod(session, 'client', ['curl', '-sk', 'https://kubernetes.default/healthz']).out).toBe('ok')
    // apiserver responsewriters.Forbidden, pretty-printed for curl, no trailing newline.
    expect(inPod(session, 'client', ['curl', '-sk', 'https://kubernetes.default/']).out).toBe(`{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",
  "reason": "Forbidden",
  "details": {},
  "code": 403
}`)
    expect(inPod(session, 'client', ['curl', '-s', 'https://kubernetes.default/']).code).toBe(60)
    // system:public-info-viewer lets anonymous clients read the version; the kubelet refuses them outright.
    expect(JSON.parse(inPod(session, 'client', ['curl', '-sk', 'https://kubernetes.default/version']).out).gitVersion).toBe('v1.32.2')
    expect(inPod(session, 'client', ['curl', '-sk', 'https://172.18.0.3:10250/pods']).out).toBe('Unauthorized')
  })

  it('from the host: systemd-resolved knows example.com, and curl reaches it', () => {
    const r = run(session, 'nslookup example.com\ncurl -s -o /dev/null -w "%{http_code}\\n" http://example.com/\ndig +short example.org')
    expect(r.records[0].chunks.map((c) => c.text).join('')).toBe(`Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\n${EXAMPLE_IPS.map((ip) => `Name:\texample.com\nAddress: ${ip}\n`).join('')}\n`)
    expect(r.records[1].chunks.map((c) => c.text).join('')).toBe('200\n')
    expect(r.records[2].chunks.map((c) => c.text).join('')).toBe(EXAMPLE_IPS.join('\n') + '\n')
  })
})
