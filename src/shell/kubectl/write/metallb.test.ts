import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'
import type { Trace } from '../../../engine/trace/types.ts'

const URL_13 = 'https://raw.githubusercontent.com/metallb/metallb/v0.13.7/config/manifests/metallb-native.yaml'
const POOL = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: example\n  namespace: metallb-system\nspec:\n  addresses:\n  - 172.18.255.200-172.18.255.250\n'
const L2 = 'apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata:\n  name: empty\n  namespace: metallb-system\n'
const KIND = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n'
const FILES: Record<string, string> = { 'pool.yaml': POOL, 'l2.yaml': L2, 'kind.yml': KIND }

function sh(s: ShellSession, line: string) {
  const [r] = s.runScript(line)
  const text = (stream: string) => r.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: r.exitCode, traces: r.traces as Trace[] }
}

function installed(config = ''): ShellSession {
  const s = new ShellSession({ seed: 1, readFile: (p) => FILES[p] })
  sh(s, `kind create cluster ${config}`)
  return s
}

describe('MetalLB from its native manifest URL', () => {
  it('creates what metallb-native.yaml declares, in its order', () => {
    const s = installed()
    const r = sh(s, `kubectl apply -f ${URL_13}`)
    expect(r.code).toBe(0)
    // The lines `kubectl apply` prints for v0.13.7 (metallb/metallb config/manifests/metallb-native.yaml, kustomize order).
    expect(r.out).toBe([
      'namespace/metallb-system created',
      ...['addresspools', 'bfdprofiles', 'bgpadvertisements', 'bgppeers', 'communities', 'ipaddresspools', 'l2advertisements']
        .map((p) => `customresourcedefinition.apiextensions.k8s.io/${p}.metallb.io created`),
      'serviceaccount/controller created', 'serviceaccount/speaker created',
      'role.rbac.authorization.k8s.io/controller created', 'role.rbac.authorization.k8s.io/pod-lister created',
      'clusterrole.rbac.authorization.k8s.io/metallb-system:controller created', 'clusterrole.rbac.authorization.k8s.io/metallb-system:speaker created',
      'rolebinding.rbac.authorization.k8s.io/controller created', 'rolebinding.rbac.authorization.k8s.io/pod-lister created',
      'clusterrolebinding.rbac.authorization.k8s.io/metallb-system:controller created', 'clusterrolebinding.rbac.authorization.k8s.io/metallb-system:speaker created',
      'secret/webhook-server-cert created', 'service/webhook-service created',
      'deployment.apps/controller created', 'daemonset.apps/speaker created',
      'validatingwebhookconfiguration.admissionregistration.k8s.io/metallb-webhook-configuration created', '',
    ].join('\n'))
    expect(sh(s, 'kubectl wait -n metallb-system --for=condition=ready pod --selector=app=metallb --timeout=90s').code).toBe(0)
    // The speaker's two 7946 ports share the strategic-merge key containerPort, which kubehop's merge reports as a change.
    const again = sh(s, `kubectl apply -f ${URL_13}`).out.split('\n').filter((l) => l && !l.endsWith(' unchanged'))
    expect(again).toEqual(['daemonset.apps/speaker configured'])
  })

  it('v0.14 drops AddressPool and adds the excludel2 ConfigMap', () => {
    const s = installed()
    const out = sh(s, 'kubectl apply -f https://raw.githubusercontent.com/metallb/metallb/v0.14.8/config/manifests/metallb-native.yaml').out
    expect(out).not.toContain('/addresspools.metallb.io')
    expect(out).toContain('servicel2statuses.metallb.io created')
    expect(out).toContain('configmap/metallb-excludel2 created\nsecret/webhook-server-cert created\n')
  })

  it('an unknown MetalLB version is a 404, an IPAddressPool before the CRDs has no kind', () => {
    const s = installed()
    expect(sh(s, 'kubectl apply -f https://raw.githubusercontent.com/metallb/metallb/v0.9.9/config/manifests/metallb-native.yaml').err).toContain('status code=404')
    expect(sh(s, 'kubectl apply -f pool.yaml').err).toContain('no matches for kind "IPAddressPool" in version "metallb.io/v1beta1"')
  })

  it('gives LoadBalancer Services an address from the pool, answered by a speaker over ARP', () => {
    const s = installed('--config kind.yml')
    sh(s, `kubectl apply -f ${URL_13}`)
    sh(s, 'kubectl wait -n metallb-system --for=condition=ready pod --selector=app=metallb --timeout=90s')
    sh(s, 'kubectl create deployment web --image=nginx:1.23')
    sh(s, 'kubectl wait --for=condition=Ready pod -l app=web --timeout=300s')
    sh(s, 'kubectl expose deployment web --type=LoadBalancer --port=80')
    // No pool yet: the controller cannot allocate, the Service stays pending.
    expect(sh(s, 'kubectl get svc web').out).toContain('<pending>')
    expect(sh(s, 'kubectl describe svc web').out).toContain('AllocationFailed')
    expect(sh(s, 'kubectl apply -f pool.yaml').out).toBe('ipaddresspool.metallb.io/example created\n')
    expect(sh(s, 'kubectl get svc web').out).toContain('172.18.255.200')
    // Allocated but not announced: nobody answers ARP.
    const silent = sh(s, 'curl -s -m 2 172.18.255.200')
    expect(silent.traces[0].outcome).not.toBe('delivered')
    sh(s, 'kubectl apply -f l2.yaml')
    const r = sh(s, 'curl -s 172.18.255.200')
    expect(r.out).toContain('Welcome to nginx!')
    const hops = r.traces[0].hops
    const arp = hops.findIndex((h) => h.action === 'arp-reply')
    expect(hops[arp].rule).toMatch(/^speaker speaker-\w+: L2Advertisement empty, IPAddressPool example$/)
    // After the ARP answer the node's own kube-proxy rules take the packet (KUBE-EXT, then KUBE-SVC).
    expect(hops.slice(arp).find((h) => h.rule?.includes('-j KUBE-SVC-'))?.at).toBe(hops[arp].at)
    // A second Service gets the next address.
    sh(s, 'kubectl expose deployment web --name=web2 --type=LoadBalancer --port=8080 --target-port=80')
    expect(sh(s, 'kubectl get svc web2').out).toContain('172.18.255.201')
  })

  it('a single-node kind cluster keeps exclude-from-external-load-balancers, so no speaker announces', () => {
    // MetalLB honours the label kubeadm puts on the control plane (cloud-provider-kind docs: allow_load_balancer_access_control_plane.md).
    const s = installed()
    for (const line of [`kubectl apply -f ${URL_13}`, 'kubectl wait -n metallb-system --for=condition=ready pod --selector=app=metallb --timeout=90s',
      'kubectl apply -f pool.yaml -f l2.yaml', 'kubectl create deployment web --image=nginx:1.23', 'kubectl wait --for=condition=Ready pod -l app=web --timeout=300s',
      'kubectl expose deployment web --type=LoadBalancer --port=80']) sh(s, line)
    expect(sh(s, 'curl -s -m 2 172.18.255.200').traces[0].hops.at(-1)?.note).toContain('no speaker announces it')
    sh(s, 'kubectl label node kind-control-plane node.kubernetes.io/exclude-from-external-load-balancers-')
    expect(sh(s, 'curl -s 172.18.255.200').out).toContain('Welcome to nginx!')
  })
})
