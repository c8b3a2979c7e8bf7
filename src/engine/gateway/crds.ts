// The Gateway API standard-channel CRDs as cloud-provider-kind installs them at start (pkg/gateway/crd_manager.go
// creates every CRD of its embedded crds/standard directory), with the printer columns of config/crd/standard
// (kubebuilder printcolumn markers in apis/v1/*_types.go), and the GatewayClasses the implementations create.
// The OpenAPI schemas themselves live in validate.ts and defaults.ts; only the three kinds kubehop serves are here.
import type { KubeObject } from '../api/types.ts'
import { KINDS } from '../api/kinds.ts'
import { GATEWAY_GROUP } from './types.ts'

/** The Gateway API release the CRDs come from (annotation `gateway.networking.k8s.io/bundle-version`). */
const BUNDLE_VERSION = 'v1.3.0'

/** cloud-provider-kind's controller and class (pkg/gateway/controller.go). */
export const KIND_CONTROLLER = 'kind.sigs.k8s.io/gateway-controller'
const KIND_CLASS = 'cloud-provider-kind'
/** GKE's Gateway controller and the classes a cluster created with `--gateway-api=standard` lists. */
export const GKE_CONTROLLER = 'networking.gke.io/gateway'
const GKE_CLASSES = ['gke-l7-global-external-managed', 'gke-l7-regional-external-managed', 'gke-l7-rilb', 'gke-l7-gxlb']

interface PrinterColumn { name: string; type: string; jsonPath: string; priority?: number }

const COLUMNS: Record<string, PrinterColumn[]> = {
  GatewayClass: [
    { name: 'Controller', type: 'string', jsonPath: '.spec.controllerName' },
    { name: 'Accepted', type: 'string', jsonPath: '.status.conditions[?(@.type=="Accepted")].status' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    { name: 'Description', type: 'string', jsonPath: '.spec.description', priority: 1 },
  ],
  Gateway: [
    { name: 'Class', type: 'string', jsonPath: '.spec.gatewayClassName' },
    { name: 'Address', type: 'string', jsonPath: '.status.addresses[*].value' },
    { name: 'Programmed', type: 'string', jsonPath: '.status.conditions[?(@.type=="Programmed")].status' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ],
  // referencegrant_types.go prints only Age.
  ReferenceGrant: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }],
  HTTPRoute: [
    { name: 'Hostnames', type: 'string', jsonPath: '.spec.hostnames' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ],
}

/** The printer columns of a served CRD kind (kubectl's table for it), or undefined for built-in kinds. */
export function printerColumns(kind: string): PrinterColumn[] | undefined {
  return COLUMNS[kind]
}

/** One CustomResourceDefinition per Gateway API kind kubehop serves. */
export function gatewayCRDs(): KubeObject[] {
  return KINDS.filter((k) => k.crd?.endsWith(`.${GATEWAY_GROUP}`)).map((k) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: k.crd!,
      annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes-sigs/gateway-api/pull/3328', 'gateway.networking.k8s.io/bundle-version': BUNDLE_VERSION, 'gateway.networking.k8s.io/channel': 'standard' },
    },
    spec: {
      group: GATEWAY_GROUP,
      names: { categories: ['gateway-api'], kind: k.kind, listKind: `${k.kind}List`, plural: k.plural, ...(k.shortNames.length ? { shortNames: k.shortNames } : {}), singular: k.singular },
      scope: k.namespaced ? 'Namespaced' : 'Cluster',
      versions: k.acceptedApiVersions.map((av) => av.split('/')[1]).map((v) => ({
        additionalPrinterColumns: COLUMNS[k.kind], name: v, served: true, storage: v === k.apiVersion.split('/')[1], subresources: { status: {} },
      })),
    },
  }))
}

/** The GatewayClass cloud-provider-kind creates at start (controller.go Init). */
export function kindGatewayClass(): KubeObject {
  return { apiVersion: `${GATEWAY_GROUP}/v1`, kind: 'GatewayClass', metadata: { name: KIND_CLASS }, spec: { controllerName: KIND_CONTROLLER, description: 'cloud-provider-kind gateway API' } }
}

/** GKE's managed classes, as `kubectl get gatewayclass` lists them on a cluster with the Gateway API enabled. */
export function gkeGatewayClasses(): KubeObject[] {
  return GKE_CLASSES.map((name) => ({ apiVersion: `${GATEWAY_GROUP}/v1`, kind: 'GatewayClass', metadata: { name }, spec: { controllerName: GKE_CONTROLLER } }))
}
