// A TLS handshake without a request (what `openssl s_client -connect` does): the TCP connection's hops, then the
// server's answer to the ClientHello, the certificate it picked for the SNI name, or no TLS at all (a plain HTTP
// port answers the ClientHello with an HTTP error, which the client reads as a wrong record version).
import { TraceBuilder } from '../trace/builder.ts'
import type { Trace } from '../trace/types.ts'
import { connect, peerAt } from './connect.ts'
import type { Connection, Peer } from './connect.ts'
import { serverName } from './listeners.ts'
import type { Addr } from './packet.ts'
import type { NetworkWorld } from './world.ts'
import { servedCertificate, speaksTLS } from './http-exchange.ts'

export interface TlsHandshake {
  conn: Connection
  trace: Trace
  /** The certificate presented, or 'plain' when the server does not speak TLS; undefined without a connection. */
  certificate?: { subject: string; pem?: string } | 'plain'
}

export function tlsHandshake(world: NetworkWorld, client: Peer, target: Addr, sni: string, to: string, from?: string): TlsHandshake {
  const tb = new TraceBuilder(from ?? peerAt(client), to)
  let certificate: TlsHandshake['certificate']
  let by: string | null = null
  let seenIP: string | null = null
  const conn = connect(world, tb, client, target, 'tcp', undefined, (server, peer, local, t) => {
    by = serverName(server)
    seenIP = peer.ip
    const at = server.kind === 'container' ? `pod/${server.pod.name}` : server.kind === 'daemon' || server.kind === 'healthcheck' ? `node/${server.node.name}` : to
    if (!speaksTLS(server, local.port)) {
      certificate = 'plain'
      t.hop({ at, component: 'pod', action: 'respond', src: peer, dst: local, rule: null, note: `Port ${local.port} does not speak TLS: the ClientHello gets a plain-text answer.` })
      return
    }
    certificate = servedCertificate(world, server, sni)
    t.hop({ at, component: 'pod', action: 'respond', src: peer, dst: local, rule: null,
      note: `The TLS handshake completes: for SNI ${sni ? `"${sni}"` : '(none)'} the server presents ${certificate.subject}.` })
  })
  const ok = conn.status === 'open'
  const outcome = !ok ? (conn.status === 'timeout' ? 'timeout' : 'refused') : certificate === 'plain' ? 'http-error' : 'delivered'
  return { conn, certificate: ok ? certificate : undefined, trace: tb.finish(outcome, ok ? by : null, ok ? seenIP : null) }
}
