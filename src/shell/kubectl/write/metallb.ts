// `kubectl apply -f https://raw.githubusercontent.com/metallb/metallb/v0.13.7/config/manifests/metallb-native.yaml`:
// recognised by name, nothing is downloaded. The served objects (namespace, CRDs, Secret, Service, controller
// Deployment, speaker DaemonSet) are built as the published manifest declares them; RBAC and the webhook
// configuration are only reported, in the manifest's (kustomize's) order, as kubectl prints them.
// Upstream: metallb/metallb config/manifests/metallb-native.yaml at v0.13.7 and v0.14.x.
import type { StaticManifest } from './ingress-nginx.ts'
import { METALLB_GROUP, METALLB_NAMESPACE as NS } from '../../../engine/metallb/types.ts'

const URL_RE = /^https:\/\/raw\.githubusercontent\.com\/metallb\/metallb\/v0\.1([34])\.(\d+)\/config\/manifests\/metallb-native\.yaml$/

/** The CRDs per release: v0.14.0 dropped the deprecated AddressPool; v0.14.4 added ServiceL2Status. */
function crdKinds(minor: number, patch: number): [string, string][] {
  const kinds: [string, string][] = [
    ['AddressPool', 'addresspools'], ['BFDProfile', 'bfdprofiles'], ['BGPAdvertisement', 'bgpadvertisements'], ['BGPPeer', 'bgppeers'],
    ['Community', 'communities'], ['IPAddressPool', 'ipaddresspools'], ['L2Advertisement', 'l2advertisements'],
  ]
  if (minor === 13) return kinds
  return [...kinds.slice(1), ...(patch >= 4 ? [['ServiceL2Status', 'servicel2statuses'] as [string, string]] : [])]
}

export function metallbManifest(url: string): StaticManifest | undefined {
  const m = URL_RE.exec(url)
  if (!m) return undefined
  const minor = 10 + Number(m[1])
  const version = `v0.${minor}.${m[2]}`
  return { objects: build(version, crdKinds(minor, Number(m[2]))) }
}

const rbac = 'rbac.authorization.k8s.io/v1'
const meta = (name: string, component?: string, namespaced = true) =>
  ({ name, ...(namespaced ? { namespace: NS } : {}), labels: { app: 'metallb', ...(component ? { component } : {}) } })
const stub = (apiVersion: string, kind: string, name: string, component?: string, namespaced = true) => ({ apiVersion, kind, metadata: meta(name, component, namespaced) })

function crd(kind: string, plural: string): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { annotations: { 'controller-gen.kubebuilder.io/version': 'v0.11.1' }, name: `${plural}.${METALLB_GROUP}` },
    spec: {
      group: METALLB_GROUP,
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      scope: 'Namespaced',
      versions: [{ name: 'v1beta1', served: true, storage: true, ...(kind === 'ServiceL2Status' ? { subresources: { status: {} } } : {}) }],
    },
  }
}

function container(name: string, version: string, args: string[], ports: Record<string, unknown>[]): Record<string, unknown> {
  return {
    args, image: `quay.io/metallb/${name}:${version}`, name, ports,
    env: name === 'speaker'
      ? [{ name: 'METALLB_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, { name: 'METALLB_HOST', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } }]
      : [{ name: 'METALLB_ML_SECRET_NAME', value: 'memberlist' }, { name: 'METALLB_DEPLOYMENT', value: 'controller' }],
    livenessProbe: { httpGet: { path: '/metrics', port: 'monitoring' }, initialDelaySeconds: 10, periodSeconds: 10 },
    readinessProbe: { httpGet: { path: '/metrics', port: 'monitoring' }, initialDelaySeconds: 10, periodSeconds: 10 },
  }
}

function build(version: string, crds: [string, string][]): Record<string, unknown>[] {
  const controller = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('controller', 'controller'),
    spec: {
      revisionHistoryLimit: 3,
      selector: { matchLabels: { app: 'metallb', component: 'controller' } },
      template: {
        metadata: { annotations: { 'prometheus.io/port': '7472', 'prometheus.io/scrape': 'true' }, labels: { app: 'metallb', component: 'controller' } },
        spec: {
          containers: [container('controller', version, ['--port=7472', '--log-level=info'], [
            { containerPort: 7472, name: 'monitoring' }, { containerPort: 9443, name: 'webhook-server', protocol: 'TCP' }])],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          securityContext: { fsGroup: 65534, runAsNonRoot: true, runAsUser: 65534 },
          serviceAccountName: 'controller',
          terminationGracePeriodSeconds: 0,
        },
      },
    },
  }
  const speaker = {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('speaker', 'speaker'),
    spec: {
      selector: { matchLabels: { app: 'metallb', component: 'speaker' } },
      template: {
        metadata: { annotations: { 'prometheus.io/port': '7472', 'prometheus.io/scrape': 'true' }, labels: { app: 'metallb', component: 'speaker' } },
        spec: {
          containers: [container('speaker', version, ['--port=7472', '--log-level=info'], [
            { containerPort: 7472, name: 'monitoring' }, { containerPort: 7946, name: 'memberlist-tcp' }, { containerPort: 7946, name: 'memberlist-udp', protocol: 'UDP' }])],
          // The speaker answers ARP from the node's own interface, so it runs in the node's network namespace.
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          serviceAccountName: 'speaker',
          terminationGracePeriodSeconds: 2,
          tolerations: [
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
          ],
        },
      },
    },
  }
  const v014 = version.startsWith('v0.14.')
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { labels: { 'pod-security.kubernetes.io/audit': 'privileged', 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/warn': 'privileged' }, name: NS } },
    ...crds.map(([kind, plural]) => crd(kind, plural)),
    stub('v1', 'ServiceAccount', 'controller', 'controller'),
    stub('v1', 'ServiceAccount', 'speaker', 'speaker'),
    stub(rbac, 'Role', 'controller'),
    stub(rbac, 'Role', 'pod-lister'),
    stub(rbac, 'ClusterRole', 'metallb-system:controller', undefined, false),
    stub(rbac, 'ClusterRole', 'metallb-system:speaker', undefined, false),
    stub(rbac, 'RoleBinding', 'controller'),
    stub(rbac, 'RoleBinding', 'pod-lister'),
    stub(rbac, 'ClusterRoleBinding', 'metallb-system:controller', undefined, false),
    stub(rbac, 'ClusterRoleBinding', 'metallb-system:speaker', undefined, false),
    ...(v014 ? [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'metallb-excludel2', namespace: NS }, data: { 'excludel2.yaml': 'announcedInterfacesToExclude: ["^docker.*", "^cbr.*", "^dummy.*", "^virbr.*", "^lxcbr.*", "^veth.*", "^lo$", "^cali.*", "^tunl.*", "^flannel.*", "^kube-ipvs.*", "^cni.*", "^nodelocaldns.*"]\n' } }] : []),
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'webhook-server-cert', namespace: NS } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'webhook-service', namespace: NS },
      spec: { ports: [{ port: 443, targetPort: 9443 }], selector: { component: 'controller' } } },
    controller,
    speaker,
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'metallb-webhook-configuration' } },
  ]
}
