// The `apisix/apisix` chart as the post's era served it: chart 0.11.2 (APISIX 2.15.0), with its subcharts etcd
// (bitnami 8.3.4, etcd 3.5.4) and, aliased `ingress-controller`, apisix-ingress-controller (0.10.1, controller 1.5.0).
// Recognised by name, nothing is downloaded: this file renders what the templates would for the values people set
// (gateway.type, gateway.http.nodePort, apisix.replicaCount, etcd.replicaCount, ingress-controller.enabled, …); any
// other value is carried in the release and changes nothing, as an unknown key does in a real chart. RBAC objects
// and ServiceAccounts stay in the manifest only. Upstream: apache/apisix-helm-chart at def952b (chart 0.11.2):
// charts/apisix/templates/{service-gateway,service-admin,deployment,_pod,configmap,NOTES}.{yaml,tpl,txt},
// charts/apisix-ingress-controller/{templates,crds}, bitnami/charts etcd 8.3.4 templates/{statefulset,svc,svc-headless}.yaml.
import type { KubeObject } from '../../../engine/api/types.ts'
import type { Values } from '../values.ts'
import { valueAt } from '../values.ts'
import { APISIX_ROUTE_COLUMNS } from '../../../engine/apisix/columns.ts'

export interface RenderedChart {
  /** CustomResourceDefinitions of the chart's crds/ folders: created before anything else, never deleted by helm. */
  crds: KubeObject[]
  /** The templates' objects, in helm's install order (Namespace … Service … Deployment … StatefulSet). */
  objects: KubeObject[]
  notes: string
}

export const APISIX_CHART = { name: 'apisix', version: '0.11.2', appVersion: '2.15.0', description: 'A Helm chart for Apache APISIX' }

export const APISIX_DEFAULTS: Values = {
  apisix: { enabled: true, kind: 'Deployment', replicaCount: 1, image: { repository: 'apache/apisix', tag: '2.15.0-alpine' } },
  gateway: { type: 'NodePort', externalTrafficPolicy: 'Cluster', http: { enabled: true, servicePort: 80, containerPort: 9080 }, tls: { enabled: false, servicePort: 443, containerPort: 9443 } },
  admin: { enabled: true, type: 'ClusterIP', port: 9180, servicePort: 9180 },
  etcd: { enabled: true, replicaCount: 3, image: { tag: '3.5.4-debian-11-r14' } },
  'ingress-controller': { enabled: false, image: { tag: '1.5.0' }, config: { apisix: { serviceName: 'apisix-admin', serviceNamespace: 'ingress-apisix', servicePort: 9180 } } },
}

const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d)
const str = (v: unknown, d: string) => (typeof v === 'string' && v ? v : d)

/** The chart's `fullname` helper: the release name when it already holds the chart's name. */
const fullname = (release: string, chart: string) => (release.includes(chart) ? release : `${release}-${chart}`).slice(0, 63)

function crd(kind: string, plural: string, versions: { name: string; served: boolean; storage: boolean; deprecated?: boolean }[], shortNames: string[]): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `${plural}.apisix.apache.org` },
    spec: { group: 'apisix.apache.org', names: { kind, plural, shortNames, singular: kind.toLowerCase() }, scope: kind === 'ApisixClusterConfig' ? 'Cluster' : 'Namespaced',
      versions: versions.map((v) => ({ ...v, subresources: { status: {} }, ...(kind === 'ApisixRoute' && v.name === 'v2' ? { additionalPrinterColumns: APISIX_ROUTE_COLUMNS } : {}) })) },
  }
}

const beta = (served: string[]) => ['v2beta1', 'v2beta2', 'v2beta3'].map((name) => ({ name, served: served.includes(name), storage: false, deprecated: true }))
const V2 = { name: 'v2', served: true, storage: true }

/** apisix-ingress-controller 1.5's CRDs (crds/customresourcedefinitions.yaml). */
function ingressControllerCRDs(): KubeObject[] {
  return [
    crd('ApisixClusterConfig', 'apisixclusterconfigs', [...beta(['v2beta3']), V2], ['acc']),
    crd('ApisixConsumer', 'apisixconsumers', [...beta(['v2beta3']), V2], ['ac']),
    crd('ApisixPluginConfig', 'apisixpluginconfigs', [...beta(['v2beta3']), V2], ['apc']),
    crd('ApisixRoute', 'apisixroutes', [...beta(['v2beta2', 'v2beta3']), V2], ['ar']),
    crd('ApisixTls', 'apisixtlses', [...beta(['v2beta3']), V2], ['atls']),
    crd('ApisixUpstream', 'apisixupstreams', [...beta(['v2beta3']), V2], ['au']),
  ]
}

