// One HTTP request over a (possibly reused) connection, with its TRACE: the connection's hops, the
// application's (or proxy's) answer, and the way back. Used by curl and wget on the host and in pods.
import type { HttpRequest, HttpResponse } from '../apps/http.ts'
import { byteLength, httpDate } from '../apps/http.ts'
import { appKind, respond } from '../apps/registry.ts'
import { imageFamily } from '../images/index.ts'
import { recordRequest, utf8Length } from './request-log.ts'
import type { Trace } from '../trace/types.ts'
import { TraceBuilder } from '../trace/builder.ts'
import type { ConnMemo, Connection, Peer } from './connect.ts'
import { connect, peerAt } from './connect.ts'
import type { Server } from './listeners.ts'
import { serverName } from './listeners.ts'
import type { NetworkWorld } from './world.ts'
import type { Addr } from './packet.ts'
import type { TraceBuilder as TB } from '../trace/builder.ts'
import { ingressServe } from './ingress-serve.ts'
import { apisixServe } from './apisix-serve.ts'
import { gatewayServe } from '../gateway/serve.ts'
import { gatewayCertificate } from '../gateway/tls.ts'
import { hostMatches } from '../ingress/match.ts'
import { certificateSubject } from './certificate.ts'
import { outsideHostAt, outsideHttp } from './outside.ts'
import { apiServerAnswer } from './apiserver-http.ts'
import { decodeBase64 } from '../util/base64.ts'
import type { IngressTLS } from 'kubernetes-types/networking/v1'

export interface HttpExchange {
  conn: Connection
  response?: HttpResponse
  trace: Trace
  /** The pod (or node, or external server) that produced the answer, after any proxy. */
  servedBy: string | null
  clientIPSeenByServer: string | null
}

/** The answer of whatever accepted the connection. */
function answer(world: NetworkWorld, server: Server, req: HttpRequest, peer: Addr, local: Addr, tb: TB, seen: { by: string | null; ip: string | null }): HttpResponse {
  seen.by = serverName(server)
  seen.ip = peer.ip
  if (server.kind === 'external') {
    seen.ip = peer.ip
    const res = outsideHttp(server.ip, req, world.view.now)
    tb.hop({ at: `external/${server.ip}`, component: 'internet', action: 'respond', src: peer, dst: local, rule: null, note: `The web server of ${outsideHostAt(server.ip)?.name ?? server.ip} answers ${res.status}.` })
    return res
  }
  if (req.scheme === 'https' && server.kind === 'envoy') {
    // A Gateway's envoy terminates TLS on its HTTPS listeners with the certificate the SNI name picks.
    const picked = gatewayCertificate(world.view.store, server.gateway, local.port, req.tls?.sni ?? '')
    if (!picked) return { status: 0, headers: [], body: '', tlsError: 35 }
    if (!req.tls?.insecure) return { status: 0, headers: [], body: '', tlsError: 60, certificate: picked.subject }
    const ref = picked.listener.tls?.certificateRefs?.[0]
    tb.hop({ at: `loadbalancer/${server.ip}`, component: 'gateway', action: 'terminate-tls', src: peer, dst: local,
      rule: `listener ${picked.listener.name} certificateRefs ${ref?.namespace ?? server.gateway.metadata.namespace ?? 'default'}/${ref?.name ?? ''}`,
      note: `envoy terminates TLS with listener ${picked.listener.name}'s certificate (${picked.subject}), picked by the SNI name "${req.tls?.sni ?? ''}"; the request inside is plain HTTP.` })
    return { ...answerPlain(world, server, req, peer, local, tb, seen), certificate: picked.subject }
  }
  if (req.scheme === 'https') {
    if (!speaksTLS(server, local.port)) return { status: 0, headers: [], body: '', tlsError: 35 }
    const cert = servedCertificate(world, server, req.tls?.sni ?? '').subject
    if (!req.tls?.insecure) return { status: 0, headers: [], body: '', tlsError: 60, certificate: cert }
    const res = answerPlain(world, server, req, peer, local, tb, seen)
    return { ...res, certificate: cert }
  }
  return answerPlain(world, server, req, peer, local, tb, seen)
}

