// The objects a fresh cluster already has: namespaces, nodes, the `kubernetes` and `kube-dns` Services, the DNS
// Deployment, and the node agents (kube-proxy, the CNI daemon, control-plane static pods) as kind/minikube/GKE show them.
import type { KubeObject } from '../api/types.ts'
import type { NodeSpec, ProfileSpec } from './profile.ts'
import type { SeededRandom } from '../sim/random.ts'
import { cidrHost } from '../net/ip.ts'

export function namespaces(profile: ProfileSpec): KubeObject[] {
  const names = ['default', 'kube-node-lease', 'kube-public', 'kube-system', ...(profile.type === 'kind' ? ['local-path-storage'] : [])]
  return names.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } }))
}

export function nodeObject(profile: ProfileSpec, node: NodeSpec): KubeObject {
  const addresses = [{ type: 'InternalIP', address: node.internalIP }]
  if (node.externalIP) addresses.push({ type: 'ExternalIP', address: node.externalIP })
  addresses.push({ type: 'Hostname', address: node.name })
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: node.name, labels: node.labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
    spec: {
      podCIDR: node.podCIDR, podCIDRs: [node.podCIDR],
      ...(profile.type === 'kind' ? { providerID: `kind://docker/${profile.name}/${node.name}` } : {}),
      ...(node.taints.length ? { taints: node.taints } : {}),
    },
    status: {
      addresses,
      capacity: { cpu: '2', 'ephemeral-storage': '263112772Ki', memory: '24590976Ki', pods: '110' },
      allocatable: { cpu: '2', 'ephemeral-storage': '263112772Ki', memory: '24590976Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64', bootID: '', containerRuntimeVersion: profile.containerRuntimeVersion,
        kernelVersion: profile.kernelVersion, kubeProxyVersion: profile.kubernetesVersion, kubeletVersion: profile.kubernetesVersion,
        machineID: '', operatingSystem: 'linux', osImage: profile.osImage, systemUUID: '',
      },
    },
  }
}

/** The `default/kubernetes` Service, its Endpoints and EndpointSlice, reconciled by the API server itself (not by a selector). */
export function kubernetesService(profile: ProfileSpec): KubeObject[] {
  const nodeIPs = profile.nodes.filter((n) => n.role === 'control-plane').map((n) => n.internalIP)
  const apiServers = nodeIPs.length ? nodeIPs : [profile.apiServerIP ?? profile.nodes[0].internalIP]
  const port = profile.apiServerPort
  return [
    {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: cidrHost(profile.serviceCIDR, 1), clusterIPs: [cidrHost(profile.serviceCIDR, 1)], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }], type: 'ClusterIP', sessionAffinity: 'None' },
    },
    {
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: apiServers.map((ip) => ({ ip })), ports: [{ name: 'https', port, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: apiServers.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
      ports: [{ name: 'https', port, protocol: 'TCP' }],
    },
  ]
}

export function dnsObjects(profile: ProfileSpec): KubeObject[] {
  const dnsIP = cidrHost(profile.serviceCIDR, 10)
  const name = profile.dnsDeploymentName
  const image = name === 'coredns' ? 'registry.k8s.io/coredns/coredns:v1.11.3' : 'gke.gcr.io/k8s-dns-kube-dns:1.23.0-gke.9'
  return [
    {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
      spec: {
        clusterIP: dnsIP, clusterIPs: [dnsIP], selector: { 'k8s-app': 'kube-dns' }, type: 'ClusterIP',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
    {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: profile.type === 'minikube' ? 1 : 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            priorityClassName: 'system-cluster-critical',
            tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            dnsPolicy: 'Default',
            containers: [name === 'coredns' ? {
              name: 'coredns', image, args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
            } : {
              // GKE's kubedns container, its ports and probes as the kube-dns Deployment sets them (the dnsmasq and
              // sidecar containers it also runs are folded into this one by the image catalog's gkeKubeDns).
              name: 'kubedns', image, args: ['--domain=cluster.local.', '--dns-port=10053', '--config-dir=/kube-dns-config', '--v=2'],
              ports: [
                { containerPort: 10053, name: 'dns-local', protocol: 'UDP' },
                { containerPort: 10053, name: 'dns-tcp-local', protocol: 'TCP' },
                { containerPort: 10055, name: 'metrics', protocol: 'TCP' },
              ],
              livenessProbe: { httpGet: { path: '/healthcheck/kubedns', port: 10054, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: '/readiness', port: 8081, scheme: 'HTTP' }, initialDelaySeconds: 3, timeoutSeconds: 5 },
            }],
          },
        },
      },
    },
  ]
}

/**
 * Per-node agents and control-plane static pods, created already bound to their node. `nodeUid` gives the
 * stored Node's uid (mirror pods are owned by their Node); DaemonSet-owned pods share one owner uid per DaemonSet.
 */