export function renderApisix(release: string, namespace: string, values: Values): RenderedChart {
  const name = fullname(release, 'apisix')
  const labels = (component: 'apisix' | 'etcd' | 'ingress-controller'): Record<string, string> => component === 'apisix'
    ? { 'helm.sh/chart': 'apisix-0.11.2', 'app.kubernetes.io/name': 'apisix', 'app.kubernetes.io/instance': release, 'app.kubernetes.io/version': '2.15.0', 'app.kubernetes.io/managed-by': 'Helm' }
    : component === 'etcd'
      ? { 'app.kubernetes.io/name': 'etcd', 'helm.sh/chart': 'etcd-8.3.4', 'app.kubernetes.io/instance': release, 'app.kubernetes.io/managed-by': 'Helm' }
      : { 'helm.sh/chart': 'ingress-controller-0.10.1', 'app.kubernetes.io/name': 'ingress-controller', 'app.kubernetes.io/instance': release, 'app.kubernetes.io/version': '1.5.0', 'app.kubernetes.io/managed-by': 'Helm' }
  const selector = (n: string) => ({ 'app.kubernetes.io/name': n, 'app.kubernetes.io/instance': release })
  const meta = (n: string, component: 'apisix' | 'etcd' | 'ingress-controller', extra: Record<string, string> = {}) => ({ name: n, namespace, labels: { ...labels(component), ...extra } })

  const gatewayType = str(valueAt(values, 'gateway.type'), 'NodePort')
  const httpPort = num(valueAt(values, 'gateway.http.servicePort'), 80)
  const httpContainer = num(valueAt(values, 'gateway.http.containerPort'), 9080)
  const nodePort = valueAt(values, 'gateway.http.nodePort')
  const adminPort = num(valueAt(values, 'admin.servicePort'), 9180)
  const etcdEnabled = valueAt(values, 'etcd.enabled') !== false
  const etcdName = fullname(release, 'etcd')
  const icEnabled = valueAt(values, 'ingress-controller.enabled') === true
  const icName = fullname(release, 'ingress-controller')

  const objects: KubeObject[] = []
  objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, 'apisix'),
    data: { 'config.yaml': `apisix:\n  node_listen: ${httpContainer}\n  enable_admin: true\n  router:\n    http: radixtree_uri\ndeployment:\n  admin:\n    admin_listen:\n      port: ${adminPort}\netcd:\n  host:\n    - "http://${etcdName}.${namespace}.svc.cluster.local:2379"\n  prefix: "/apisix"\n` } })
  if (icEnabled) {
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${release}-configmap`, 'ingress-controller'),
      data: { 'config.yaml': `log_level: "info"\nhttp_listen: ":8080"\nkubernetes:\n  ingress_class: "apisix"\n  apisix_route_version: "apisix.apache.org/v2"\napisix:\n  default_cluster_base_url: "http://${str(valueAt(values, 'ingress-controller.config.apisix.serviceName'), 'apisix-admin')}.${str(valueAt(values, 'ingress-controller.config.apisix.serviceNamespace'), 'ingress-apisix')}.svc.cluster.local:${adminPort}/apisix/admin"\n` } })
  }
  if (valueAt(values, 'admin.enabled') !== false) {
    objects.push({ apiVersion: 'v1', kind: 'Service', metadata: meta(`${name}-admin`, 'apisix', { 'app.kubernetes.io/service': 'apisix-admin' }),
      spec: { type: str(valueAt(values, 'admin.type'), 'ClusterIP'), ports: [{ name: 'apisix-admin', port: adminPort, targetPort: num(valueAt(values, 'admin.port'), 9180), protocol: 'TCP' }], selector: selector('apisix') } })
  }
  if (etcdEnabled) {
    const etcdPorts = [{ name: 'client', port: 2379, targetPort: 'client', protocol: 'TCP' }, { name: 'peer', port: 2380, targetPort: 'peer', protocol: 'TCP' }]
    objects.push({ apiVersion: 'v1', kind: 'Service', metadata: meta(etcdName, 'etcd'), spec: { type: 'ClusterIP', ports: etcdPorts, selector: selector('etcd') } })
    objects.push({ apiVersion: 'v1', kind: 'Service', metadata: meta(`${etcdName}-headless`, 'etcd'),
      spec: { type: 'ClusterIP', clusterIP: 'None', publishNotReadyAddresses: true, ports: etcdPorts, selector: selector('etcd') } })
  }
  // service-gateway.yaml: nodePort only with type NodePort and a value set.
  objects.push({ apiVersion: 'v1', kind: 'Service', metadata: meta(`${name}-gateway`, 'apisix', { 'app.kubernetes.io/service': 'apisix-gateway' }),
    spec: { type: gatewayType, externalTrafficPolicy: str(valueAt(values, 'gateway.externalTrafficPolicy'), 'Cluster'),
      ports: [{ name: 'apisix-gateway', port: httpPort, targetPort: httpContainer, ...(gatewayType === 'NodePort' && nodePort !== undefined && nodePort !== '' ? { nodePort } : {}), protocol: 'TCP' }],
      selector: selector('apisix') } })
  if (icEnabled) {
    objects.push({ apiVersion: 'v1', kind: 'Service', metadata: meta(icName, 'ingress-controller'),
      spec: { type: 'ClusterIP', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', name: 'http' }], selector: selector('ingress-controller') } })
  }
  const image = `${str(valueAt(values, 'apisix.image.repository'), 'apache/apisix')}:${str(valueAt(values, 'apisix.image.tag'), '2.15.0-alpine')}`
  objects.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, 'apisix'),
    spec: { replicas: num(valueAt(values, 'apisix.replicaCount'), 1), selector: { matchLabels: selector('apisix') },
      template: { metadata: { labels: selector('apisix') }, spec: { containers: [{
        name: 'apisix', image, imagePullPolicy: 'IfNotPresent',
        ports: [{ name: 'http', containerPort: httpContainer, protocol: 'TCP' }, { name: 'tls', containerPort: 9443, protocol: 'TCP' }, { name: 'admin', containerPort: num(valueAt(values, 'admin.port'), 9180), protocol: 'TCP' }],
        readinessProbe: { failureThreshold: 6, initialDelaySeconds: 10, periodSeconds: 10, tcpSocket: { port: httpContainer }, timeoutSeconds: 1 },
        volumeMounts: [{ mountPath: '/usr/local/apisix/conf/config.yaml', name: 'apisix-config', subPath: 'config.yaml' }],
      }], volumes: [{ name: 'apisix-config', configMap: { name } }] } } } })
  if (icEnabled) {
    objects.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(icName, 'ingress-controller'),
      spec: { replicas: 1, selector: { matchLabels: selector('ingress-controller') },
        template: { metadata: { labels: selector('ingress-controller') }, spec: { serviceAccountName: icName, containers: [{
          name: 'ingress-controller', image: `apache/apisix-ingress-controller:${str(valueAt(values, 'ingress-controller.image.tag'), '1.5.0')}`, imagePullPolicy: 'IfNotPresent',
          command: ['/ingress-apisix/apisix-ingress-controller', 'ingress', '--config-path', '/ingress-apisix/conf/config.yaml'],
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          livenessProbe: { httpGet: { path: '/healthz', port: 8080 } }, readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
          env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          volumeMounts: [{ mountPath: '/ingress-apisix/conf/config.yaml', name: 'configuration', subPath: 'config.yaml' }],
        }], volumes: [{ name: 'configuration', configMap: { name: `${release}-configmap`, items: [{ key: 'config.yaml', path: 'config.yaml' }] } }] } } } })
  }
  if (etcdEnabled) {
    // bitnami's StatefulSet keeps its data in a PersistentVolumeClaim per pod; kubehop has no volumes, so none here.
    objects.push({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta(etcdName, 'etcd'),
      spec: { replicas: num(valueAt(values, 'etcd.replicaCount'), 3), selector: { matchLabels: selector('etcd') }, serviceName: `${etcdName}-headless`, podManagementPolicy: 'Parallel',
        updateStrategy: { type: 'RollingUpdate' },
        template: { metadata: { labels: { ...labels('etcd') } }, spec: { containers: [{
          name: 'etcd', image: `docker.io/bitnami/etcd:${str(valueAt(values, 'etcd.image.tag'), '3.5.4-debian-11-r14')}`, imagePullPolicy: 'IfNotPresent',
          ports: [{ name: 'client', containerPort: 2379, protocol: 'TCP' }, { name: 'peer', containerPort: 2380, protocol: 'TCP' }],
          env: [{ name: 'ETCD_ADVERTISE_CLIENT_URLS', value: `http://$(MY_POD_NAME).${etcdName}-headless.${namespace}.svc.cluster.local:2379,http://${etcdName}.${namespace}.svc.cluster.local:2379` }],
        }] } } } })
  }
  return { crds: icEnabled ? ingressControllerCRDs() : [], objects, notes: notes(name, namespace, gatewayType) }
}

