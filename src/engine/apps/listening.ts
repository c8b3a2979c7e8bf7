// What a container's process listens on and how it answers a kubelet HTTP probe. Real Kubernetes does not know
// this (containerPort is informational); the image decides. kubehop keeps a small table of the images learners use.
// Another module will add full simulated HTTP answers; this one only says "listening?" and "which status?".
import type { KubeObject } from '../api/types.ts'
import type { ContainerState } from '../node/runtime.ts'
import { imageBaseName } from '../node/images.ts'

export interface ListeningPort { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }

const IMAGE_PORTS: Record<string, ListeningPort[]> = {
  nginx: [{ port: 80, protocol: 'TCP' }],
  'nginx-unprivileged': [{ port: 8080, protocol: 'TCP' }],
  httpd: [{ port: 80, protocol: 'TCP' }],
  kubia: [{ port: 8080, protocol: 'TCP' }],
  echoserver: [{ port: 8080, protocol: 'TCP' }],
  'agnhost': [{ port: 8080, protocol: 'TCP' }],
  redis: [{ port: 6379, protocol: 'TCP' }],
  'http-echo': [{ port: 5678, protocol: 'TCP' }],
  coredns: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 8080, protocol: 'TCP' }, { port: 8181, protocol: 'TCP' }, { port: 9153, protocol: 'TCP' }],
}

/** Whether the image is one kubehop knows (its ports come from the table, not from containerPort). */
export function knownImage(image: string): boolean {
  const base = imageBaseName(image)
  return base in IMAGE_PORTS || base.startsWith('kubia')
}

/**
 * The ports a container listens on: the image's usual ports for images kubehop knows (nginx 80, luksa/kubia* 8080,
 * echoserver 8080, redis 6379, http-echo 5678 or its `-listen=:PORT` argument, coredns 53/8080/8181/9153);
 * otherwise the declared containerPorts.
 */
export function listeningPorts(container: any): ListeningPort[] {
  const base = imageBaseName(container.image ?? '')
  if (base === 'http-echo') {
    const arg = [...(container.args ?? []), ...(container.command ?? [])].find((a: string) => /^-?-listen[= ]/.test(a))
    const port = arg ? Number(/:(\d+)/.exec(arg)?.[1]) : 5678
    return [{ port: port || 5678, protocol: 'TCP' }]
  }
  const known = IMAGE_PORTS[base] ?? (base.startsWith('kubia') ? IMAGE_PORTS.kubia : undefined)
  if (known) return known
  return ((container.ports ?? []) as any[]).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' }))
}

/** The container of `pod` listening on `port`/`protocol`, if any (hostNetwork pods listen on the node's address). */
export function listenerFor(pod: KubeObject, port: number, protocol = 'TCP'): any | undefined {
  return ((pod.spec?.containers ?? []) as any[]).find((c) => listeningPorts(c).some((p) => p.port === port && p.protocol === protocol))
}

export type HttpProbeAnswer = { kind: 'refused' } | { kind: 'response'; status: number }

/**
 * How the container answers `GET path` on `port`: refused when nothing listens there; otherwise a status code.
 * nginx/httpd serve files (`/` and existing files under the web root, else 404); coredns answers /health and /ready;
 * the demo apps answer every path with 200. `state` (the container's runtime files) lets a deleted index.html 404.
 */
export function httpProbeResult(pod: KubeObject, container: any, port: number, path: string, state?: ContainerState): HttpProbeAnswer {
  void pod
  if (!listeningPorts(container).some((p) => p.port === port && p.protocol === 'TCP')) return { kind: 'refused' }
  const base = imageBaseName(container.image ?? '')
  const clean = (path || '/').replace(/[?#].*$/, '')
  if (base === 'nginx' || base === 'httpd') {
    const root = base === 'nginx' ? '/usr/share/nginx/html' : '/usr/local/apache2/htdocs'
    const file = clean.endsWith('/') ? `${root}${clean}index.html` : `${root}${clean}`
    if (state?.removed.has(file)) return { kind: 'response', status: 404 }
    if (state?.files.has(file)) return { kind: 'response', status: 200 }
    return { kind: 'response', status: clean === '/' || clean === '/index.html' || (base === 'nginx' && clean === '/50x.html') ? 200 : 404 }
  }
  if (base === 'coredns') return { kind: 'response', status: (port === 8080 && clean === '/health') || (port === 8181 && clean === '/ready') ? 200 : 404 }
  if (base === 'kubia-unhealthy') return { kind: 'response', status: 200 }
  return { kind: 'response', status: 200 }
}