/** The server's HTTP answer (after any TLS handshake). */
function answerPlain(world: NetworkWorld, server: Server, req: HttpRequest, peer: Addr, local: Addr, tb: TB, seen: { by: string | null; ip: string | null }): HttpResponse {
  const now = world.view.now
  switch (server.kind) {
    case 'container': {
      if (appKind(server.container.image) === 'ingress-nginx' && [80, 443].includes(local.port)) {
        return ingressServe(world, tb, server.pod, req, peer, local, (s, r, p, l, t) => answer(world, s, r, p, l, t, seen))
      }
      if (appKind(server.container.image) === 'apisix' && [9080, 9180].includes(local.port)) {
        return apisixServe(world, tb, server.pod, req, peer, local, (s, r, p, l, t) => answer(world, s, r, p, l, t, seen))
      }
      const key = server.key
      const before = world.served.get(key) ?? 0
      world.served.set(key, before + 1)
      const res = respond(server.container, server.files, req, {
        podName: server.pod.name, namespace: server.pod.namespace, image: server.container.image, localIP: local.ip, localPort: local.port,
        remoteIP: peer.ip, remotePort: peer.port, now, files: server.files, servedBefore: before,
      })
      if (imageFamily(server.container.image)?.requestLog) {
        recordRequest(world.view.config, key, { image: server.container.image, now, method: req.method, path: req.path, status: res.status, bytes: utf8Length(res.body),
          headers: req.headers, remoteIP: peer.ip, remotePort: peer.port, localPort: local.port })
      }
      // A hostNetwork pod's process answers in its node's network namespace, where connect accepted the connection.
      tb.hop({ at: server.pod.hostNetwork ? `node/${server.pod.nodeName}` : `pod/${server.pod.name}`, component: 'pod', action: 'respond', src: peer, dst: local, rule: null,
        note: `${server.container.image} answers ${res.status}.` })
      return res
    }
    case 'healthcheck': {
      const body = JSON.stringify({ service: { namespace: server.service.metadata.namespace, name: server.service.metadata.name }, localEndpoints: server.localEndpoints, serviceProxyHealthy: true })
      const status = server.localEndpoints > 0 ? 200 : 503
      return { status, headers: [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff'], ['X-Load-Balancing-Endpoint-Weight', String(server.localEndpoints)], ['Date', httpDate(now)], ['Content-Length', String(byteLength(body))]], body }
    }
    case 'daemon': {
      if (server.tls && req.scheme === 'https') return apiServerAnswer(server.name, req, now, String(world.view.store.list('Node')[0]?.status?.nodeInfo?.kubeletVersion ?? 'v1.32.2'))
      const body = server.tls ? 'Client sent an HTTP request to an HTTPS server.\n' : 'ok'
      return { status: server.tls ? 400 : 200, headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Date', httpDate(now)], ['Content-Length', String(byteLength(body))]], body }
    }
    case 'envoy':
      return gatewayServe(world, tb, server, req, peer, local, (s, r, p, l, t) => answer(world, s, r, p, l, t, seen))
    case 'external': {
      const body = `external server ${server.ip}\n`
      return { status: 200, headers: [['Date', httpDate(now)], ['Content-Length', String(byteLength(body))]], body }
    }
  }
}

/** Whether what accepted the connection on `port` answers a TLS ClientHello (ingress-nginx's 443, the API server, the kubelet). */
export function speaksTLS(server: Server, port: number): boolean {
  return (server.kind === 'container' && appKind(server.container.image) === 'ingress-nginx' && [443, 8443].includes(port)) || (server.kind === 'daemon' && !!server.tls)
}

/**
 * The certificate a TLS server presents: curl's `subject:` form and, when it comes from a Secret, its PEM.
 * ingress-nginx serves the Secret of a `tls` entry matching the SNI name, else its fake certificate; kubeadm's
 * API server certificate is CN=kube-apiserver, the kubelet's is self-signed for the node.
 */
export function servedCertificate(world: NetworkWorld, server: Server, sni: string): { subject: string; pem?: string } {
  if (server.kind === 'daemon') return { subject: server.name === 'kube-apiserver' ? 'CN=kube-apiserver' : `CN=${server.node.name}@1767225600` }
  for (const ing of world.view.store.list('Ingress')) {
    for (const t of (ing.spec?.tls ?? []) as IngressTLS[]) {
      if (!(t.hosts ?? []).some((h: string) => hostMatches(h, sni))) continue
      const secret = world.view.store.get('Secret', ing.metadata.namespace, t.secretName as string)
      if (!secret) continue
      const pem = decodeBase64(String((secret.data as Record<string, unknown> | undefined)?.['tls.crt'] ?? ''))
      return { subject: certificateSubject(pem) ?? `CN=${sni}`, pem }
    }
  }
  return { subject: 'O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate' }
}

/** Sends `req` to `target` from `client` (reusing `memo`'s connection for keep-alive) and records the TRACE. */
export function httpExchange(world: NetworkWorld, client: Peer, target: Addr, req: HttpRequest, to: string, memo?: ConnMemo, from?: string): HttpExchange {
  const tb = new TraceBuilder(from ?? peerAt(client), to)
  const seen: { by: string | null; ip: string | null } = { by: null, ip: null }
  let response: HttpResponse | undefined
  const conn = connect(world, tb, client, target, 'tcp', memo, (server, peer, local, t) => { response = answer(world, server, req, peer, local, t, seen) })
  const outcome = conn.status === 'open' ? (response && (response.status >= 400 || response.tlsError) ? 'http-error' : 'delivered') : conn.status === 'refused' ? 'refused' : conn.status === 'empty-reply' ? 'refused' : 'timeout'
  const ok = conn.status === 'open'
  return { conn, response: ok ? response : undefined, trace: tb.finish(outcome, ok ? seen.by : null, ok ? seen.ip : null), servedBy: ok ? seen.by : null, clientIPSeenByServer: ok ? seen.ip : null }
}
