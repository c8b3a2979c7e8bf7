// What a container's process listens on and how it answers a kubelet HTTP probe. Real Kubernetes does not know
// this (containerPort is informational); the image decides, as the catalog (src/engine/images/) describes it.
import type { KubeObject } from '../api/types.ts'
import type { ContainerState } from '../node/runtime.ts'
import { imageFamily } from '../images/index.ts'
import { httpd } from '../images/os-and-servers.ts'
import { gkeKubeDns } from '../images/cluster-addons.ts'
import { runsImageServer } from '../images/process.ts'
import { appKind, imageFiles, listenPorts } from './registry.ts'
import type { ContainerInfo } from './registry.ts'
import type { Container } from 'kubernetes-types/core/v1'

export interface ListeningPort { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }

/**
 * The ports a container listens on, as the network sees them (`apps/registry.ts` listenPorts: the image's app,
 * nginx's mounted configuration, or the declared containerPorts), plus CoreDNS's UDP 53.
 * `files` are the container's files with mounts applied; without them, the image's own files.
 */
export function listeningPorts(container: Container | ContainerInfo, files?: ReadonlyMap<string, string>): ListeningPort[] {
  // listenPorts reads a missing image as the generic app, as before.
  const tcp = listenPorts(container as ContainerInfo, files ?? imageFiles(container.image ?? '')).map((port) => ({ port, protocol: 'TCP' as const }))
  const udp = runsImageServer(container) ? imageFamily(container.image ?? '')?.udpPorts ?? [] : []
  return [...udp.map((port) => ({ port, protocol: 'UDP' as const })), ...tcp]
}

export type HttpProbeAnswer = { kind: 'refused' } | { kind: 'response'; status: number }

/**
 * How the container answers `GET path` on `port`: refused when nothing listens there; otherwise a status code.
 * nginx/httpd serve files (`/` and existing files under the web root, else 404); coredns answers /health and /ready;
 * the demo apps answer every path with 200. `state` (the container's runtime files) lets a deleted index.html 404.
 */
export function httpProbeResult(pod: KubeObject, container: Container | ContainerInfo, port: number, path: string, state?: ContainerState, files?: ReadonlyMap<string, string>): HttpProbeAnswer {
  void pod
  if (!listeningPorts(container, files).some((p) => p.port === port && p.protocol === 'TCP')) return { kind: 'refused' }
  const app = appKind(container.image ?? '')
  const base = app === 'nginx' ? 'nginx' : imageFamily(container.image ?? '') === httpd ? 'httpd' : app
  const clean = (path || '/').replace(/[?#].*$/, '')
  if (base === 'nginx' || base === 'httpd') {
    const root = base === 'nginx' ? '/usr/share/nginx/html' : '/usr/local/apache2/htdocs'
    const file = clean.endsWith('/') ? `${root}${clean}index.html` : `${root}${clean}`
    if (state?.removed.has(file)) return { kind: 'response', status: 404 }
    if (state?.files.has(file)) return { kind: 'response', status: 200 }
    return { kind: 'response', status: clean === '/' || clean === '/index.html' || (base === 'nginx' && clean === '/50x.html') ? 200 : 404 }
  }
  if (imageFamily(container.image ?? '') === gkeKubeDns) {
    const ok = (port === 8081 && clean === '/readiness') || (port === 10054 && (clean === '/healthcheck/kubedns' || clean === '/healthcheck/dnsmasq'))
    return { kind: 'response', status: ok ? 200 : 404 }
  }
  if (base === 'coredns') return { kind: 'response', status: (port === 8080 && clean === '/health') || (port === 8181 && clean === '/ready') ? 200 : 404 }
  if (app === 'influxdb') return { kind: 'response', status: clean === '/ping' ? 204 : clean === '/health' ? 200 : 404 }
  return { kind: 'response', status: 200 }
}
