// curl -v prints the subject of the certificate in the Ingress's tls Secret, read from the PEM itself.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { certificateSubject } from './certificate.ts'

describe('certificateSubject', () => {
  it('reads the subject CN of a self-signed certificate (openssl req -x509 -subj /CN=...)', () => {
    const pem = readFileSync(resolve(__dirname, '../../../scenarios/20-ingress-tls/tls.crt'), 'utf8')
    expect(certificateSubject(pem)).toBe('CN=kubia.example.com')
  })
  it('gives up on anything that is not a PEM certificate', () => {
    expect(certificateSubject('not a cert')).toBeUndefined()
    expect(certificateSubject('-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----')).toBeUndefined()
  })
})
