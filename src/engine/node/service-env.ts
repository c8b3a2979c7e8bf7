// The environment the kubelet gives a container: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables,
// getServiceEnvVarMap) and pkg/kubelet/envvars/envvars.go (FromServices, makeLinkVariables). Service variables are
// computed when the container starts, so pods created before a Service do not see it (behaviour 18).
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { StoreIndexes } from '../api/indexes.ts'
import { decodeBase64 } from '../util/base64.ts'
import type { Container, ServicePort } from 'kubernetes-types/core/v1'
import { getOwn, hasOwn, setOwn } from '../util/own.ts'

interface EnvVar { name: string; value: string }

/** envvars.makeEnvVariableName: upper case, `-` → `_`. */
function envVariableName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_')
}

function ipSet(svc: KubeObject): boolean {
  const ip = svc.spec?.clusterIP
  return !!ip && ip !== 'None'
}

/**
 * getServiceEnvVarMap + envvars.FromServices: the `kubernetes` Service of `default` always, and (with
 * enableServiceLinks, the default) every Service of the pod's namespace that has a cluster IP.
 * Variables per Service: `_SERVICE_HOST`, `_SERVICE_PORT`, `_SERVICE_PORT_<NAME>` for named ports, and the docker
 * link set `_PORT`, `_PORT_<p>_<PROTO>`, `…_PROTO`, `…_PORT`, `…_ADDR`. Services are taken in name order
 * (upstream iterates a map, so its order varies).
 */
function serviceEnvVars(store: ReadonlyStore, namespace: string, enableServiceLinks = true): readonly EnvVar[] {
  const index = store.indexes
  if (!index) return computeServiceEnvVars(store, namespace, enableServiceLinks)
  // Computed once per revision of the namespace's Services (and default's, for `kubernetes`), then shared.
  const revision = `${index.revision('Service', namespace)}/${index.revision('Service', 'default')}`
  let cache = envCaches.get(index)
  if (!cache) envCaches.set(index, (cache = new Map()))
  const id = `${namespace}/${enableServiceLinks}`
  const hit = cache.get(id)
  if (hit?.revision === revision) return hit.vars
  const vars = Object.freeze(computeServiceEnvVars(store, namespace, enableServiceLinks))
  cache.set(id, { revision, vars })
  return vars
}

const envCaches = new WeakMap<StoreIndexes, Map<string, { revision: string; vars: readonly EnvVar[] }>>()

function computeServiceEnvVars(store: ReadonlyStore, namespace: string, enableServiceLinks: boolean): EnvVar[] {
  const chosen = new Map<string, KubeObject>()
  const master = store.get('Service', 'default', 'kubernetes')
  if (master && ipSet(master)) chosen.set('kubernetes', master)
  if (enableServiceLinks) {
    for (const svc of store.list('Service', namespace)) {
      if (!ipSet(svc)) continue
      if (namespace === 'default' && svc.metadata.name === 'kubernetes') continue
      chosen.set(svc.metadata.name, svc)
    }
  }
  const out: EnvVar[] = []
  for (const name of [...chosen.keys()].sort()) out.push(...fromService(chosen.get(name)!))
  return out
}

