// The ingress-nginx controller as its published manifests install it (kubernetes/ingress-nginx
// deploy/static/provider/{kind,cloud}/deploy.yaml, controller v1.12.0) and as `minikube addons enable ingress`
// does (minikube v1.35.0 deploy/addons/ingress/ingress-deploy.yaml.tmpl: controller v1.11.3, the IngressClass
// marked default, the two admission Jobs): the namespace, the IngressClass `nginx`, the controller Deployment and
// its Services. RBAC objects are left out: they do not change where packets go.
import type { KubeObject } from '../api/types.ts'

const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.0'
/** The images minikube v1.35.0's addon pins (pkg/minikube/assets/addons.go), digests dropped as its output does. */
export const MINIKUBE_INGRESS_IMAGES = { controller: 'registry.k8s.io/ingress-nginx/controller:v1.11.3', certgen: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4' }

export type IngressFlavour = 'kind' | 'cloud' | 'minikube'

/** The objects to create for one flavour. */
export function ingressNginxObjects(flavour: IngressFlavour): KubeObject[] {
  if (flavour === 'minikube') return minikubeAddon()
  const labels = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': '1.12.0' }
  const selector = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }
  const args = ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx',
    '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert',
    '--validating-webhook-key=/usr/local/certificates/key']
  if (flavour === 'kind') args.push('--watch-ingress-without-class=true', '--publish-status-address=localhost')
  if (flavour === 'cloud') args.push('--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller')
  const hostPorts = flavour !== 'cloud'
  const ns = 'ingress-nginx'
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels }, data: { 'allow-snippet-annotations': 'false' } },
    {
      apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
      metadata: { name: 'nginx', labels },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels },
      spec: {
        type: flavour === 'cloud' ? 'LoadBalancer' : 'NodePort', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', selector,
        ...(flavour === 'cloud' ? { externalTrafficPolicy: 'Local' } : {}),
        ports: [{ appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }, { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }],
      },
    },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels },
      spec: {
        minReadySeconds: 0, revisionHistoryLimit: 10, selector: { matchLabels: selector },
        strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
        template: {
          metadata: { labels },
          spec: {
            containers: [{
              name: 'controller', image: INGRESS_NGINX_IMAGE, imagePullPolicy: 'IfNotPresent', args,
              env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' }],
              ports: [
                { containerPort: 80, name: 'http', protocol: 'TCP', ...(hostPorts ? { hostPort: 80 } : {}) },
                { containerPort: 443, name: 'https', protocol: 'TCP', ...(hostPorts ? { hostPort: 443 } : {}) },
                { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
              ],
              readinessProbe: { httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 5 },
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
            }],
            dnsPolicy: 'ClusterFirst',
            nodeSelector: { 'kubernetes.io/os': 'linux', ...(flavour === 'kind' ? { 'ingress-ready': 'true' } : {}) },
            serviceAccountName: 'ingress-nginx',
            terminationGracePeriodSeconds: 300,
            ...(flavour !== 'cloud' ? { tolerations: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' }] } : {}),
          },
        },
      },
    },
  ]
}

/** minikube's ingress addon: no part-of/version labels, node ports, the controller pinned to the primary node. */
function minikubeAddon(): KubeObject[] {
  const ns = 'ingress-nginx'
  const base = { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }
  const labels = { 'app.kubernetes.io/component': 'controller', ...base }
  const webhook = { 'app.kubernetes.io/component': 'admission-webhook', ...base }
  const nodeSelector = { 'minikube.k8s.io/primary': 'true', 'kubernetes.io/os': 'linux' }
  const podNamespace = { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }
  // The Jobs make the webhook's certificate (create) and write its CA into the webhook configuration (patch), then exit.
  const job = (name: string, container: string, args: string[]): KubeObject => ({
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `ingress-nginx-admission-${name}`, namespace: ns, labels: webhook },
    spec: { template: { metadata: { labels: webhook, name: `ingress-nginx-admission-${name}` }, spec: {
      containers: [{ args, env: [podNamespace], image: MINIKUBE_INGRESS_IMAGES.certgen, imagePullPolicy: 'IfNotPresent', name: container, securityContext: { allowPrivilegeEscalation: false } }],
      nodeSelector, restartPolicy: 'OnFailure', securityContext: { runAsNonRoot: true, runAsUser: 2000 }, serviceAccountName: 'ingress-nginx-admission',
    } } },
  })
  const ports = [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' }, { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' }]
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: base } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels }, data: { hsts: 'false' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tcp-services', namespace: ns, labels } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'udp-services', namespace: ns, labels } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels }, spec: { ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports, selector: labels, type: 'NodePort' } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller-admission', namespace: ns, labels },
      spec: { ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', appProtocol: 'https' }], selector: labels, type: 'ClusterIP' } },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels },
      spec: {
        minReadySeconds: 0, revisionHistoryLimit: 10, selector: { matchLabels: labels }, strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
        template: {
          metadata: { labels: { ...labels, 'gcp-auth-skip-secret': 'true' } },
          spec: {
            containers: [{
              name: 'controller', image: MINIKUBE_INGRESS_IMAGES.controller, imagePullPolicy: 'IfNotPresent',
              args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--watch-ingress-without-class=true',
                '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services', '--udp-services-configmap=$(POD_NAMESPACE)/udp-services',
                '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert', '--validating-webhook-key=/usr/local/certificates/key'],
              env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, podNamespace, { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' }],
              ports: [{ containerPort: 80, hostPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443, hostPort: 443, name: 'https', protocol: 'TCP' }, { containerPort: 8443, name: 'webhook', protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 5 },
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
              volumeMounts: [{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }],
            }],
            dnsPolicy: 'ClusterFirst', nodeSelector, serviceAccountName: 'ingress-nginx', terminationGracePeriodSeconds: 0,
            tolerations: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' }],
            volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
          },
        },
      },
    },
    job('create', 'create', ['create', '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission']),
    job('patch', 'patch', ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false', '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail']),
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', labels, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } },
  ]
}
