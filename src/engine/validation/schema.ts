// The Go shapes of the API types kubehop serves, as far as the API server's JSON decoder sees them:
// field names, scalar types (for `cannot unmarshal string into Go struct field ... of type int32`) and
// which structs are listed completely (so strict field validation can report `unknown field`).
// Source of truth: k8s.io/api core/v1, apps/v1, discovery/v1, networking/v1 types.go (v1.32).

type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'intstr' | 'any'
export interface StructT { struct: string; fields: Record<string, T>; open?: boolean }
interface ListT { list: T }
interface MapT { map: T }
export type T = Scalar | StructT | ListT | MapT

const s = (struct: string, fields: Record<string, T>, open = false): StructT => ({ struct, fields, open })
const list = (t: T): ListT => ({ list: t })
const map = (t: T): MapT => ({ map: t })
const strs = list('string')
const strMap = map('string')

const objectMeta = s('ObjectMeta', {
  name: 'string', generateName: 'string', namespace: 'string', selfLink: 'string', uid: 'string', resourceVersion: 'string',
  generation: 'int64', creationTimestamp: 'any', deletionTimestamp: 'any', deletionGracePeriodSeconds: 'int64',
  labels: strMap, annotations: strMap, ownerReferences: 'any', finalizers: strs, managedFields: 'any',
})

const labelSelector = s('LabelSelector', {
  matchLabels: strMap,
  matchExpressions: list(s('LabelSelectorRequirement', { key: 'string', operator: 'string', values: strs })),
})

const servicePort = s('ServicePort', {
  name: 'string', protocol: 'string', appProtocol: 'string', port: 'int32', targetPort: 'intstr', nodePort: 'int32',
})

const serviceSpec = s('ServiceSpec', {
  ports: list(servicePort), selector: strMap, clusterIP: 'string', clusterIPs: strs, type: 'string', externalIPs: strs,
  sessionAffinity: 'string', loadBalancerIP: 'string', loadBalancerSourceRanges: strs, externalName: 'string',
  externalTrafficPolicy: 'string', healthCheckNodePort: 'int32', publishNotReadyAddresses: 'bool',
  sessionAffinityConfig: s('SessionAffinityConfig', { clientIP: s('ClientIPConfig', { timeoutSeconds: 'int32' }) }),
  ipFamilies: strs, ipFamilyPolicy: 'string', allocateLoadBalancerNodePorts: 'bool', loadBalancerClass: 'string',
  internalTrafficPolicy: 'string', trafficDistribution: 'string',
})

const httpGet = s('HTTPGetAction', { path: 'string', port: 'intstr', host: 'string', scheme: 'string', httpHeaders: 'any' })
const probe = s('Probe', {
  exec: s('ExecAction', { command: strs }), httpGet, tcpSocket: s('TCPSocketAction', { port: 'intstr', host: 'string' }),
  grpc: s('GRPCAction', { port: 'int32', service: 'string' }), initialDelaySeconds: 'int32', timeoutSeconds: 'int32',
  periodSeconds: 'int32', successThreshold: 'int32', failureThreshold: 'int32', terminationGracePeriodSeconds: 'int64',
})

const container = s('Container', {
  name: 'string', image: 'string', command: strs, args: strs, workingDir: 'string',
  ports: list(s('ContainerPort', { name: 'string', hostPort: 'int32', containerPort: 'int32', protocol: 'string', hostIP: 'string' })),
  envFrom: 'any', env: list(s('EnvVar', { name: 'string', value: 'string', valueFrom: 'any' })), resources: 'any', resizePolicy: 'any',
  restartPolicy: 'string',
  volumeMounts: list(s('VolumeMount', {
    name: 'string', readOnly: 'bool', recursiveReadOnly: 'string', mountPath: 'string', subPath: 'string',
    mountPropagation: 'string', subPathExpr: 'string',
  })),
  volumeDevices: 'any', livenessProbe: probe, readinessProbe: probe, startupProbe: probe, lifecycle: 'any',
  terminationMessagePath: 'string', terminationMessagePolicy: 'string', imagePullPolicy: 'string', securityContext: 'any',
  stdin: 'bool', stdinOnce: 'bool', tty: 'bool',
})

