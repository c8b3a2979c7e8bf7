// Validation messages asserted verbatim. Each expected text is built from the upstream source named in
// the case (pkg/apis/*/validation, apimachinery util/validation) for Kubernetes v1.32.
import { describe, expect, it } from 'vitest'
import { admitCreate, admitUpdate } from '../admission/index.ts'
import { testContext } from '../admission/testing.ts'
import type { KubeObject } from '../api/types.ts'

const dns1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
const dns1123Label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const labelValue = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
const configKey = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
const badIP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'

const meta = (name: string) => ({ name, namespace: 'default' })
const svc = (spec: any, name = 'x'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: meta(name), spec })
const pod = (spec: any): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta('p'), spec })
const nginx = { name: 'nginx', image: 'nginx' }
const deploy = (spec: any): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'), spec })
const template = (labels: Record<string, string>, extra: any = {}) => ({ metadata: { labels }, spec: { containers: [nginx], ...extra } })
const ingress = (spec: any): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('ing'), spec })
const backend = { service: { name: 'web', port: { number: 80 } } }
const rule = (path: any) => ({ host: 'example.com', http: { paths: [path] } })

const cases: Array<[string, KubeObject, string]> = [
  // services.go / portallocator: the contract's example (allocation runs before validation).
  ['Service nodePort outside 30000-32767', svc({ type: 'NodePort', selector: { app: 'a' }, ports: [{ port: 80, nodePort: 80 }] }),
    'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
  ['Service second port without a name (validateServicePort requireName)', svc({ ports: [{ name: 'http', port: 80 }, { port: 443 }] }),
    'Service "x" is invalid: spec.ports[1].name: Required value'],
  ['Service port out of range (IsValidPortNum; targetPort defaults to it)', svc({ ports: [{ port: 70000 }] }),
    'Service "x" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]'],
  ['Service nodePort with type ClusterIP', svc({ ports: [{ port: 80, nodePort: 30080 }] }),
    "Service \"x\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  ['Service sessionAffinity NotSupported', svc({ sessionAffinity: 'Sticky', ports: [{ port: 80 }] }),
    'Service "x" is invalid: spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
  ['Service name is a DNS-1035 label', svc({ ports: [{ port: 80 }] }, '1web'),
    `Service "1web" is invalid: metadata.name: Invalid value: "1web": ${dns1035}`],
  ['Service type NotSupported', svc({ type: 'Internal', ports: [{ port: 80 }] }),
    'Service "x" is invalid: spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
  ['ExternalName without externalName', svc({ type: 'ExternalName' }),
    'Service "x" is invalid: spec.externalName: Required value'],
  ['externalTrafficPolicy on a ClusterIP Service', svc({ externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }),
    'Service "x" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
  ['named targetPort must be an IANA_SVC_NAME', svc({ ports: [{ port: 80, targetPort: 'http_port' }] }),
    'Service "x" is invalid: spec.ports[0].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
  ['duplicate Service port names', svc({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }),
    'Service "x" is invalid: spec.ports[1].name: Duplicate value: "http"'],
  ['clusterIP that is not an IP (ValidateServiceClusterIPsRelatedFields)', svc({ clusterIP: 'abc', ports: [{ port: 80 }] }),
    `Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "abc": ${badIP}`],
  ['clusterIP outside the service CIDR (ipallocator ErrNotInRange)', svc({ clusterIP: '10.0.0.10', ports: [{ port: 80 }] }),
    'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.10"}: failed to allocate IP 10.0.0.10: the provided IP (10.0.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/16'],
  ['label value (IsValidLabelValue) reported on metadata.labels', { ...svc({ ports: [{ port: 80 }] }), metadata: { ...meta('x'), labels: { app: '-web' } } },
    `Service "x" is invalid: metadata.labels: Invalid value: "-web": ${labelValue}`],
  ['Pod without containers', pod({ containers: [] }), 'Pod "p" is invalid: spec.containers: Required value'],
  ['container name is a DNS-1123 label', pod({ containers: [{ name: 'Web', image: 'nginx' }] }),
    `Pod "p" is invalid: spec.containers[0].name: Invalid value: "Web": ${dns1123Label}`],
  ['container image required', pod({ containers: [{ name: 'web' }] }), 'Pod "p" is invalid: spec.containers[0].image: Required value'],
  ['duplicate container names', pod({ containers: [nginx, nginx] }), 'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "nginx"'],
  ['Pod restartPolicy NotSupported', pod({ containers: [nginx], restartPolicy: 'Sometimes' }),
    'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
  ['hostNetwork requires hostPort == containerPort', pod({ hostNetwork: true, containers: [{ ...nginx, ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
    'Pod "p" is invalid: spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true'],
  ['probe without a handler', pod({ containers: [{ ...nginx, readinessProbe: { periodSeconds: 5 } }] }),
    'Pod "p" is invalid: spec.containers[0].readinessProbe: Required value: must specify a handler type'],
  ['containerPort out of range', pod({ containers: [{ ...nginx, ports: [{ containerPort: 99999 }] }] }),
    'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 99999: must be between 1 and 65535, inclusive'],
  ['Deployment without selector (apps/v1)', deploy({ template: template({ app: 'web' }) }),
    'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]'],
  ['Deployment selector does not match template labels', deploy({ selector: { matchLabels: { app: 'api' } }, template: template({ app: 'web' }) }),
    'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
  ['negative replicas', deploy({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }),
    'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
  ['template restartPolicy must be Always', deploy({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, { restartPolicy: 'Never' }) }),
    'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
  ['ReplicaSet with an empty selector', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('rs'), spec: { selector: {}, template: template({ app: 'web' }) } },
    'ReplicaSet.apps "rs" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
  ['ReplicationController whose template has no labels', { apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('rc'), spec: { template: { spec: { containers: [nginx] } } } },
    'ReplicationController "rc" is invalid: spec.selector: Required value'],
  ['Ingress path without pathType', ingress({ rules: [rule({ path: '/', backend })] }),
    'Ingress.networking.k8s.io "ing" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
  ['Prefix path must be absolute', ingress({ rules: [rule({ path: 'api', pathType: 'Prefix', backend })] }),
    'Ingress.networking.k8s.io "ing" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'],
  ['pathType NotSupported', ingress({ rules: [rule({ path: '/', pathType: 'Regex', backend })] }),
    'Ingress.networking.k8s.io "ing" is invalid: spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
  ['backend needs a service or a resource', ingress({ rules: [rule({ path: '/', pathType: 'Prefix', backend: {} })] }),
    'Ingress.networking.k8s.io "ing" is invalid: spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required'],
  ['Ingress host may not be an IP', ingress({ rules: [{ host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }),
    'Ingress.networking.k8s.io "ing" is invalid: spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address'],
  ['Ingress with neither rules nor defaultBackend', ingress({}),
    'Ingress.networking.k8s.io "ing" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'],
  ['ConfigMap key (IsConfigMapKey)', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cm'), data: { 'nginx conf': 'x' } },
    `ConfigMap "cm" is invalid: data[nginx conf]: Invalid value: "nginx conf": ${configKey}`],
  ['TLS Secret needs tls.crt and tls.key', { apiVersion: 'v1', kind: 'Secret', metadata: meta('tls'), type: 'kubernetes.io/tls', data: {} },
    'Secret "tls" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]'],
  ['Namespace name is a DNS-1123 label', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my_ns' } },
    `Namespace "my_ns" is invalid: metadata.name: Invalid value: "my_ns": ${dns1123Label}`],
  ['Endpoints address that is not an IP', { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('ep'), subsets: [{ addresses: [{ ip: '1.2.3' }], ports: [{ port: 80 }] }] },
    `Endpoints "ep" is invalid: [subsets[0].addresses[0].ip: Invalid value: "1.2.3": ${badIP}, subsets[0].addresses[0].ip: Invalid value: "1.2.3": must be a valid IP address]`],
  ['Endpoints address in the loopback range', { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('ep'), subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80 }] }] },
    'Endpoints "ep" is invalid: subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
  ['EndpointSlice addressType NotSupported', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('es'), addressType: 'IPX', endpoints: [] },
    'EndpointSlice.discovery.k8s.io "es" is invalid: addressType: Unsupported value: "IPX": supported values: "FQDN", "IPv4", "IPv6"'],
  ['name required (ValidateObjectMeta)', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '', namespace: 'default' } },
    'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required'],
  ['decoder: a string where an int32 is required', svc({ ports: [{ port: '80' }] }),
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'],
  ['decoder: a number where a label value (string) is required', { ...pod({ containers: [nginx] }), metadata: { ...meta('p'), labels: { version: 1.5 as any } } },
    'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
  ['strict field validation: unknown field', deploy({ selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ...nginx, imagePullPolcy: 'Always' }] } } }),
    'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy"'],
]

describe('validation messages (verbatim)', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    const res = admitCreate(obj, testContext())
    expect(res.error?.message).toBe(expected)
  })

  it('rejects a changed cluster IP on update (validateUpgradeDowngradeClusterIPs)', () => {
    const ctx = testContext()
    const created = admitCreate(svc({ ports: [{ port: 80 }] }), ctx).object!
    const changed = JSON.parse(JSON.stringify(created))
    changed.spec.clusterIP = '10.96.0.99'
    changed.spec.clusterIPs = ['10.96.0.99']
    expect(admitUpdate(changed, created, ctx).error?.message).toBe(
      'Service "x" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set')
  })

  it('rejects a changed Deployment selector in apps/v1 (deployment strategy ValidateUpdate)', () => {
    const ctx = testContext()
    const created = admitCreate(deploy({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web', tier: 'fe' }) }), ctx).object!
    const changed = JSON.parse(JSON.stringify(created))
    changed.spec.selector = { matchLabels: { app: 'web', tier: 'fe' } }
    expect(admitUpdate(changed, created, ctx).error?.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable')
  })
})
