// `kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-vX/deploy/static/provider/kind/deploy.yaml`:
// recognised by name, nothing is downloaded. The objects kubehop serves (namespace, ConfigMap, Services,
// controller Deployment, IngressClass) are built here as the published manifest declares them; the
// others (RBAC, admission Jobs, webhook) are only reported, in the manifest's order, as kubectl prints them.
// Upstream: kubernetes/ingress-nginx deploy/static/provider/{kind,cloud,baremetal}/deploy.yaml (v1.12).
import type { ProfileType } from '../../../engine/snapshot.ts'

export interface StaticManifest {
  objects: Record<string, unknown>[]
}

const URL_RE = /^https:\/\/raw\.githubusercontent\.com\/kubernetes\/ingress-nginx\/([^/]+)\/deploy\/static\/provider\/(kind|cloud|baremetal|aws|do|exoscale|scw)\/(?:[^/]+\/)?deploy\.yaml$/

export function ingressNginxManifest(url: string, _profile: ProfileType): StaticManifest | undefined {
  const m = URL_RE.exec(url)
  if (!m) return undefined
  const version = /^controller-v(\d+\.\d+\.\d+)$/.exec(m[1])?.[1] ?? '1.12.0'
  return { objects: build(version, m[2]) }
}

const NS = 'ingress-nginx'

function labels(version: string, component?: string): Record<string, string> {
  return {
    ...(component ? { 'app.kubernetes.io/component': component } : {}),
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/part-of': 'ingress-nginx',
    'app.kubernetes.io/version': version,
  }
}

const meta = (name: string, version: string, component?: string, namespaced = true) =>
  ({ name, ...(namespaced ? { namespace: NS } : {}), labels: labels(version, component) })

const stub = (apiVersion: string, kind: string, name: string, version: string, component?: string, namespaced = true) =>
  ({ apiVersion, kind, metadata: meta(name, version, component, namespaced) })

function build(version: string, provider: string): Record<string, unknown>[] {
  const selector = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }
  const rbac = 'rbac.authorization.k8s.io/v1'
  const kind = provider === 'kind'
  const controllerService = {
    apiVersion: 'v1', kind: 'Service', metadata: meta('ingress-nginx-controller', version, 'controller'),
    spec: {
      ...(provider === 'cloud' || (!kind && provider !== 'baremetal') ? { externalTrafficPolicy: 'Local', type: 'LoadBalancer' } : { type: 'NodePort' }),
      ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [
        { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
        { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
      ],
      selector,
    },
  }
  const ports: Record<string, unknown>[] = [
    { containerPort: 80, name: 'http', protocol: 'TCP', ...(kind ? { hostPort: 80 } : {}) },
    { containerPort: 443, name: 'https', protocol: 'TCP', ...(kind ? { hostPort: 443 } : {}) },
    { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
  ]
  const args = ['/nginx-ingress-controller', ...(kind ? ['--election-id=ingress-nginx-leader'] : ['--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader']),
    '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
    '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert', '--validating-webhook-key=/usr/local/certificates/key',
    ...(kind ? ['--watch-ingress-without-class=true', '--publish-status-address=localhost'] : [])]
  const deployment = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('ingress-nginx-controller', version, 'controller'),
    spec: {
      minReadySeconds: 0, revisionHistoryLimit: 10,
      selector: { matchLabels: selector },
      strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: labels(version, 'controller') },
        spec: {
          containers: [{
            args,
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
              { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
            ],
            image: `registry.k8s.io/ingress-nginx/controller:v${version}`,
            imagePullPolicy: 'IfNotPresent',
            name: 'controller',
            ports,
            resources: { requests: { cpu: '100m', memory: '90Mi' } },
            volumeMounts: [{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }],
          }],
          dnsPolicy: 'ClusterFirst',
          nodeSelector: kind ? { 'ingress-ready': 'true', 'kubernetes.io/os': 'linux' } : { 'kubernetes.io/os': 'linux' },
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: kind ? 0 : 300,
          ...(kind ? { tolerations: [
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' },
          ] } : {}),
          volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
        },
      },
    },
  }
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }, name: NS } },
    stub('v1', 'ServiceAccount', 'ingress-nginx', version, 'controller'),
    stub('v1', 'ServiceAccount', 'ingress-nginx-admission', version, 'admission-webhook'),
    stub(rbac, 'Role', 'ingress-nginx', version, 'controller'),
    stub(rbac, 'Role', 'ingress-nginx-admission', version, 'admission-webhook'),
    stub(rbac, 'ClusterRole', 'ingress-nginx', version, undefined, false),
    stub(rbac, 'ClusterRole', 'ingress-nginx-admission', version, 'admission-webhook', false),
    stub(rbac, 'RoleBinding', 'ingress-nginx', version, 'controller'),
    stub(rbac, 'RoleBinding', 'ingress-nginx-admission', version, 'admission-webhook'),
    stub(rbac, 'ClusterRoleBinding', 'ingress-nginx', version, undefined, false),
    stub(rbac, 'ClusterRoleBinding', 'ingress-nginx-admission', version, 'admission-webhook', false),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('ingress-nginx-controller', version, 'controller'), data: { 'allow-snippet-annotations': 'false' } },
    controllerService,
    { apiVersion: 'v1', kind: 'Service', metadata: meta('ingress-nginx-controller-admission', version, 'controller'),
      spec: { ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }], selector, type: 'ClusterIP' } },
    deployment,
    stub('batch/v1', 'Job', 'ingress-nginx-admission-create', version, 'admission-webhook'),
    stub('batch/v1', 'Job', 'ingress-nginx-admission-patch', version, 'admission-webhook'),
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta('nginx', version, 'controller', false), spec: { controller: 'k8s.io/ingress-nginx' } },
    stub('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'ingress-nginx-admission', version, 'admission-webhook', false),
  ]
}

/** Group of the kinds only reported (not served), for their `kind.group/name` line. */
export function reportedOnlyResource(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? kind.toLowerCase() : `${kind.toLowerCase()}.${apiVersion.slice(0, slash)}`
}
