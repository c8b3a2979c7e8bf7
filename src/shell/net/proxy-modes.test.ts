// kind's `networking.kubeProxyMode: nftables` and `--image kindest/node:vX.Y.Z`, typed as a user would.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from './test-helpers.ts'

const NFT_CONFIG = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: nftables\nnodes:\n- role: control-plane\n- role: worker\n'
const session = (config = NFT_CONFIG) => new ShellSession({ seed: 3, readFile: (p) => (p === 'kind.yaml' ? config : undefined) })
const APP = 'kubectl create deployment web --image=luksa/kubia --replicas=2\nkubectl expose deployment web --port=80 --target-port=8080 --type=NodePort\nkubectl wait --for=condition=Ready pod -l app=web --timeout=60s\n'
const NODE_PORT = '$(kubectl get svc web -o jsonpath="{.spec.ports[0].nodePort}")'

describe('kube-proxy in nftables mode on kind', () => {
  it('prints the ip kube-proxy table and traces a node port through its maps', () => {
    const s = session()
    const r = run(s, `kind create cluster --config kind.yaml\n${APP}docker exec kind-worker nft list ruleset\ncurl -s http://172.18.0.3:${NODE_PORT}\n`)
    const ruleset = r.records.at(-2)!.chunks.map((c) => c.text).join('')
    expect(ruleset).toMatch(/^table ip nat \{/)
    expect(ruleset).toContain('table ip kube-proxy {\n\tcomment "rules for kube-proxy"')
    expect(ruleset).toMatch(/map service-nodeports \{[^}]*elements = \{ tcp \. 3\d{4} : goto external-[A-Z2-7]{8}-default\/web\/tcp\/ \}/)
    expect(r.last.chunks.map((c) => c.text).join('')).toMatch(/^You've hit web-/)
    const rules = r.traces.at(-1)!.hops.map((h) => h.rule ?? '')
    expect(rules.some((x) => x.startsWith('ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports → tcp . 3'))).toBe(true)
    expect(rules.some((x) => /^numgen random mod 2 vmap/.test(x))).toBe(true)
    expect(rules).toContain('masquerade fully-random')
  })

  it('has no KUBE-* chains of kube-proxy in iptables-save, and no localhost node ports', () => {
    const s = session()
    const r = run(s, `kind create cluster --config kind.yaml\n${APP}docker exec kind-worker iptables-save\ndocker exec kind-worker curl -s localhost:${NODE_PORT}\n`)
    const save = r.records.at(-2)!.chunks.map((c) => c.text).join('')
    expect(save).toContain(':KUBE-KUBELET-CANARY - [0:0]')
    expect(save).toContain(':KIND-MASQ-AGENT - [0:0]')
    expect(save).not.toMatch(/KUBE-(SERVICES|SVC|SEP|PROXY-CANARY|NODEPORTS)/)
    expect(r.last.exitCode).toBe(7)
  })

  it('iptables mode answers on localhost node ports from the node itself (kind ships curl)', () => {
    const s = session(NFT_CONFIG.replace('nftables', 'iptables'))
    const r = run(s, `kind create cluster --config kind.yaml\n${APP}docker exec kind-worker curl -s localhost:${NODE_PORT}\n`)
    expect(r.last.exitCode).toBe(0)
    expect(r.last.chunks.map((c) => c.text).join('')).toMatch(/^You've hit web-/)
  })

  it('refuses a mode kind does not know, with kind\'s message', () => {
    const r = run(session(NFT_CONFIG.replace('nftables', 'bpf')), 'kind create cluster --config kind.yaml\n')
    expect(r.last.exitCode).toBe(1)
    expect(r.text).toContain('ERROR: failed to create cluster: invalid configuration: invalid kubeProxyMode: bpf')
  })
})

describe('the Kubernetes version is a setting', () => {
  it('--image picks the node image; v1 Endpoints warns from 1.33 on', () => {
    const r = run(session(), 'kind create cluster --image kindest/node:v1.33.1\nkubectl get endpoints kubernetes\n')
    expect(r.text).toContain('Ensuring node image (kindest/node:v1.33.1)')
    expect(r.text).toContain('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n')
    const old = run(session(), 'kind create cluster --image kindest/node:v1.32.2\nkubectl get endpoints kubernetes\n')
    expect(old.text).not.toContain('Warning:')
  })

  it('an image that does not exist fails like docker pull; one outside the span says so', () => {
    const r = run(session(), 'kind create cluster --image kindest/node:v1.99\n')
    expect(r.text).toContain('ERROR: failed to create cluster: failed to pull image "kindest/node:v1.99"')
    const old = run(session(), 'kind create cluster --image kindest/node:v1.25.3\n')
    expect(old.text).toContain('kubehop simulates Kubernetes v1.31 to v1.36')
  })
})

describe('proxy-modes: the same connection through both modes', () => {
  it('walks KUBE-SERVICES rule by rule in iptables mode and looks the cluster IP up once in nftables mode', () => {
    const s = new ShellSession({ seed: 3 })
    const r = run(s, `${APP}proxy-modes --json --from 10.244.1.9 $(kubectl get svc web -o jsonpath="{.spec.clusterIP}"):80\n`)
    const out = JSON.parse(r.last.chunks.map((c) => c.text).join('')) as { modes: { mode: string; evaluations: number; rules: number; to: string; hops: { rule: string }[] }[] }
    const [ipt, nft] = out.modes
    expect(ipt.mode).toBe('iptables')
    expect(nft.mode).toBe('nftables')
    expect(ipt.hops.some((h) => h.rule.startsWith('-A KUBE-SERVICES -d '))).toBe(true)
    expect(nft.hops.some((h) => h.rule.startsWith('ip daddr . meta l4proto . th dport vmap @service-ips → '))).toBe(true)
    expect(ipt.to).toMatch(/^10\.244\.\d+\.\d+:8080$/)
    expect(nft.to).toMatch(/^10\.244\.\d+\.\d+:8080$/)
  })

  it('refuses a destination it cannot read', () => {
    const r = run(new ShellSession({ seed: 3 }), 'proxy-modes web\n')
    expect(r.last.exitCode).toBe(2)
    expect(r.text).toContain('usage: proxy-modes')
  })
})

describe('iptables -S inside a node', () => {
  it('lists a chain as iptables-nft does, and says so for a chain that is not there', () => {
    const r = run(new ShellSession({ seed: 3 }), 'docker exec kind-worker iptables -t nat -S KUBE-POSTROUTING\ndocker exec kind-worker iptables -t nat -S NOPE\n')
    expect(r.records[0].chunks.map((c) => c.text).join('')).toMatch(/^-N KUBE-POSTROUTING\n-A KUBE-POSTROUTING -m mark ! --mark 0x4000\/0x4000 -j RETURN\n/)
    expect(r.last.exitCode).toBe(1)
    expect(r.text).toContain('iptables: No chain/target/match by that name.')
  })
})