/** templates/NOTES.txt for the gateway's Service type. */
function notes(name: string, namespace: string, type: string): string {
  const head = '1. Get the application URL by running these commands:\n'
  if (type.includes('NodePort')) {
    return `${head}  export NODE_PORT=$(kubectl get --namespace ${namespace} -o jsonpath="{.spec.ports[0].nodePort}" services ${name}-gateway)\n` +
      `  export NODE_IP=$(kubectl get nodes --namespace ${namespace} -o jsonpath="{.items[0].status.addresses[0].address}")\n  echo http://$NODE_IP:$NODE_PORT\n`
  }
  if (type.includes('LoadBalancer')) {
    return `${head}     NOTE: It may take a few minutes for the LoadBalancer IP to be available.\n           You can watch the status of by running 'kubectl get --namespace ${namespace} svc -w ${name}-gateway'\n` +
      `  export SERVICE_IP=$(kubectl get svc --namespace ${namespace} ${name}-gateway --template "{{ range (index .status.loadBalancer.ingress 0) }}{{.}}{{ end }}")\n  echo http://$SERVICE_IP:80\n`
  }
  return `${head}  export POD_NAME=$(kubectl get pods --namespace ${namespace} -l "app.kubernetes.io/name=apisix,app.kubernetes.io/instance=${name}" -o jsonpath="{.items[0].metadata.name}")\n` +
    '  echo "Visit http://127.0.0.1:8080 to use your application"\n' + `  kubectl --namespace ${namespace} port-forward $POD_NAME 8080:80\n`
}
