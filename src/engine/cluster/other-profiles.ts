// minikube (docker driver) and a GKE-like cloud profile.
import type { ProfileSpec } from './profile.ts'
import { DEFAULT_NODE_PORT_RANGE } from './profile.ts'
import { cidrHost, cidrSubnet } from '../net/ip.ts'
import type { SeededRandom } from '../sim/random.ts'

const BASE_LABELS = { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux' }

/** `minikube start [--nodes N]`: nodes `minikube`, `minikube-m02`…, on the 192.168.49.0/24 docker network. */
export function minikubeProfile(nodes = 1): ProfileSpec {
  return {
    // minikube v1.35.0 defaults to Kubernetes v1.32.0 and the docker runtime.
    type: 'minikube', name: 'minikube', kubernetesVersion: 'v1.32.0', containerRuntimeVersion: 'docker://27.4.1',
    osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '6.8.0-49-generic',
    nodes: Array.from({ length: nodes }, (_, i) => {
      const name = i === 0 ? 'minikube' : `minikube-m${String(i + 1).padStart(2, '0')}`
      return {
        name, role: i === 0 ? ('control-plane' as const) : ('worker' as const),
        internalIP: cidrHost('192.168.49.0/24', 2 + i),
        podCIDR: cidrSubnet('10.244.0.0/16', 24, i),
        labels: { ...BASE_LABELS, 'kubernetes.io/hostname': name, 'minikube.k8s.io/name': 'minikube',
          'minikube.k8s.io/primary': String(i === 0), ...(i === 0 ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}) },
        taints: [],
        extraPortMappings: [],
      }
    }),
    clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', nodePortRange: DEFAULT_NODE_PORT_RANGE,
    apiServerPort: 8443, loadBalancerProvider: false, dnsDeploymentName: 'coredns',
  }
}

/** `gcloud container clusters create NAME [--num-nodes N]`: a VPC-native GKE cluster in us-central1-c. */
export function gkeProfile(name: string, nodes: number, rng: SeededRandom): ProfileSpec {
  const poolId = Array.from({ length: 8 }, () => rng.int(0, 15).toString(16)).join('')
  const apiServerIP = `34.${rng.int(40, 180)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
  return {
    type: 'gke', name, kubernetesVersion: 'v1.32.2-gke.1182003', containerRuntimeVersion: 'containerd://1.7.24',
    osImage: 'Container-Optimized OS from Google', kernelVersion: '6.6.72+',
    nodes: Array.from({ length: nodes }, (_, i) => {
      const nodeName = `gke-${name}-default-pool-${poolId}-${rng.suffix(4)}`
      return {
        name: nodeName, role: 'worker' as const,
        internalIP: cidrHost('10.128.0.0/20', 3 + i),
        externalIP: `34.${rng.int(40, 180)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
        podCIDR: cidrSubnet('10.4.0.0/14', 24, i),
        labels: { ...BASE_LABELS, 'kubernetes.io/hostname': nodeName, 'cloud.google.com/gke-nodepool': 'default-pool',
          'topology.kubernetes.io/region': 'us-central1', 'topology.kubernetes.io/zone': 'us-central1-c' },
        taints: [],
        extraPortMappings: [],
      }
    }),
    clusterCIDR: '10.4.0.0/14', serviceCIDR: '34.118.224.0/20', nodePortRange: DEFAULT_NODE_PORT_RANGE,
    apiServerPort: 443, apiServerIP, loadBalancerProvider: true, dnsDeploymentName: 'kube-dns',
  }
}