export function nodeAgentPods(profile: ProfileSpec, rng: SeededRandom, nodeUid: (name: string) => string): KubeObject[] {
  const pods: KubeObject[] = []
  const daemonSetUids = new Map<string, string>()
  const ownerUid = (owner: { kind: string; name: string }) => {
    if (owner.kind === 'Node') return nodeUid(owner.name)
    if (!daemonSetUids.has(owner.name)) daemonSetUids.set(owner.name, rng.uuid())
    return daemonSetUids.get(owner.name)!
  }
  const hostPod = (name: string, node: NodeSpec, image: string, owner: { kind: string; name: string; apiVersion: string }, labels: Record<string, string>): KubeObject => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'kube-system', labels,
      ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: ownerUid(owner), controller: true, blockOwnerDeletion: true }],
      ...(owner.kind === 'Node' ? { annotations: { 'kubernetes.io/config.source': 'file' } } : {}),
    },
    spec: {
      nodeName: node.name, hostNetwork: true, priorityClassName: 'system-node-critical',
      tolerations: [{ operator: 'Exists' }],
      containers: [{ name: labels.component ?? labels['k8s-app'] ?? labels.app ?? name, image }],
    },
  })
  const version = profile.kubernetesVersion.replace(/-gke.*$/, '')
  for (const node of profile.nodes) {
    if (node.role === 'control-plane') {
      for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
        const image = component === 'etcd' ? 'registry.k8s.io/etcd:3.5.16-0' : `registry.k8s.io/${component}:${version}`
        pods.push(hostPod(`${component}-${node.name}`, node, image, { kind: 'Node', name: node.name, apiVersion: 'v1' }, { component, tier: 'control-plane' }))
      }
    }
    if (profile.type === 'kind') {
      pods.push(hostPod(`kindnet-${rng.suffix(5)}`, node, 'docker.io/kindest/kindnetd:v20250214-acbabc1a', { kind: 'DaemonSet', name: 'kindnet', apiVersion: 'apps/v1' }, { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }))
    }
    const proxyName = profile.type === 'gke' ? `kube-proxy-${node.name}` : `kube-proxy-${rng.suffix(5)}`
    pods.push(hostPod(proxyName, node, `registry.k8s.io/kube-proxy:${version}`, profile.type === 'gke'
      ? { kind: 'Node', name: node.name, apiVersion: 'v1' } : { kind: 'DaemonSet', name: 'kube-proxy', apiVersion: 'apps/v1' }, { 'k8s-app': 'kube-proxy' }))
  }
  if (profile.type === 'minikube') {
    pods.push(hostPod('storage-provisioner', profile.nodes[0], 'gcr.io/k8s-minikube/storage-provisioner:v5', { kind: 'Node', name: profile.nodes[0].name, apiVersion: 'v1' }, { 'integration-test': 'storage-provisioner', 'addonmanager.kubernetes.io/mode': 'Reconcile' }))
  }
  return pods
}

/**
 * The DaemonSets that own the node agents (kindnet from kind's manifest, kube-proxy from kubeadm's addon), with the
 * uids the agent pods' ownerReferences carry, so the pods made at bootstrap are theirs.
 */
export function nodeAgentDaemonSets(pods: KubeObject[]): KubeObject[] {
  const out = new Map<string, KubeObject>()
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.kind === 'DaemonSet')
    if (!ref || out.has(ref.name)) continue
    const labels: Record<string, string> = ref.name === 'kindnet' ? { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' } : { 'k8s-app': 'kube-proxy' }
    const selector: Record<string, string> = ref.name === 'kindnet' ? { app: 'kindnet' } : { 'k8s-app': 'kube-proxy' }
    const container = pod.spec!.containers[0]
    out.set(ref.name, {
      apiVersion: 'apps/v1', kind: 'DaemonSet',
      metadata: { name: ref.name, namespace: 'kube-system', uid: ref.uid, labels },
      spec: {
        selector: { matchLabels: selector },
        template: {
          metadata: { labels },
          spec: {
            hostNetwork: true, priorityClassName: 'system-node-critical', tolerations: [{ operator: 'Exists' }],
            ...(ref.name === 'kube-proxy' ? { nodeSelector: { 'kubernetes.io/os': 'linux' } } : {}),
            containers: [{ name: container.name, image: container.image }],
          },
        },
      },
    })
  }
  return [...out.values()]
}

/** kind's local-path-provisioner, a normal Deployment scheduled like any other. */
export function localPathProvisioner(): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'local-path-provisioner', namespace: 'local-path-storage' },
    spec: {
      replicas: 1, selector: { matchLabels: { app: 'local-path-provisioner' } },
      template: {
        metadata: { labels: { app: 'local-path-provisioner' } },
        spec: {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{ name: 'local-path-provisioner', image: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a', command: ['local-path-provisioner', '--debug', 'start'] }],
        },
      },
    },
  }
}
