// Generators of manifests for the property tests: valid objects of every kind a learner applies, the same
// objects with one field wrong (what a typo gives), and hostile text (what a shared link can carry).
// Names, labels and ports come from small pools so that objects collide, select each other and update.
import fc from 'fast-check'
import { stringify } from 'yaml'

export type Obj = Record<string, unknown>

export const NAMES = ['web', 'api', 'kubia'] as const
export const APPS = ['web', 'api', 'db'] as const
const NAMESPACES = ['default', 'default', 'default', 'default', 'default', 'kube-system'] as const
export const IMAGES = ['nginx', 'luksa/kubia', 'registry.k8s.io/echoserver:1.10', 'busybox', 'nginx:1.27'] as const

const name = fc.constantFrom(...NAMES)
const app = fc.constantFrom(...APPS)
const namespace = fc.constantFrom(...NAMESPACES)
const image = fc.constantFrom(...IMAGES)
const containerPort = fc.constantFrom(80, 8080, 9376)
const servicePort = fc.constantFrom(80, 443, 8080)
/** Node ports from a narrow band, so that two Services ask for the same one now and then. */
const nodePort = fc.constantFrom(30080, 30123, 30124, 32767, 30000)
const protocol = fc.constantFrom('TCP', 'TCP', 'TCP', 'UDP')

const meta = (n: string, ns: string, labels?: Record<string, string>): Obj => ({ name: n, namespace: ns, ...(labels ? { labels } : {}) })

const readinessProbe = fc.option(fc.record({
  exec: fc.constant({ command: ['cat', '/tmp/ready'] }),
  periodSeconds: fc.constantFrom(1, 5),
  initialDelaySeconds: fc.constantFrom(0, 3),
}), { nil: undefined })

// A liveness probe that fails (no /tmp/alive until an exec touches it, or a closed port) kills and restarts the
// container through the crash back-off: restart counts must still only grow.
const livenessProbe = fc.option(fc.record({
  check: fc.constantFrom<Obj>({ exec: { command: ['cat', '/tmp/alive'] } }, { httpGet: { path: '/', port: 8080 } }, { tcpSocket: { port: 80 } }),
  periodSeconds: fc.constantFrom(1, 5),
  failureThreshold: fc.constantFrom(1, 3),
  startup: fc.boolean(),
}).map(({ check, periodSeconds, failureThreshold, startup }): Obj => ({
  livenessProbe: { ...check, periodSeconds, failureThreshold },
  ...(startup ? { startupProbe: { ...check, periodSeconds: 1, failureThreshold: 5 } } : {}),
})), { nil: undefined })

const container = fc.record({
  image,
  port: fc.option(containerPort, { nil: undefined }),
  named: fc.boolean(),
  probe: readinessProbe,
  liveness: livenessProbe,
}).map(({ image, port, named, probe, liveness }): Obj => ({
  name: 'main',
  image,
  ...(port !== undefined ? { ports: [{ containerPort: port, ...(named ? { name: 'http' } : {}) }] } : {}),
  ...(probe ? { readinessProbe: probe } : {}),
  ...(liveness ?? {}),
}))

const podTemplate = (labels: Record<string, string>) => container.map((c): Obj => ({ metadata: { labels }, spec: { containers: [c] } }))

const deployment: fc.Arbitrary<Obj> = fc.record({ name, namespace, app, replicas: fc.integer({ min: 0, max: 4 }) })
  .chain(({ name, namespace, app, replicas }) => podTemplate({ app }).map((template): Obj => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, namespace, { app }),
    spec: { replicas, selector: { matchLabels: { app } }, template },
  })))

const pod: fc.Arbitrary<Obj> = fc.record({ name, namespace, app, container, hostNetwork: fc.boolean() })
  .map(({ name, namespace, app, container, hostNetwork }): Obj => ({
    apiVersion: 'v1', kind: 'Pod', metadata: meta(`${name}-pod`, namespace, { app }),
    spec: { containers: [container], ...(hostNetwork ? { hostNetwork: true } : {}) },
  }))