const podSpec = s('PodSpec', {
  volumes: list(s('Volume', { name: 'string' }, true)), initContainers: list(container), containers: list(container),
  ephemeralContainers: 'any', restartPolicy: 'string', terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64',
  dnsPolicy: 'string', nodeSelector: strMap, serviceAccountName: 'string', serviceAccount: 'string',
  automountServiceAccountToken: 'bool', nodeName: 'string', hostNetwork: 'bool', hostPID: 'bool', hostIPC: 'bool',
  shareProcessNamespace: 'bool', securityContext: 'any', imagePullSecrets: 'any', hostname: 'string', subdomain: 'string',
  affinity: 'any', schedulerName: 'string',
  tolerations: list(s('Toleration', { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' })),
  hostAliases: 'any', priorityClassName: 'string', priority: 'int32', dnsConfig: 'any', readinessGates: 'any',
  runtimeClassName: 'string', enableServiceLinks: 'bool', preemptionPolicy: 'string', overhead: 'any',
  topologySpreadConstraints: 'any', setHostnameAsFQDN: 'bool', os: 'any', hostUsers: 'bool', schedulingGates: 'any',
  resourceClaims: 'any', resources: 'any',
})

const podTemplateSpec = s('PodTemplateSpec', { metadata: objectMeta, spec: podSpec })

const top = (kind: string, fields: Record<string, T>): StructT =>
  s(kind, { apiVersion: 'string', kind: 'string', metadata: objectMeta, ...fields })

const intOrPercent = 'intstr' as const
const deploymentSpec = s('DeploymentSpec', {
  replicas: 'int32', selector: labelSelector, template: podTemplateSpec,
  strategy: s('DeploymentStrategy', {
    type: 'string', rollingUpdate: s('RollingUpdateDeployment', { maxUnavailable: intOrPercent, maxSurge: intOrPercent }),
  }),
  minReadySeconds: 'int32', revisionHistoryLimit: 'int32', paused: 'bool', progressDeadlineSeconds: 'int32',
})

const endpointPort = s('EndpointPort', { name: 'string', port: 'int32', protocol: 'string', appProtocol: 'string' })
const endpointAddress = s('EndpointAddress', { ip: 'string', hostname: 'string', nodeName: 'string', targetRef: 'any' })

const ingressBackendV1 = s('IngressBackend', {
  service: s('IngressServiceBackend', { name: 'string', port: s('ServiceBackendPort', { name: 'string', number: 'int32' }) }),
  resource: 'any',
})
const ingressBackendBeta = s('IngressBackend', { serviceName: 'string', servicePort: 'intstr', resource: 'any' })
const ingressSpec = (backend: StructT, defaultField: string) => s('IngressSpec', {
  ingressClassName: 'string', [defaultField]: backend,
  tls: list(s('IngressTLS', { hosts: strs, secretName: 'string' })),
  rules: list(s('IngressRule', {
    host: 'string',
    http: s('HTTPIngressRuleValue', { paths: list(s('HTTPIngressPath', { path: 'string', pathType: 'string', backend })) }),
  })),
})

/** Top-level shapes by kind; `extensions/v1beta1` and `networking.k8s.io/v1beta1` Ingress have their own. */
export const schemas: Record<string, StructT> = {
  Service: top('Service', { spec: serviceSpec, status: 'any' }),
  Pod: top('Pod', { spec: podSpec, status: 'any' }),
  Deployment: top('Deployment', { spec: deploymentSpec, status: 'any' }),
  ReplicaSet: top('ReplicaSet', {
    spec: s('ReplicaSetSpec', { replicas: 'int32', minReadySeconds: 'int32', selector: labelSelector, template: podTemplateSpec }),
    status: 'any',
  }),
  DaemonSet: top('DaemonSet', {
    spec: s('DaemonSetSpec', { selector: labelSelector, template: podTemplateSpec, updateStrategy: 'any', minReadySeconds: 'int32', revisionHistoryLimit: 'int32' }),
    status: 'any',
  }),
  StatefulSet: top('StatefulSet', {
    spec: s('StatefulSetSpec', {
      replicas: 'int32', selector: labelSelector, template: podTemplateSpec, serviceName: 'string', podManagementPolicy: 'string',
      updateStrategy: 'any', revisionHistoryLimit: 'int32', minReadySeconds: 'int32', volumeClaimTemplates: 'any',
      persistentVolumeClaimRetentionPolicy: 'any', ordinals: 'any',
    }),
    status: 'any',
  }),
  Job: top('Job', {
    spec: s('JobSpec', {
      parallelism: 'int32', completions: 'int32', activeDeadlineSeconds: 'int64', backoffLimit: 'int32', backoffLimitPerIndex: 'int32',
      maxFailedIndexes: 'int32', selector: labelSelector, manualSelector: 'bool', template: podTemplateSpec, ttlSecondsAfterFinished: 'int32',
      completionMode: 'string', suspend: 'bool', podFailurePolicy: 'any', successPolicy: 'any', podReplacementPolicy: 'string', managedBy: 'string',
    }),
    status: 'any',
  }),
  ReplicationController: top('ReplicationController', {
    spec: s('ReplicationControllerSpec', { replicas: 'int32', minReadySeconds: 'int32', selector: strMap, template: podTemplateSpec }),
    status: 'any',
  }),
  Endpoints: top('Endpoints', {
    subsets: list(s('EndpointSubset', { addresses: list(endpointAddress), notReadyAddresses: list(endpointAddress), ports: list(endpointPort) })),
  }),
  EndpointSlice: top('EndpointSlice', {
    addressType: 'string',
    endpoints: list(s('Endpoint', {
      addresses: strs, conditions: 'any', hostname: 'string', targetRef: 'any', deprecatedTopology: strMap,
      nodeName: 'string', zone: 'string', hints: 'any',
    })),
    ports: list(s('EndpointPort', { name: 'string', protocol: 'string', port: 'int32', appProtocol: 'string' })),
  }),
  Ingress: top('Ingress', { spec: ingressSpec(ingressBackendV1, 'defaultBackend'), status: 'any' }),
  IngressBeta: top('Ingress', { spec: ingressSpec(ingressBackendBeta, 'backend'), status: 'any' }),
  IngressClass: top('IngressClass', { spec: s('IngressClassSpec', { controller: 'string', parameters: 'any' }) }),
  ConfigMap: top('ConfigMap', { data: strMap, binaryData: map('any'), immutable: 'bool' }),
  Secret: top('Secret', { data: strMap, stringData: strMap, type: 'string', immutable: 'bool' }),
  Namespace: top('Namespace', { spec: s('NamespaceSpec', { finalizers: strs }), status: 'any' }),
}

/** The Go type name json.UnmarshalTypeError prints (`int32`, `[]v1.Container`, `map[string]string`, `v1.ServiceSpec`). */
export function goTypeName(t: T): string {
  if (typeof t === 'string') return t === 'intstr' ? 'intstr.IntOrString' : t === 'any' ? 'interface {}' : t
  if ('struct' in t) return `v1.${t.struct}`
  if ('list' in t) return `[]${goTypeName(t.list)}`
  return `map[string]${goTypeName(t.map)}`
}
