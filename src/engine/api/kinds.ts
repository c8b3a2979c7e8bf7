// The resource kinds kubehop serves, with the names kubectl accepts for them (`kubectl api-resources`).

export interface KindInfo {
  kind: string
  /** The preferred group/version the API server returns objects in. */
  apiVersion: string
  /** Every group/version accepted on input (older forms are converted to apiVersion). */
  acceptedApiVersions: string[]
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
  /** A kind a CustomResourceDefinition adds: served only while the CRD of this name is installed. */
  crd?: string
  /** Versions a CRD still serves with `deprecated: true`: writes in them get the API server's deprecation warning. */
  deprecatedVersions?: string[]
}

const GATEWAY_VERSIONS = ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1']

// Source: `kubectl api-resources` on Kubernetes 1.30.
export const KINDS: KindInfo[] = [
  { kind: 'Pod', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true },
  { kind: 'Service', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true },
  { kind: 'Endpoints', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true },
  { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', acceptedApiVersions: ['discovery.k8s.io/v1'], plural: 'endpointslices', singular: 'endpointslice', shortNames: [], namespaced: true },
  { kind: 'Deployment', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1'], plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1'], plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1'], plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1'], plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], namespaced: true },
  { kind: 'Job', apiVersion: 'batch/v1', acceptedApiVersions: ['batch/v1'], plural: 'jobs', singular: 'job', shortNames: [], namespaced: true },
  { kind: 'ReplicationController', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'replicationcontrollers', singular: 'replicationcontroller', shortNames: ['rc'], namespaced: true },
  { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', acceptedApiVersions: ['networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1'], plural: 'ingresses', singular: 'ingress', shortNames: ['ing'], namespaced: true },
  { kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1', acceptedApiVersions: ['networking.k8s.io/v1'], plural: 'ingressclasses', singular: 'ingressclass', shortNames: [], namespaced: false },
  { kind: 'ConfigMap', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true },
  { kind: 'Secret', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true },
  { kind: 'Namespace', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false },
  { kind: 'Node', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false },
  { kind: 'Event', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true },
  { kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1', acceptedApiVersions: ['apiextensions.k8s.io/v1'], plural: 'customresourcedefinitions', singular: 'customresourcedefinition', shortNames: ['crd', 'crds'], namespaced: false },
  // Gateway API standard channel (kubernetes-sigs/gateway-api config/crd/standard): names and shortNames from the CRDs.
  { kind: 'GatewayClass', apiVersion: GATEWAY_VERSIONS[0], acceptedApiVersions: GATEWAY_VERSIONS, plural: 'gatewayclasses', singular: 'gatewayclass', shortNames: ['gc'], namespaced: false, crd: 'gatewayclasses.gateway.networking.k8s.io' },
  { kind: 'Gateway', apiVersion: GATEWAY_VERSIONS[0], acceptedApiVersions: GATEWAY_VERSIONS, plural: 'gateways', singular: 'gateway', shortNames: ['gtw'], namespaced: true, crd: 'gateways.gateway.networking.k8s.io' },
  // MetalLB's CRDs (metallb/metallb config/crd/bases): served once its native manifest is applied.
  { kind: 'IPAddressPool', apiVersion: 'metallb.io/v1beta1', acceptedApiVersions: ['metallb.io/v1beta1'], plural: 'ipaddresspools', singular: 'ipaddresspool', shortNames: [], namespaced: true, crd: 'ipaddresspools.metallb.io' },
  { kind: 'L2Advertisement', apiVersion: 'metallb.io/v1beta1', acceptedApiVersions: ['metallb.io/v1beta1'], plural: 'l2advertisements', singular: 'l2advertisement', shortNames: [], namespaced: true, crd: 'l2advertisements.metallb.io' },
  // apisix-ingress-controller 1.5's CRD (apache/apisix-helm-chart charts/apisix-ingress-controller/crds): v2 is the
  // storage version; v2beta3 and v2beta2 are still served (deprecated), v2beta1 no longer.
  { kind: 'ApisixRoute', apiVersion: 'apisix.apache.org/v2', acceptedApiVersions: ['apisix.apache.org/v2', 'apisix.apache.org/v2beta3', 'apisix.apache.org/v2beta2'], plural: 'apisixroutes', singular: 'apisixroute', shortNames: ['ar'], namespaced: true, crd: 'apisixroutes.apisix.apache.org', deprecatedVersions: ['apisix.apache.org/v2beta3', 'apisix.apache.org/v2beta2'] },
  { kind: 'HTTPRoute', apiVersion: GATEWAY_VERSIONS[0], acceptedApiVersions: GATEWAY_VERSIONS, plural: 'httproutes', singular: 'httproute', shortNames: [], namespaced: true, crd: 'httproutes.gateway.networking.k8s.io' },
  // ReferenceGrant is served as v1beta1 only in the standard channel (apis/v1beta1/referencegrant_types.go).
  { kind: 'ReferenceGrant', apiVersion: GATEWAY_VERSIONS[1], acceptedApiVersions: [GATEWAY_VERSIONS[1]], plural: 'referencegrants', singular: 'referencegrant', shortNames: ['refgrant'], namespaced: true, crd: 'referencegrants.gateway.networking.k8s.io' },
]

const byKind = new Map(KINDS.map((k) => [k.kind, k]))
const byAlias = new Map<string, KindInfo>()
for (const info of KINDS) {
  for (const alias of [info.kind.toLowerCase(), info.plural, info.singular, ...info.shortNames]) byAlias.set(alias, info)
}

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind)
}

/**
 * Resolves what a user typed after `kubectl get` (`po`, `pods`, `Pod`, `deployments.apps`, `ingresses.networking.k8s.io`).
 */
export function resolveResource(typed: string, served: (info: KindInfo) => boolean = () => true): KindInfo | undefined {
  const found = resolveAny(typed)
  return found && served(found) ? found : undefined
}

function resolveAny(typed: string): KindInfo | undefined {
  const lower = typed.toLowerCase()
  const direct = byAlias.get(lower)
  if (direct) return direct
  const dot = lower.indexOf('.')
  if (dot > 0) {
    const info = byAlias.get(lower.slice(0, dot))
    const group = lower.slice(dot + 1)
    if (info && (info.apiVersion.startsWith(group + '/') || (group === 'v1' && info.apiVersion === 'v1'))) return info
  }
  return undefined
}

/** `apps/v1` → `apps`; `v1` → `` (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? '' : apiVersion.slice(0, slash)
}
