// kind's own `Cluster` config (kind.x-k8s.io/v1alpha4) turned into a profile, with kind's defaults.
// Reference: sigs.k8s.io/kind/pkg/apis/config/v1alpha4/types.go and pkg/cluster/internal/create.
import { parseDocument } from 'yaml'
import type { NodeSpec, PortMapping, ProfileSpec } from './profile.ts'
import { DEFAULT_NODE_PORT_RANGE, KIND_K8S_VERSION } from './profile.ts'
import { cidrHost, cidrSubnet } from '../net/ip.ts'

export class KindConfigError extends Error {}

interface KindNodeConfig {
  role?: string
  extraPortMappings?: { containerPort?: number; hostPort?: number; listenAddress?: string; protocol?: string }[]
  labels?: Record<string, string>
  /** kubeadm config fragments; `nodeRegistration.kubeletExtraArgs.node-labels` labels the node (kind's ingress guide). */
  kubeadmConfigPatches?: string[]
}

interface KindClusterConfig {
  kind?: string
  apiVersion?: string
  name?: string
  nodes?: KindNodeConfig[]
  networking?: { podSubnet?: string; serviceSubnet?: string; apiServerPort?: number; kubeProxyMode?: string }
}

// The playground asks about the same few files on every apply: remember the last answers for small texts.
const kindConfigAnswers = new Map<string, boolean>()

/** Whether a file is a kind `Cluster` config (kind.x-k8s.io), not a Kubernetes manifest. YAML or JSON. */
export function isKindConfig(text: string): boolean {
  if (text.length > 65_536) return readsAsKindConfig(text)
  let answer = kindConfigAnswers.get(text)
  if (answer === undefined) {
    answer = readsAsKindConfig(text)
    if (kindConfigAnswers.size >= 8) kindConfigAnswers.delete(kindConfigAnswers.keys().next().value!)
    kindConfigAnswers.set(text, answer)
  }
  return answer
}

function readsAsKindConfig(text: string): boolean {
  try {
    const value = parseDocument(text).toJS({ maxAliasCount: 100 }) as { apiVersion?: unknown; kind?: unknown } | null
    return !!value && typeof value === 'object' && value.kind === 'Cluster' && String(value.apiVersion ?? '').startsWith('kind.x-k8s.io/')
  } catch {
    return false
  }
}

/** Parses a kind config file's text; an empty text means kind's default (one control-plane node). */
export function parseKindConfig(text: string | undefined): KindClusterConfig {
  if (!text || !text.trim()) return {}
  const doc = parseDocument(text)
  if (doc.errors.length) throw new KindConfigError(`ERROR: failed to create cluster: unable to decode config: ${doc.errors[0].message}`)
  const config = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as KindClusterConfig
  if (config.kind !== 'Cluster') throw new KindConfigError(`ERROR: failed to create cluster: unknown kind "${config.kind ?? ''}" for apiVersion: ${config.apiVersion ?? ''}`)
  if (config.apiVersion !== 'kind.x-k8s.io/v1alpha4') throw new KindConfigError(`ERROR: failed to create cluster: unknown apiVersion: ${config.apiVersion ?? ''}`)
  return config
}

/**
 * The `--node-labels` a node's kubeadm patches give its kubelet (InitConfiguration / JoinConfiguration
 * `nodeRegistration.kubeletExtraArgs.node-labels: "a=b,c=d"`), the way kind's ingress guide labels `ingress-ready`.
 */
function kubeletNodeLabels(patches: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!Array.isArray(patches)) return out
  for (const patch of patches) {
    if (typeof patch !== 'string') continue
    let doc: { kind?: unknown; nodeRegistration?: { kubeletExtraArgs?: Record<string, unknown> } } | null
    try { doc = parseDocument(patch).toJS({ maxAliasCount: 100 }) } catch { continue }
    if (!doc || !['InitConfiguration', 'JoinConfiguration'].includes(String(doc.kind))) continue
    const labels = doc.nodeRegistration?.kubeletExtraArgs?.['node-labels']
    if (typeof labels !== 'string') continue
    for (const pair of labels.split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim()
    }
  }
  return out
}

/** Node names as kind derives them: `<cluster>-control-plane`, `<cluster>-control-plane2`, `<cluster>-worker`, `<cluster>-worker2`. */
function nodeNames(cluster: string, roles: string[]): string[] {
  const counters: Record<string, number> = {}
  return roles.map((role) => {
    const n = (counters[role] = (counters[role] ?? 0) + 1)
    return `${cluster}-${role}${n === 1 ? '' : n}`
  })
}

