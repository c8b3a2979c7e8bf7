// kubectl create secret tls: a kubernetes.io/tls Secret with tls.crt and tls.key from PEM files.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ShellSession } from '../../session.ts'

const dir = resolve(__dirname, '../../../../scenarios/20-ingress-tls')

describe('kubectl create secret tls', () => {
  it('stores the certificate and key base64-encoded, typed kubernetes.io/tls', () => {
    const s = new ShellSession({ seed: 1, readFile: (p) => readFileSync(resolve(dir, p), 'utf8') })
    const [r] = s.runScript('kubectl create secret tls web-tls --cert=tls.crt --key=tls.key')
    expect(r.chunks.map((c) => c.text).join('')).toBe('secret/web-tls created\n')
    const secret = s.cluster!.store.get('Secret', 'default', 'web-tls')!
    expect(secret.type).toBe('kubernetes.io/tls')
    expect(Object.keys(secret.data as object).sort()).toEqual(['tls.crt', 'tls.key'])
  })
  it('refuses files that hold no PEM data', () => {
    const s = new ShellSession({ seed: 1, readFile: () => 'hello' })
    const [r] = s.runScript('kubectl create secret tls web-tls --cert=a --key=b')
    expect(r.exitCode).toBe(1)
    expect(r.chunks.map((c) => c.text).join('')).toBe('error: failed to load key pair tls: failed to find any PEM data in certificate input\n')
  })
})
