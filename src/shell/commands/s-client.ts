// `openssl s_client -connect HOST:PORT [-servername NAME] [-showcerts]` (OpenSSL 3.0.13, Ubuntu 24.04): the TLS
// handshake against an Ingress, the API server or a plain port, printed as s_client does with stdin at its end
// (a script's empty input): the verify callback, the chain, the server certificate, the session, then DONE.
// Upstream: openssl apps/s_client.c (print_stuff), apps/lib/s_cb.c (verify_callback, print_ca_names).
import type { CommandIO, ShellHost } from '../command.ts'
import { finishTool, netContext } from '../net/context.ts'
import { resolveName } from '../net/resolve.ts'
import { tlsHandshake } from '../../engine/network/tls-handshake.ts'
import { bytesFrom, derOf, names, pem, rsaPublicKey, selfSignedCertificate, type Bytes } from './der.ts'

const THREAD = '40F7D1B2A67F0000'
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** ASN1_TIME_print: `Jan  1 09:00:00 2026 GMT`, from a UTCTime's YYMMDDhhmmssZ. */
function asn1Time(t: string): string {
  const [yy, mm, dd, h, m, s] = [0, 2, 4, 6, 8, 10].map((i) => t.slice(i, i + 2))
  return `${MONTHS[Number(mm) - 1]} ${String(Number(dd)).padStart(2)} ${h}:${m}:${s} 20${yy} GMT`
}

/** The two UTCTimes of the validity. */
function validity(der: Bytes): [string, string] {
  const times: string[] = []
  for (let i = 0; i + 15 <= der.length && times.length < 2; i++) {
    if (der[i] === 0x17 && der[i + 1] === 0x0d) times.push(String.fromCharCode(...der.slice(i + 2, i + 15)))
  }
  return [asn1Time(times[0] ?? '260101000000Z'), asn1Time(times[1] ?? '270101000000Z')]
}

/** A certificate that is not in a Secret (ingress-nginx's fake one, kubeadm's): made from its subject, stable per name. */
function madeUp(subject: string): string {
  const pairs = subject.split('; ').map((kv) => kv.split('=') as [string, string])
  const seed = `s_client:${subject}`
  const modulus = [0xc0 | (bytesFrom(seed, 1)[0] & 0x3f), ...bytesFrom(`n:${seed}`, 255)]
  return pem('CERTIFICATE', selfSignedCertificate({ serial: [0x40, ...bytesFrom(`serial:${seed}`, 15)], subject: pairs, notBefore: 1767225600, days: 365, publicKey: rsaPublicKey(modulus), signature: bytesFrom(`sig:${seed}`, 256) }))
}

/** OpenSSL's option parser for the options kubehop's s_client reads; the others a user might pass are accepted. */
function parse(io: CommandIO, args: string[]): { connect: string; servername?: string; showcerts: boolean; noservername: boolean } | number {
  const withValue = ['connect', 'servername', 'CAfile', 'CApath', 'cert', 'key', 'verify', 'alpn', 'host', 'port', 'sess_out', 'sess_in', 'cipher', 'ciphersuites']
  const flags = ['showcerts', 'noservername', 'brief', 'quiet', 'tls1_2', 'tls1_3', 'no_ign_eof', 'ign_eof', 'prexit', 'state', 'debug', 'msg', 'crlf', 'verify_return_error', 'status']
  const out = { connect: 'localhost:4433', servername: undefined as string | undefined, showcerts: false, noservername: false }
  for (let i = 0; i < args.length; i++) {
    const name = args[i].replace(/^--?/, '')
    if (!args[i].startsWith('-')) { io.err(`s_client: Extra option: "${args[i]}"\ns_client: Use -help for summary.\n`); return 1 }
    if (withValue.includes(name)) {
      if (i + 1 >= args.length) { io.err(`s_client: Option -${name} needs a value\ns_client: Use -help for summary.\n`); return 1 }
      const v = args[++i]
      if (name === 'connect') out.connect = v
      if (name === 'servername') out.servername = v
    } else if (flags.includes(name)) {
      if (name === 'showcerts') out.showcerts = true
      if (name === 'noservername') out.noservername = true
    } else { io.err(`s_client: Unknown option: ${args[i]}\ns_client: Use -help for summary.\n`); return 1 }
  }
  return out
}

/** A DNS name, not an address: s_client sends it as SNI unless -servername says otherwise (is_dNS_name). */
const isDnsName = (h: string) => /[a-z_]/i.test(h) && h.includes('.') && !/^[\d.]+$/.test(h)