const serviceType = fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'Headless', 'ExternalName', 'Selectorless')

const service: fc.Arbitrary<Obj> = fc.record({
  name, namespace, app, type: serviceType, port: servicePort, target: fc.oneof(containerPort, fc.constant('http')),
  nodePort: fc.option(nodePort, { nil: undefined }), protocol, twoPorts: fc.boolean(),
  policy: fc.constantFrom(undefined, 'Cluster', 'Local'), affinity: fc.boolean(), publishNotReady: fc.boolean(),
}).map((r): Obj => {
  const port: Obj = { name: 'http', port: r.port, targetPort: r.target, protocol: r.protocol }
  const external = r.type === 'NodePort' || r.type === 'LoadBalancer'
  if (external && r.nodePort !== undefined) port.nodePort = r.nodePort
  const ports: Obj[] = [port]
  if (r.twoPorts) ports.push({ name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' })
  const spec: Obj = { ports }
  if (r.type === 'ExternalName') return { apiVersion: 'v1', kind: 'Service', metadata: meta(r.name, r.namespace), spec: { type: 'ExternalName', externalName: 'example.com' } }
  if (r.type !== 'Selectorless') spec.selector = { app: r.app }
  if (r.type === 'Headless') spec.clusterIP = 'None'
  else if (r.type !== 'Selectorless') spec.type = r.type
  if (external && r.policy) spec.externalTrafficPolicy = r.policy
  if (r.affinity) spec.sessionAffinity = 'ClientIP'
  if (r.publishNotReady) spec.publishNotReadyAddresses = true
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(r.name, r.namespace), spec }
})

/** Endpoints written by hand, for a selector-less Service of the same name (or for nothing at all). */
const endpoints: fc.Arbitrary<Obj> = fc.record({ name, namespace, ips: fc.uniqueArray(fc.integer({ min: 1, max: 254 }), { minLength: 0, maxLength: 3 }), port: containerPort })
  .map(({ name, namespace, ips, port }): Obj => ({
    apiVersion: 'v1', kind: 'Endpoints', metadata: meta(name, namespace),
    subsets: ips.length ? [{ addresses: ips.map((i) => ({ ip: `192.168.10.${i}` })), ports: [{ name: 'http', port, protocol: 'TCP' }] }] : [],
  }))

// networking.k8s.io/v1 only: no version kubehop runs serves extensions/v1beta1 Ingress (removed in v1.22).
const ingress: fc.Arbitrary<Obj> = fc.record({ name, namespace, backend: name, host: fc.option(fc.constantFrom('kubia.example.com', '*.example.com', 'foo.bar'), { nil: undefined }),
  pathType: fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific') })
  .map((r): Obj => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(r.name, r.namespace),
    spec: { rules: [{ ...(r.host ? { host: r.host } : {}), http: { paths: [{ path: '/', pathType: r.pathType, backend: { service: { name: r.backend, port: { number: 80 } } } }] } }] },
  }))

const configMap: fc.Arbitrary<Obj> = fc.record({ name, namespace, data: fc.dictionary(fc.constantFrom('nginx.conf', 'a', 'key.txt'), fc.string({ maxLength: 20 }), { maxKeys: 3 }) })
  .map(({ name, namespace, data }): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${name}-config`, namespace), data }))

export const validObject: fc.Arbitrary<Obj> = fc.oneof(
  { arbitrary: deployment, weight: 4 }, { arbitrary: pod, weight: 2 }, { arbitrary: service, weight: 4 },
  { arbitrary: endpoints, weight: 1 }, { arbitrary: ingress, weight: 1 }, { arbitrary: configMap, weight: 1 },
)

// ---------------------------------------------------------------------------------------------------
// Almost valid: one field wrong.

type Mutation = (o: Obj) => Obj
const clone = (o: Obj): Obj => structuredClone(o)
const specOf = (o: Obj) => (o.spec ??= {}) as Obj
const portsOf = (o: Obj) => ((specOf(o).ports as Obj[] | undefined) ?? [])
const containersOf = (o: Obj): Obj[] => {
  const spec = specOf(o)
  if (o.kind === 'Pod') return (spec.containers as Obj[] | undefined) ?? []
  const template = spec.template as Obj | undefined
  return ((template?.spec as Obj | undefined)?.containers as Obj[] | undefined) ?? []
}

/** Mutations named after what they break; each applies to any kind (a no-op where the field is absent). */
const MUTATIONS: Record<string, Mutation> = {
  portZero: (o) => { portsOf(o).forEach((p) => { p.port = 0 }); containersOf(o).forEach((c) => (c.ports as Obj[] | undefined)?.forEach((p) => { p.containerPort = 0 })); return o },
  port70000: (o) => { portsOf(o).forEach((p) => { p.port = 70000 }); containersOf(o).forEach((c) => (c.ports as Obj[] | undefined)?.forEach((p) => { p.containerPort = 70000 })); return o },
  nodePortLow: (o) => { specOf(o).type = 'NodePort'; portsOf(o).forEach((p) => { p.nodePort = 80 }); return o },
  nodePortHigh: (o) => { specOf(o).type = 'NodePort'; portsOf(o).forEach((p) => { p.nodePort = 40000 }); return o },
  nodePortDuplicate: (o) => { specOf(o).type = 'NodePort'; specOf(o).ports = [{ name: 'a', port: 80, nodePort: 30500 }, { name: 'b', port: 81, nodePort: 30500 }]; return o },
  nodePortOnClusterIP: (o) => { specOf(o).type = 'ClusterIP'; portsOf(o).forEach((p) => { p.nodePort = 30501 }); return o },
  badNameUpper: (o) => { (o.metadata as Obj).name = 'Web_Server'; return o },
  badNameLong: (o) => { (o.metadata as Obj).name = 'x'.repeat(300); return o },
  badNameEmpty: (o) => { (o.metadata as Obj).name = ''; return o },
  missingName: (o) => { delete (o.metadata as Obj).name; return o },
  missingSelector: (o) => { delete specOf(o).selector; return o },
  selectorMismatch: (o) => { if (o.kind === 'Deployment') specOf(o).selector = { matchLabels: { app: 'other' } }; return o },
  replicasString: (o) => { specOf(o).replicas = 'three'; return o },
  replicasNegative: (o) => { specOf(o).replicas = -1; return o },
  portString: (o) => { portsOf(o).forEach((p) => { p.port = 'eighty' }); return o },
  portFloat: (o) => { portsOf(o).forEach((p) => { p.port = 80.5 }); return o },
  noContainers: (o) => { if (o.kind === 'Pod') specOf(o).containers = []; else if (o.kind === 'Deployment') ((specOf(o).template as Obj).spec as Obj).containers = []; return o },
  noImage: (o) => { containersOf(o).forEach((c) => { delete c.image }); return o },
  badType: (o) => { specOf(o).type = 'Nodeport'; return o },
  duplicatePortName: (o) => { specOf(o).ports = [{ name: 'http', port: 80 }, { name: 'http', port: 81 }]; return o },
  badClusterIP: (o) => { specOf(o).clusterIP = '10.0.0.300'; return o },
  clusterIPOutside: (o) => { specOf(o).clusterIP = '192.168.0.10'; return o },
  badLabelValue: (o) => { (o.metadata as Obj).labels = { app: 'not valid!' }; return o },
  specIsList: (o) => { o.spec = [1, 2, 3]; return o },
  metadataIsString: (o) => { o.metadata = 'web'; return o },
  unknownField: (o) => { specOf(o).portz = [{ port: 80 }]; return o },
  wrongApiVersion: (o) => { o.apiVersion = o.kind === 'Deployment' ? 'extensions/v1beta1' : 'v2'; return o },
  unknownKind: (o) => { o.kind = 'Deploymnet'; return o },
  missingKind: (o) => { delete o.kind; return o },
  badNamespace: (o) => { (o.metadata as Obj).namespace = 'does-not-exist'; return o },
  endpointBadIP: (o) => { if (o.kind === 'Endpoints') o.subsets = [{ addresses: [{ ip: '999.1.1.1' }], ports: [{ port: 80 }] }]; return o },
  ingressNoBackend: (o) => { if (o.kind === 'Ingress') o.spec = { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix' }] } }] }; return o },
}

const MUTATION_NAMES = Object.keys(MUTATIONS)

export const almostValid: fc.Arbitrary<{ object: Obj; mutation: string }> = fc.tuple(validObject, fc.constantFrom(...MUTATION_NAMES))
  .map(([o, m]) => ({ object: MUTATIONS[m](clone(o)), mutation: m }))

// ---------------------------------------------------------------------------------------------------
// Hostile text.

const deepNesting = (depth: number, flow: boolean) => flow
  ? `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`
  : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} x\n`

/** The "billion laughs" of YAML: each level repeats the previous one `width` times. */
export function aliasBomb(levels: number, width: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data:', '  a0: &a0 ["lol"]']
  for (let i = 1; i <= levels; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(',')}]`)
  return lines.join('\n') + '\n'
}

const protoManifest = (where: 'top' | 'metadata' | 'labels' | 'spec') => {
  const payload = '__proto__: {polluted: yes}\n'
  const indent = (s: string, n: number) => s.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n')
  if (where === 'top') return `apiVersion: v1\nkind: ConfigMap\n${payload}metadata: {name: proto}\nconstructor: {prototype: {polluted: yes}}\n`
  if (where === 'metadata') return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: proto\n${indent(payload, 2)}`
  if (where === 'labels') return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: proto\n  labels:\n${indent(payload, 4)}    constructor: x\nspec:\n  containers: [{name: c, image: nginx}]\n`
  return `apiVersion: v1\nkind: Service\nmetadata: {name: proto}\nspec:\n  selector: {__proto__: {polluted: yes}}\n  ports: [{port: 80, __proto__: {polluted: yes}}]\n`
}

const unicodeName = fc.constantFrom('wéb', 'веб', 'ウェブ', '🐳', 'web\u200b', 'web\u0000x', 'ǅ', 'ß', 'web\nx')

const hugeNumbers = fc.constantFrom(
  '1e309', '-1e309', '9007199254740993', '99999999999999999999999', '0x7fffffffffffffff', '.inf', '-.inf', '.nan', '1_000_000', '-0', '0o777',
)

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '---', '---\n---\n---\n', '\n\n', '# only a comment\n', '---\n...\n', 'null', '~', '[]', '{}', '"a string"', '42', '- a\n- b\n'),
  fc.integer({ min: 1, max: 400 }).chain((d) => fc.boolean().map((flow) => deepNesting(d, flow))),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 10 })).map(([l, w]) => aliasBomb(l, w)),
  fc.constantFrom<'top' | 'metadata' | 'labels' | 'spec'>('top', 'metadata', 'labels', 'spec').map(protoManifest),
  unicodeName.map((n) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(n)}\n  labels: {${JSON.stringify(n)}: ${JSON.stringify(n)}}\nspec:\n  containers: [{name: c, image: nginx}]\n`),
  hugeNumbers.map((n) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: huge}\nspec:\n  replicas: ${n}\n  selector: {matchLabels: {app: huge}}\n  template:\n    metadata: {labels: {app: huge}}\n    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: ${n}}]}]}\n`),
  hugeNumbers.map((n) => `apiVersion: v1\nkind: Service\nmetadata: {name: huge}\nspec:\n  type: NodePort\n  selector: {app: huge}\n  ports: [{port: ${n}, nodePort: ${n}, targetPort: ${n}}]\n`),
  fc.constantFrom(100000, 1_000_000, 2 ** 31, 2 ** 31 - 1).map((n) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: many}\nspec:\n  replicas: ${n}\n  selector: {matchLabels: {app: many}}\n  template:\n    metadata: {labels: {app: many}}\n    spec: {containers: [{name: c, image: nginx}]}\n`),
  fc.constantFrom(1 << 20, 100_000).map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  big: "${'x'.repeat(n)}"\n`),
  fc.constantFrom(1 << 20).map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${'n'.repeat(n)}}\n`),
  fc.constantFrom(
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: l1}\n- 42\n- [1]\n- apiVersion: v1\n  kind: List\n  items: []\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dup}\nmetadata: {name: dup2}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tabs}\ndata:\n\tk: v\n',
    '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "json"}}{"apiVersion": "v1"',
    '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j","__proto__":{"polluted":"yes"}}}',
    '!!binary AAAA',
    'apiVersion: !!js/function "function(){}"\nkind: ConfigMap\nmetadata: {name: tag}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: anchors}\ndata: &x {a: *x}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ? [a, b] : c}\n',
    '%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: directive}\n',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n',
    'apiVersion: v1\nkind: Node\nmetadata: {name: kind-worker}\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: kubernetes}\nspec: {ports: [{port: 443}]}\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: c, image: nginx}]\n  nodeName: no-such-node\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: hn}\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}]\n',
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
)

