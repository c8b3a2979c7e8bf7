// What the "Send request" form offers, read from the current objects: where a request can come from (the
// host, an internet client on a cloud, any running pod) and where it can go (node IPs with node ports, load
// balancer IPs, cluster IPs, Service DNS names, Ingress hosts and paths), each with the command that sends it.
import type { KubeObject } from '../../engine/api/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'

export interface RequestSource {
  /** `host` or `pod/<namespace>/<name>`. */
  id: string
  label: string
  /** Pod-only addresses (cluster IPs, DNS names) work from here. */
  inCluster: boolean
}

export interface RequestTarget {
  id: string
  label: string
  url: string
  /** Extra curl arguments (`-H 'Host: …'` for an Ingress host). */
  args: string[]
  /** Only reachable from inside the cluster (cluster IPs, Service names). */
  inClusterOnly: boolean
  /** Where kube-proxy sees the connection arrive (for the expected share), when a Service decides. */
  share: { ip: string; port: number } | null
  /** `namespace/name` of the Service it reaches, for the side-by-side comparison. */
  service: string | null
  /** The Service type: the Cluster/Local comparison only makes sense for NodePort and LoadBalancer. */
  serviceType: string | null
}

const running = (o: KubeObject) => o.kind === 'Pod' && o.status?.phase === 'Running' && !o.metadata.deletionTimestamp

export function requestSources(snapshot: ClusterSnapshot | null): RequestSource[] {
  const cloud = snapshot?.profile?.type === 'gke'
  const sources: RequestSource[] = [{ id: 'host', label: cloud ? 'Internet client (your machine)' : 'Host (your machine)', inCluster: false }]
  for (const o of snapshot?.objects ?? []) {
    if (!running(o) || o.spec?.hostNetwork) continue
    const ns = o.metadata.namespace ?? 'default'
    if (ns === 'kube-system' || ns === 'local-path-storage') continue
    sources.push({ id: `pod/${ns}/${o.metadata.name}`, label: `Pod ${ns === 'default' ? '' : `${ns}/`}${o.metadata.name}`, inCluster: true })
  }
  return sources
}

const scheme = (port: number) => (port === 443 ? 'https' : 'http')
const hostPort = (ip: string, port: number) => (port === 80 ? ip : `${ip}:${port}`)

export function requestTargets(snapshot: ClusterSnapshot | null): RequestTarget[] {
  const objects = snapshot?.objects ?? []
  const cloud = snapshot?.profile?.type === 'gke'
  const nodes = objects.filter((o) => o.kind === 'Node').map((o) => {
    const addresses = (o.status?.addresses ?? []) as { type: string; address: string }[]
    return { name: o.metadata.name, internal: addresses.find((a) => a.type === 'InternalIP')?.address, external: addresses.find((a) => a.type === 'ExternalIP')?.address }
  })
  const out: RequestTarget[] = []
  for (const svc of objects.filter((o) => o.kind === 'Service')) {
    const ns = svc.metadata.namespace ?? 'default'
    if (ns === 'kube-system' || (ns === 'default' && svc.metadata.name === 'kubernetes')) continue
    const id = `${ns}/${svc.metadata.name}`
    const type: string = svc.spec?.type ?? 'ClusterIP'
    const base = { service: id, serviceType: type }
    for (const p of (svc.spec?.ports ?? []) as { port: number; nodePort?: number; protocol?: string }[]) {
      if ((p.protocol ?? 'TCP') !== 'TCP') continue
      for (const ing of (svc.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]) {
        if (ing.ip) out.push({ ...base, id: `lb:${id}:${ing.ip}:${p.port}`, label: `${svc.metadata.name} load balancer ${hostPort(ing.ip, p.port)}`, url: `${scheme(p.port)}://${hostPort(ing.ip, p.port)}/`, args: [], inClusterOnly: false, share: { ip: ing.ip, port: p.port } })
      }
      if (p.nodePort) {
        for (const n of nodes) {
          const ip = cloud ? n.external : n.internal
          if (ip) out.push({ ...base, id: `np:${id}:${n.name}:${p.nodePort}`, label: `${svc.metadata.name} node port on ${n.name} ${ip}:${p.nodePort}`, url: `http://${ip}:${p.nodePort}/`, args: [], inClusterOnly: false, share: { ip, port: p.nodePort } })
        }
      }
      const clusterIP: string | undefined = svc.spec?.clusterIP
      if (type !== 'ExternalName' && clusterIP && clusterIP !== 'None') {
        out.push({ ...base, id: `cip:${id}:${p.port}`, label: `${svc.metadata.name} cluster IP ${hostPort(clusterIP, p.port)}`, url: `${scheme(p.port)}://${hostPort(clusterIP, p.port)}/`, args: [], inClusterOnly: true, share: { ip: clusterIP, port: p.port } })
        const name = ns === 'default' ? svc.metadata.name : `${svc.metadata.name}.${ns}`
        out.push({ ...base, id: `dns:${id}:${p.port}`, label: `${name} (DNS name)${p.port === 80 ? '' : `:${p.port}`}`, url: `${scheme(p.port)}://${hostPort(name, p.port)}/`, args: [], inClusterOnly: true, share: { ip: clusterIP, port: p.port } })
      }
    }
  }
  for (const ing of objects.filter((o) => o.kind === 'Ingress')) {
    const address = ((ing.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[])[0]
    const at = address?.ip ?? address?.hostname
    if (!at) continue
    for (const rule of (ing.spec?.rules ?? []) as { host?: string; http?: { paths?: { path?: string }[] } }[]) {
      for (const path of rule.http?.paths ?? [{ path: '/' }]) {
        const p = path.path ?? '/'
        out.push({ id: `ing:${ing.metadata.name}:${rule.host ?? '*'}:${p}`, label: `Ingress ${ing.metadata.name} ${rule.host ?? at}${p}`, url: `http://${at}${p}`,
          args: rule.host ? ['-H', `'Host: ${rule.host}'`] : [], inClusterOnly: false, share: null, service: null, serviceType: null })
      }
    }
  }
  return out
}

export type RequestMode = 'curl' | 'keep-alive'

/** The command a person would type: `curl -s URL`, looped for a count, keep-alive as one curl with the URL repeated, `kubectl exec POD -- …` from a pod. */
export function requestCommand(source: string, target: Pick<RequestTarget, 'url' | 'args'>, mode: RequestMode, count: number): string {
  const curl = (urls: string[]) => ['curl', '-s', '-m', '5', ...target.args, ...urls].join(' ')
  const inPod = (cmd: string) => {
    if (source === 'host') return cmd
    const [, ns, name] = source.split('/')
    return `kubectl exec ${name}${ns === 'default' ? '' : ` -n ${ns}`} -- ${cmd}`
  }
  if (mode === 'keep-alive') return inPod(curl(Array.from({ length: count }, () => target.url)))
  if (count === 1) return inPod(curl([target.url]))
  return `for i in $(seq 1 ${count}); do ${inPod(curl([target.url]))}; done`
}
