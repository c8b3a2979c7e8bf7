// The ingress-nginx controller as its published manifests install it (kubernetes/ingress-nginx
// deploy/static/provider/{kind,cloud}/deploy.yaml, controller v1.12.0) and as `minikube addons enable ingress`
// does: the namespace, the IngressClass `nginx`, the controller Deployment and its Service. The admission
// webhook jobs and RBAC objects are left out: they do not change where packets go.
import type { KubeObject } from '../api/types.ts'

const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.0'

export type IngressFlavour = 'kind' | 'cloud' | 'minikube'

/** The objects to create for one flavour. */
export function ingressNginxObjects(flavour: IngressFlavour): KubeObject[] {
  const labels = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': '1.12.0' }
  const selector = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }
  const args = ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx',
    '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert',
    '--validating-webhook-key=/usr/local/certificates/key']
  if (flavour === 'kind') args.push('--watch-ingress-without-class=true', '--publish-status-address=localhost')
  if (flavour === 'cloud') args.push('--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller')
  if (flavour === 'minikube') args.push('--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services', '--udp-services-configmap=$(POD_NAMESPACE)/udp-services', '--report-node-internal-ip-address')
  const hostPorts = flavour !== 'cloud'
  const ns = 'ingress-nginx'
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels }, data: { 'allow-snippet-annotations': 'false' } },
    {
      apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
      metadata: { name: 'nginx', labels, ...(flavour === 'minikube' ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
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