export function sClient(io: CommandIO, host: ShellHost, args: string[]): number {
  const o = parse(io, args)
  if (typeof o === 'number') return o
  const m = /^(.*):(\d+)$/.exec(o.connect)
  const hostname = m ? m[1].replace(/^\[|\]$/g, '') : o.connect
  const port = m ? Number(m[2]) : 443
  const ctx = netContext(io, host)
  if ('error' in ctx) { io.err(ctx.error + '\n'); return 1 }
  const r = resolveName(ctx, host, hostname)
  r.traces.forEach((t) => io.trace(t))
  if (!r.ip) {
    io.err(`${THREAD}:error:10080002:BIO routines:BIO_lookup_ex:system lib:../crypto/bio/bio_addr.c:738:Name or service not known\nconnect:errno=0\n`)
    return 1
  }
  const sni = o.noservername ? '' : o.servername ?? (isDnsName(hostname) ? hostname : '')
  if (!ctx.world) { io.err(`${THREAD}:error:8000006E:system library:BIO_connect:Connection timed out:../crypto/bio/bio_sock2.c:114:calling connect()\n${THREAD}:error:10000067:BIO routines:BIO_connect:connect error:../crypto/bio/bio_sock2.c:116:\nconnect:errno=110\n`); return 1 }
  const hs = tlsHandshake(ctx.world, ctx.client, { ip: r.ip, port }, sni, `https://${hostname}:${port}`, ctx.from)
  io.trace(hs.trace)
  finishTool(ctx)
  if (hs.conn.status !== 'open') {
    const [code, text, errno] = hs.conn.status === 'timeout' ? ['8000006E', 'Connection timed out', 110] : ['8000006F', 'Connection refused', 111]
    io.err(`${THREAD}:error:${code}:system library:BIO_connect:${text}:../crypto/bio/bio_sock2.c:114:calling connect()\n${THREAD}:error:10000067:BIO routines:BIO_connect:connect error:../crypto/bio/bio_sock2.c:116:\nconnect:errno=${errno}\n`)
    return 1
  }
  io.out('CONNECTED(00000003)\n')
  const tail = (verify: string) => `Compression: NONE\nExpansion: NONE\nNo ALPN negotiated\nEarly data was not sent\nVerify return code: ${verify}\n---\n`
  if (!hs.certificate || hs.certificate === 'plain') {
    io.err(`${THREAD}:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:\n`)
    io.out(`---\nno peer certificate available\n---\nNo client certificate CA names sent\n---\nSSL handshake has read 5 bytes and written ${300 + sni.length} bytes\nVerification: OK\n---\nNew, (NONE), Cipher is (NONE)\nSecure Renegotiation IS NOT supported\n${tail('0 (ok)')}`)
    return 1
  }
  const certPem = hs.certificate.pem ?? madeUp(hs.certificate.subject)
  const der = derOf(certPem) ?? []
  const n = names(der)
  // kubeadm signs the API server's certificate with the cluster CA, which the client does not have.
  const apiServer = hs.certificate.subject === 'CN=kube-apiserver'
  const issuer = apiServer ? 'CN = kubernetes' : n.issuer
  const verify = apiServer ? [20, 'unable to get local issuer certificate', 21, 'unable to verify the first certificate'] as const : [18, 'self-signed certificate'] as const
  io.err(apiServer
    ? `depth=0 ${n.subject}\nverify error:num=20:unable to get local issuer certificate\nverify return:1\ndepth=0 ${n.subject}\nverify error:num=21:unable to verify the first certificate\nverify return:1\ndepth=0 ${n.subject}\nverify return:1\n`
    : `depth=0 ${n.subject}\nverify error:num=18:self-signed certificate\nverify return:1\ndepth=0 ${n.subject}\nverify return:1\n`)
  const [code, reason] = verify.length === 4 ? [verify[2], verify[3]] : [verify[0], verify[1]]
  const [from, until] = validity(der)
  const block = certPem.slice(certPem.indexOf('-----BEGIN CERTIFICATE-----'), certPem.indexOf('-----END CERTIFICATE-----') + 26)
  io.out(`---\nCertificate chain\n 0 s:${n.subject}\n   i:${issuer}\n   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256\n   v:NotBefore: ${from}; NotAfter: ${until}\n${o.showcerts ? block : ''}---\n` +
    `Server certificate\n${o.showcerts ? '' : block}subject=${n.subject}\nissuer=${issuer}\n---\nNo client certificate CA names sent\nPeer signing digest: SHA256\nPeer signature type: RSA-PSS\nServer Temp Key: X25519, 253 bits\n---\n` +
    `SSL handshake has read ${der.length + 586} bytes and written ${377 + sni.length} bytes\nVerification error: ${reason}\n---\nNew, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384\nServer public key is 2048 bit\nSecure Renegotiation IS NOT supported\n${tail(`${code} (${reason})`)}`)
  // stdin at its end: s_client closes the connection.
  io.err('DONE\n')
  return 0
}