// ---------------------------------------------------------------------------------------------------
// Text.

/** A manifest as a person writes it: YAML (or JSON) of one or more objects, sometimes with empty documents. */
export function toManifest(objects: Obj[], style: 'yaml' | 'json' | 'list' = 'yaml'): string {
  if (style === 'json') return objects.map((o) => JSON.stringify(o, null, 2)).join('\n')
  if (style === 'list') return stringify({ apiVersion: 'v1', kind: 'List', items: objects })
  return objects.map((o) => stringify(o)).join('---\n')
}

export const validManifest: fc.Arbitrary<string> = fc.tuple(fc.array(validObject, { minLength: 1, maxLength: 4 }), fc.constantFrom<'yaml' | 'json' | 'list'>('yaml', 'yaml', 'yaml', 'json', 'list'))
  .map(([objects, style]) => toManifest(objects, style))

/**
 * A Deployment and the Service in front of it, as a tutorial applies them: the Service selects the pods and sends
 * to the container's port by number or by name; no readiness probe, so the endpoint controllers have ready pods
 * to publish (the stories flip readiness).
 */
export const appManifest: fc.Arbitrary<string> = fc.record({
  name, app, image, replicas: fc.integer({ min: 1, max: 4 }), port: containerPort, byName: fc.boolean(),
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'Headless'),
}).map((r) => toManifest([
  {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(r.name, 'default', { app: r.app }),
    spec: { replicas: r.replicas, selector: { matchLabels: { app: r.app } }, template: { metadata: { labels: { app: r.app } }, spec: { containers: [
      { name: 'main', image: r.image, ports: [{ containerPort: r.port, name: 'http' }] },
    ] } } },
  },
  {
    apiVersion: 'v1', kind: 'Service', metadata: meta(r.name, 'default'),
    spec: { selector: { app: r.app }, ports: [{ name: 'http', port: 80, targetPort: r.byName ? 'http' : r.port }], ...(r.type === 'Headless' ? { clusterIP: 'None' } : { type: r.type }) },
  },
]))

export const anyManifest: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: validManifest, weight: 4 },
  { arbitrary: almostValid.map((a) => toManifest([a.object])), weight: 3 },
  { arbitrary: fc.tuple(validObject, almostValid).map(([v, a]) => toManifest([v, a.object])), weight: 1 },
  { arbitrary: hostileText, weight: 2 },
)
