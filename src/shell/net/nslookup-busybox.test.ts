// BusyBox's nslookup before and after 1.29 (mirror/busybox networking/nslookup.c at 1_28_0 and at HEAD): the
// Kubernetes DNS guide's `busybox:1.28` resolves `kubernetes.default` through the search list; today's busybox
// sends it as typed (it has a dot) and CoreDNS says NXDOMAIN.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { inPod, run } from './test-helpers.ts'

describe('BusyBox nslookup in a pod', () => {
  const session = new ShellSession({ seed: 5 })
  run(session, `kubectl run old --image=busybox:1.28 -- sleep 3600
kubectl run new --image=busybox:1.36 -- sleep 3600
kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl wait --for=condition=Ready pod/old pod/new`)
  const webIP = run(session, `kubectl get svc web -o jsonpath='{.spec.clusterIP}'`).last.chunks.map((c) => c.text).join('')

  it('1.28 prints getaddrinfo results with each address\'s reverse name', () => {
    const r = inPod(session, 'old', ['nslookup', 'kubernetes.default'])
    expect(r.code).toBe(0)
    expect(r.out).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
      'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n')
  })

  it('1.28 cannot resolve a name nobody has: the error goes to stderr, exit 1', () => {
    const r = inPod(session, 'old', ['nslookup', 'nope'])
    expect(r.code).toBe(1)
    expect(r.err).toBe("nslookup: can't resolve 'nope'\n")
  })

  it('today\'s busybox sends a dotted name as typed: NXDOMAIN for the A and the AAAA query', () => {
    const r = inPod(session, 'new', ['nslookup', 'kubernetes.default'])
    expect(r.code).toBe(1)
    expect(r.out).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
      "** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n")
  })

  it('today\'s busybox expands a bare name over every search domain, A then AAAA, printing each reply', () => {
    const r = inPod(session, 'new', ['nslookup', 'web'])
    const queries = r.traces[0].hops.filter((h) => h.component === 'coredns').map((h) => h.note!.split(':')[0])
    expect(queries).toEqual(['A', 'AAAA'].flatMap((t) => ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'].map((s) => `${t} web.${s}.`)))
    expect(r.out).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${webIP}\n\n** server can't find web.svc.cluster.local: NXDOMAIN\n`)
    expect(r.out).not.toContain('Non-authoritative')
    expect(r.code).toBe(1)
  })

  it('today\'s busybox reverse-resolves an address with a PTR query', () => {
    const r = inPod(session, 'new', ['nslookup', webIP])
    const rev = webIP.split('.').reverse().join('.')
    expect(r.out).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n${rev}.in-addr.arpa\tname = web.default.svc.cluster.local\n\n`)
    expect(r.code).toBe(0)
  })
})
