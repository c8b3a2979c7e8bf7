// Cluster profiles: what `kind create cluster`, `minikube start` and `gcloud container clusters create` build.
import type { ProfileType } from '../snapshot.ts'

export interface PortMapping {
  containerPort: number
  hostPort: number
  listenAddress: string
  protocol: 'TCP' | 'UDP' | 'SCTP'
}

export interface NodeSpec {
  name: string
  role: 'control-plane' | 'worker'
  internalIP: string
  /** Cloud nodes only: the public address a firewall rule may open. */
  externalIP?: string
  podCIDR: string
  labels: Record<string, string>
  taints: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[]
  /** kind: ports of the node container published on the host. */
  extraPortMappings: PortMapping[]
}

export interface ProfileSpec {
  type: ProfileType
  name: string
  kubernetesVersion: string
  containerRuntimeVersion: string
  osImage: string
  kernelVersion: string
  nodes: NodeSpec[]
  /** Cluster-wide pod range (kube-proxy's --cluster-cidr). */
  clusterCIDR: string
  serviceCIDR: string
  nodePortRange: { base: number; size: number }
  /** Where the API server listens inside the cluster network (the `kubernetes` Service's endpoint). */
  apiServerPort: number
  /** Where the API server runs when no node hosts it (a managed control plane, like GKE's). */
  apiServerIP?: string
  /** Whether LoadBalancer Services get an address without further steps (the cloud does; kind needs cloud-provider-kind). */
  loadBalancerProvider: boolean
  /** The name the DNS add-on's pods and Deployment carry (`coredns` on kind/minikube, `kube-dns` on GKE). */
  dnsDeploymentName: string
  /** kube-proxy's mode (kind: `networking.kubeProxyMode`; iptables when unset). */
  kubeProxyMode?: 'iptables' | 'nftables'
}

// kind v0.27.0's default node image is kindest/node:v1.32.2 (kind release notes).
export const KIND_K8S_VERSION = 'v1.32.2'
export const DEFAULT_NODE_PORT_RANGE = { base: 30000, size: 2768 }
