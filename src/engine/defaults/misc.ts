// Defaults of the smaller kinds.
// Upstream: pkg/apis/core/v1/defaults.go SetDefaults_Secret / SetDefaults_Namespace /
// SetDefaults_NamespaceStatus / SetDefaults_Endpoints and pkg/apis/discovery/v1/defaults.go
// SetDefaults_EndpointPort (Kubernetes v1.32).
import type { KubeObject } from '../api/types.ts'

/** SetDefaults_Secret: type Opaque. */
export function defaultSecret(secret: KubeObject): void {
  if (!secret.type) secret.type = 'Opaque'
}

/** SetDefaults_Namespace / NamespaceStatus: the kubernetes.io/metadata.name label and phase Active. */
export function defaultNamespace(ns: KubeObject): void {
  if (ns.metadata.name) {
    if (!ns.metadata.labels || typeof ns.metadata.labels !== 'object') ns.metadata.labels = {}
    ns.metadata.labels['kubernetes.io/metadata.name'] = ns.metadata.name
  }
  if (!ns.status || typeof ns.status !== 'object') ns.status = {}
  if (!ns.status.phase) ns.status.phase = 'Active'
}

/** SetDefaults_Endpoints: port protocol TCP. */
export function defaultEndpoints(ep: KubeObject): void {
  for (const ss of Array.isArray(ep.subsets) ? ep.subsets : []) {
    for (const port of Array.isArray(ss?.ports) ? ss.ports : []) if (port && typeof port === 'object' && !port.protocol) port.protocol = 'TCP'
  }
}

/** SetDefaults_EndpointPort (discovery/v1): name "" and protocol TCP. */
export function defaultEndpointSlice(slice: KubeObject): void {
  for (const port of Array.isArray(slice.ports) ? slice.ports : []) {
    if (!port || typeof port !== 'object') continue
    if (port.name === undefined || port.name === null) port.name = ''
    if (!port.protocol) port.protocol = 'TCP'
  }
}
