// A Gateway's HTTPS listeners: whether each one's certificateRefs resolve (gateway-api apis/v1/gateway_types.go:
// ListenerReasonInvalidCertificateRef for a missing, unsupported or malformed Secret, RefNotPermitted for another
// namespace's Secret without a ReferenceGrant), and the certificate envoy presents for an SNI name (the listener
// whose hostname matches it most precisely, as the spec's "longest matching SNI" asks).
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { certificateSubject } from '../network/certificate.ts'
import { decodeBase64 } from '../util/base64.ts'
import { referenceAllowed } from './refs.ts'
import type { Listener } from './types.ts'
import { GATEWAY_GROUP } from './types.ts'

export type CertificateResolution = { ok: true; subject: string } | { ok: false; reason: 'InvalidCertificateRef' | 'RefNotPermitted'; message: string }

/** Resolves the first certificateRef of an HTTPS listener (envoy serves one certificate per filter chain). */
export function resolveListenerCertificate(store: ReadonlyStore, gw: KubeObject, l: Listener): CertificateResolution {
  const gwNs = gw.metadata.namespace ?? 'default'
  const refs = l.tls?.certificateRefs ?? []
  if (!refs.length) return { ok: false, reason: 'InvalidCertificateRef', message: `Listener ${l.name} has no certificateRefs.` }
  // Every ref must resolve; envoy presents the first one's certificate.
  let served: string | undefined
  for (const ref of refs) {
    const ns = ref.namespace ?? gwNs
    const where = `${ns}/${ref.name}`
    if ((ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret') return { ok: false, reason: 'InvalidCertificateRef', message: `Unsupported certificate reference ${ref.group ?? ''}/${ref.kind} ${where}: only core Secrets are supported.` }
    if (!referenceAllowed(store, { group: GATEWAY_GROUP, kind: 'Gateway', namespace: gwNs }, { group: '', kind: 'Secret', namespace: ns, name: ref.name })) {
      return { ok: false, reason: 'RefNotPermitted', message: `Certificate reference to Secret ${where} is not permitted by any ReferenceGrant.` }
    }
    const secret = store.get('Secret', ns, ref.name)
    if (!secret) return { ok: false, reason: 'InvalidCertificateRef', message: `Secret ${where} does not exist.` }
    const data = (secret.data ?? {}) as Record<string, unknown>
    const subject = secret.type === 'kubernetes.io/tls' && data['tls.key'] ? certificateSubject(decodeBase64(String(data['tls.crt'] ?? ''))) : undefined
    if (!subject) return { ok: false, reason: 'InvalidCertificateRef', message: `Secret ${where} is not a kubernetes.io/tls Secret with a valid tls.crt and tls.key.` }
    served ??= subject
  }
  return { ok: true, subject: served ?? '' }
}

/** How precisely a listener hostname matches an SNI name: 3 exact, 2 wildcard (longer is better, by length), 1 none set, 0 no match. */
function sniScore(hostname: string | undefined, sni: string): number {
  if (!hostname) return 1
  if (hostname === sni) return 3 + hostname.length
  if (hostname.startsWith('*.') && sni.endsWith(hostname.slice(1)) && sni.length > hostname.length - 1) return 2 + hostname.length / 1000
  return 0
}

/** The HTTPS listener on `port` whose certificate envoy presents for `sni`, and that certificate's subject. */
export function gatewayCertificate(store: ReadonlyStore, gw: KubeObject, port: number, sni: string): { listener: Listener; subject: string } | undefined {
  let best: { listener: Listener; subject: string; score: number } | undefined
  for (const l of (gw.spec?.listeners ?? []) as Listener[]) {
    if (l.port !== port || l.protocol !== 'HTTPS' || (l.tls?.mode ?? 'Terminate') !== 'Terminate') continue
    const score = sniScore(l.hostname, sni)
    const cert = score ? resolveListenerCertificate(store, gw, l) : undefined
    // A listener whose certificate does not resolve is not programmed: envoy has no filter chain for it.
    if (cert?.ok && (!best || score > best.score)) best = { listener: l, subject: cert.subject, score }
  }
  return best && { listener: best.listener, subject: best.subject }
}