function fromService(svc: KubeObject): EnvVar[] {
  const prefix = envVariableName(svc.metadata.name)
  const ip: string = svc.spec.clusterIP
  const ports: ServicePort[] = svc.spec.ports ?? []
  if (!ports.length) return []
  const out: EnvVar[] = [
    { name: `${prefix}_SERVICE_HOST`, value: ip },
    { name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) },
  ]
  for (const p of ports) if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envVariableName(p.name)}`, value: String(p.port) })
  ports.forEach((p, i) => {
    const proto = String(p.protocol ?? 'TCP')
    const url = `${proto.toLowerCase()}://${ip}:${p.port}`
    if (i === 0) out.push({ name: `${prefix}_PORT`, value: url })
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`
    out.push({ name: pp, value: url }, { name: `${pp}_PROTO`, value: proto.toLowerCase() },
      { name: `${pp}_PORT`, value: String(p.port) }, { name: `${pp}_ADDR`, value: ip })
  })
  return out
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** Variables the image itself sets (its Dockerfile ENV lines) for the images learners use most. */
function imageEnv(image: string): EnvVar[] {
  const base = image.replace(/^.*\//, '').replace(/[:@].*$/, '')
  if (base === 'nginx') return [{ name: 'NGINX_VERSION', value: '1.27.4' }, { name: 'NJS_VERSION', value: '0.8.9' }, { name: 'NJS_RELEASE', value: '1~bookworm' }, { name: 'PKG_RELEASE', value: '1~bookworm' }, { name: 'DYNPKG_RELEASE', value: '1~bookworm' }]
  if (base === 'httpd') return [{ name: 'HTTPD_PREFIX', value: '/usr/local/apache2' }, { name: 'HTTPD_VERSION', value: '2.4.63' }]
  if (base.startsWith('kubia')) return [{ name: 'NODE_VERSION', value: '7.10.1' }, { name: 'YARN_VERSION', value: '0.24.4' }]
  if (base === 'redis') return [{ name: 'REDIS_VERSION', value: '7.4.2' }]
  return []
}

/** A fieldRef's value (pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue + fieldpath.ExtractFieldPathAsString). */
function fieldRefValue(pod: KubeObject, path: string, podIP: string, hostIP: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? ''
  switch (path) {
    case 'metadata.name': return pod.metadata.name
    case 'metadata.namespace': return pod.metadata.namespace ?? 'default'
    case 'metadata.uid': return pod.metadata.uid ?? ''
    case 'spec.nodeName': return pod.spec?.nodeName ?? ''
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? 'default'
    case 'status.podIP': case 'status.podIPs': return podIP
    case 'status.hostIP': case 'status.hostIPs': return hostIP
    default: return ''
  }
}

/** `$(VAR)` expansion (third_party/forked/golang/expansion): known names expand, `$$` escapes, unknown stay. */
function expand(value: string, vars: Map<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (whole, name) => {
    if (whole === '$$') return '$'
    return vars.has(name) ? vars.get(name)! : whole
  })
}

const decode = decodeBase64

/**
 * makeEnvironmentVariables: the container's full environment at start, in the order `env` prints it here:
 * PATH, HOSTNAME, envFrom and env (with $(VAR) expansion and valueFrom), the service variables not overridden,
 * the image's own ENV, HOME.
 */
/**
 * containerEnvironment split in two: everything is read from the store now (start time), and the record is
 * assembled on first use. A thousand Services give every container ~7,000 variables; most are never printed.
 */
export function containerEnvironmentAtStart(store: ReadonlyStore, pod: KubeObject, container: Container, podIP: string, hostIP: string, hostname: string): () => Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default'
  const own = new Map<string, string>()
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? ''
    if (from.configMapRef) {
      const cm = store.get('ConfigMap', ns, from.configMapRef.name as string)
      for (const [k, v] of Object.entries((cm?.data as Record<string, string>) ?? {})) own.set(prefix + k, v)
    }
    if (from.secretRef) {
      const secret = store.get('Secret', ns, from.secretRef.name as string)
      for (const [k, v] of Object.entries((secret?.data as Record<string, string>) ?? {})) own.set(prefix + k, decode(v))
      for (const [k, v] of Object.entries((secret?.stringData as Record<string, string>) ?? {})) own.set(prefix + k, v)
    }
  }
  const services = serviceEnvVars(store, ns, pod.spec?.enableServiceLinks !== false)
  // $(VAR) expansion needs the service variables only when an env value refers to one.
  let lookup: Map<string, string> | undefined
  const vars = () => {
    if (!lookup) {
      lookup = new Map<string, string>(services.map((e) => [e.name, e.value]))
      for (const [k, v] of own) lookup.set(k, v)
    }
    return lookup
  }
  for (const e of container.env ?? []) {
    let value: string
    if (e.valueFrom?.fieldRef) value = fieldRefValue(pod, e.valueFrom.fieldRef.fieldPath, podIP, hostIP)
    else if (e.valueFrom?.configMapKeyRef) value = getOwn((store.get('ConfigMap', ns, e.valueFrom.configMapKeyRef.name as string)?.data ?? {}) as Record<string, string>, String(e.valueFrom.configMapKeyRef.key)) ?? ''
    else if (e.valueFrom?.secretKeyRef) {
      const s = store.get('Secret', ns, e.valueFrom.secretKeyRef.name as string)
      const raw = getOwn((s?.data ?? {}) as Record<string, string>, String(e.valueFrom.secretKeyRef.key))
      value = raw !== undefined ? decode(raw) : (getOwn((s?.stringData ?? {}) as Record<string, string>, String(e.valueFrom.secretKeyRef.key)) ?? '')
    } else if (e.valueFrom?.resourceFieldRef) value = '0'
    else value = (e.value ?? '').includes('$') ? expand(e.value ?? '', vars()) : (e.value ?? '')
    own.set(e.name, value)
    lookup?.set(e.name, value)
  }
  let env: Record<string, string> | undefined
  return () => {
    if (env) return env
    // Env names are user text (`__proto__` is a valid one): own properties only.
    const out: Record<string, string> = { PATH, HOSTNAME: hostname }
    for (const [k, v] of own) setOwn(out, k, v)
    for (const e of services) if (!own.has(e.name)) setOwn(out, e.name, e.value)
    for (const e of imageEnv(container.image ?? '')) if (!hasOwn(out, e.name)) setOwn(out, e.name, e.value)
    if (!hasOwn(out, 'HOME')) out.HOME = '/root'
    return (env = out)
  }
}