export function kindProfile(config: KindClusterConfig, nameOverride?: string): ProfileSpec {
  const name = nameOverride ?? config.name ?? 'kind'
  const nodeConfigs: KindNodeConfig[] = config.nodes?.length ? config.nodes : [{ role: 'control-plane' }]
  const roles = nodeConfigs.map((n) => n.role ?? 'control-plane')
  for (const role of roles) {
    if (role !== 'control-plane' && role !== 'worker') throw new KindConfigError(`ERROR: failed to create cluster: invalid configuration: node role "${role}" is not valid`)
  }
  if (!roles.includes('control-plane')) throw new KindConfigError('ERROR: failed to create cluster: invalid configuration: must have at least one control-plane node')
  const hasWorkers = roles.includes('worker')
  // kind validates the mode (pkg/internal/apis/config/validate.go); kubehop models iptables and nftables.
  const proxyMode = config.networking?.kubeProxyMode ?? 'iptables'
  if (!['iptables', 'ipvs', 'nftables', 'none'].includes(proxyMode)) throw new KindConfigError(`ERROR: failed to create cluster: invalid configuration: invalid kubeProxyMode: ${proxyMode}`)
  if (proxyMode !== 'iptables' && proxyMode !== 'nftables') throw new KindConfigError(`ERROR: failed to create cluster: kubehop models kube-proxy's iptables and nftables modes only, not "${proxyMode}"`)
  const podSubnet = config.networking?.podSubnet ?? '10.244.0.0/16'
  const serviceSubnet = config.networking?.serviceSubnet ?? '10.96.0.0/16'
  const names = nodeNames(name, roles)
  // Control-plane nodes register first, so they get the first pod ranges and (usually) the first addresses.
  const order = names.map((_, i) => i).sort((a, b) => (roles[a] === roles[b] ? a - b : roles[a] === 'control-plane' ? -1 : 1))
  const nodes: NodeSpec[] = order.map((i, position) => {
    const role = roles[i] as NodeSpec['role']
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': names[i], 'kubernetes.io/os': 'linux', ...kubeletNodeLabels(nodeConfigs[i].kubeadmConfigPatches), ...(nodeConfigs[i].labels ?? {}),
    }
    if (role === 'control-plane') {
      labels['node-role.kubernetes.io/control-plane'] = ''
      labels['node.kubernetes.io/exclude-from-external-load-balancers'] = ''
    }
    return {
      name: names[i], role,
      internalIP: cidrHost('172.18.0.0/16', 2 + position),
      podCIDR: cidrSubnet(podSubnet, 24, position),
      labels,
      // kind removes the control-plane taint when there are no workers, so a one-node cluster can run pods.
      taints: role === 'control-plane' && hasWorkers ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
      extraPortMappings: (nodeConfigs[i].extraPortMappings ?? []).map(toPortMapping),
    }
  })
  return {
    type: 'kind', name, kubernetesVersion: KIND_K8S_VERSION, containerRuntimeVersion: 'containerd://2.0.2',
    osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0-49-generic', nodes,
    clusterCIDR: podSubnet, serviceCIDR: serviceSubnet, nodePortRange: DEFAULT_NODE_PORT_RANGE,
    apiServerPort: 6443, loadBalancerProvider: false, dnsDeploymentName: 'coredns',
    ...(proxyMode === 'nftables' ? { kubeProxyMode: 'nftables' as const } : {}),
  }
}

function toPortMapping(m: NonNullable<KindNodeConfig['extraPortMappings']>[number]): PortMapping {
  if (!m.containerPort) throw new KindConfigError('ERROR: failed to create cluster: invalid configuration: extraPortMappings: containerPort is required')
  return {
    containerPort: m.containerPort,
    hostPort: m.hostPort ?? m.containerPort,
    listenAddress: m.listenAddress ?? '0.0.0.0',
    protocol: (m.protocol?.toUpperCase() as PortMapping['protocol']) ?? 'TCP',
  }
}

/** The cluster kubehop starts with when a script does not create one: kind with one control plane and two workers. */
export function defaultKindProfile(): ProfileSpec {
  return kindProfile({ nodes: [{ role: 'control-plane' }, { role: 'worker' }, { role: 'worker' }] })
}
