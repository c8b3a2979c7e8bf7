import { describe, expect, it } from 'vitest'
import { defaultKindProfile, isKindConfig, KindConfigError, kindProfile, parseKindConfig } from './kind-config.ts'

describe('kind profiles', () => {
  it('names nodes and ranges as kind does', () => {
    const p = defaultKindProfile()
    expect(p.nodes.map((n) => [n.name, n.internalIP, n.podCIDR])).toEqual([
      ['kind-control-plane', '172.18.0.2', '10.244.0.0/24'],
      ['kind-worker', '172.18.0.3', '10.244.1.0/24'],
      ['kind-worker2', '172.18.0.4', '10.244.2.0/24'],
    ])
    expect(p.nodes[0].taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])
    expect(p.serviceCIDR).toBe('10.96.0.0/16')
  })

  it('leaves a lone control plane untainted and reads extraPortMappings and the cluster name', () => {
    const p = kindProfile(parseKindConfig(`kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
name: demo
nodes:
- role: control-plane
  extraPortMappings:
  - containerPort: 30080
    hostPort: 8080
`))
    expect(p.nodes).toHaveLength(1)
    expect(p.nodes[0].name).toBe('demo-control-plane')
    expect(p.nodes[0].taints).toEqual([])
    expect(p.nodes[0].extraPortMappings).toEqual([{ containerPort: 30080, hostPort: 8080, listenAddress: '0.0.0.0', protocol: 'TCP' }])
  })

  it('rejects configs kind rejects', () => {
    expect(() => parseKindConfig('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha3\n')).toThrow(KindConfigError)
    expect(() => kindProfile(parseKindConfig('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: worker\n'))).toThrow(/at least one control-plane/)
  })
})

describe('isKindConfig', () => {
  it('tells a kind Cluster config from manifests, in YAML or JSON', () => {
    expect(isKindConfig('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n')).toBe(true)
    expect(isKindConfig('{"kind": "Cluster", "apiVersion": "kind.x-k8s.io/v1alpha4"}')).toBe(true)
    expect(isKindConfig('apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\n')).toBe(false)
    expect(isKindConfig('apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n')).toBe(false)
    expect(isKindConfig('[oops')).toBe(false)
  })
})

describe('kubeadmConfigPatches', () => {
  it('labels a node with the kubelet --node-labels of its InitConfiguration patch (kind docs, ingress section)', () => {
    const config = parseKindConfig(`kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
  kubeadmConfigPatches:
  - |
    kind: InitConfiguration
    nodeRegistration:
      kubeletExtraArgs:
        node-labels: "ingress-ready=true,tier=edge"
- role: worker
  kubeadmConfigPatches:
  - |
    kind: ClusterConfiguration
    apiServer: {}
`)
    const profile = kindProfile(config)
    expect(profile.nodes[0].labels['ingress-ready']).toBe('true')
    expect(profile.nodes[0].labels.tier).toBe('edge')
    expect(profile.nodes[1].labels['ingress-ready']).toBeUndefined()
  })
})
