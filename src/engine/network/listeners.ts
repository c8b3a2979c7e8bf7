// Who holds a socket on an address: a container of a pod (its app's listen ports), a hostNetwork pod on a
// node, or a node daemon (kubelet, kube-apiserver, kube-proxy's health check server).
import type { ContainerInfo } from '../apps/registry.ts'
import { imageFiles, listenPorts } from '../apps/registry.ts'
import { containerFiles } from '../apps/mounted-files.ts'
import { imageFamily } from '../images/index.ts'
import { exitsOnSigterm, runsImageServer } from '../images/process.ts'
import type { NetNode, NetPod, NetworkView } from './view.ts'
import { localReadyEndpoints } from './load-balancers.ts'
import type { KubeObject } from '../api/types.ts'
import type { Listener } from '../gateway/types.ts'

export type Server =
  | { kind: 'container'; pod: NetPod; container: ContainerInfo; files: Map<string, string>; /** `ns/pod/container`, the key of the served counts. */ key: string }
  | { kind: 'healthcheck'; node: NetNode; service: KubeObject; localEndpoints: number }
  | { kind: 'daemon'; node: NetNode; name: string; tls: boolean }
  | { kind: 'external'; ip: string }
  /** A Gateway's proxy (envoy) accepting on one of its listeners. */
  | { kind: 'envoy'; gateway: KubeObject; listener: Listener; ip: string }

const listenerCache = new WeakMap<NetPod, { version: number; byPort: Map<number, Server | undefined> }>()

/** The container of `pod` listening on TCP/UDP `port`, if any (remembered per pod until the API objects change: mounted files decide some ports). */
export function podListener(view: NetworkView, pod: NetPod, protocol: string, port: number): Server | undefined {
  let cache = listenerCache.get(pod)
  if (!cache || cache.version !== view.store.version) listenerCache.set(pod, (cache = { version: view.store.version, byPort: new Map() }))
  const key = port * 4 + (protocol === 'tcp' ? 0 : protocol === 'udp' ? 1 : protocol === 'sctp' ? 2 : 3)
  if (cache.byPort.has(key)) return cache.byPort.get(key)
  const server = findPodListener(view, pod, protocol, port)
  cache.byPort.set(key, server)
  return server
}

function findPodListener(view: NetworkView, pod: NetPod, protocol: string, port: number): Server | undefined {
  if (!pod.running) return undefined
  const terminating = !!pod.obj.metadata.deletionTimestamp
  for (const c of pod.containers) {
    // A Terminating pod's container whose process exited on SIGTERM holds no socket; the others serve until SIGKILL.
    if (terminating && exitsOnSigterm(c)) continue
    if (protocol === 'udp') {
      if (imageFamily(c.image)?.udpPorts?.includes(port) && runsImageServer(c)) return containerServer(pod, c, new Map())
      continue
    }
    const files = containerFiles(pod.obj, c.name, imageFiles(c.image), view.store)
    if (listenPorts(c, files).includes(port)) return containerServer(pod, c, files)
  }
  return undefined
}

function containerServer(pod: NetPod, container: ContainerInfo, files: Map<string, string>): Server {
  return { kind: 'container', pod, container, files, key: `${pod.namespace}/${pod.name}/${container.name}` }
}

/** A socket in the node's own network namespace: hostNetwork pods first, then the node's daemons. */
export function nodeListener(view: NetworkView, node: NetNode, protocol: string, port: number): Server | undefined {
  for (const pod of view.pods) {
    if (pod.nodeName !== node.name || !pod.hostNetwork) continue
    if (/kube-proxy|kindnet|etcd|kube-apiserver|kube-controller|kube-scheduler/.test(pod.containers[0]?.image ?? '')) continue
    const s = podListener(view, pod, protocol, port)
    if (s) return s
  }
  if (protocol !== 'tcp') return undefined
  for (const svc of view.store.list('Service')) {
    if (svc.spec?.healthCheckNodePort === port) return { kind: 'healthcheck', node, service: svc, localEndpoints: localReadyEndpoints(view, svc, node.name) }
  }
  if (port === 10250) return { kind: 'daemon', node, name: 'kubelet', tls: true }
  if (port === 10256) return { kind: 'daemon', node, name: 'kube-proxy', tls: false }
  if (port === 6443 && node.role === 'control-plane') return { kind: 'daemon', node, name: 'kube-apiserver', tls: true }
  return undefined
}

/** `pod/<name>`, `node/<name>` or `external/<ip>`: who served, for the TRACE. */
export function serverName(s: Server): string {
  switch (s.kind) {
    case 'container': return `pod/${s.pod.name}`
    case 'healthcheck': case 'daemon': return `node/${s.node.name}`
    case 'external': return `external/${s.ip}`
    case 'envoy': return `loadbalancer/${s.ip}`
  }
}
