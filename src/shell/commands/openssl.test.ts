// openssl (3.0) for the book's TLS walkthrough (seed 003): a key and a self-signed certificate that
// `kubectl create secret tls` stores and the ingress controller serves with that subject.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { certificateSubject } from '../../engine/network/certificate.ts'
import { decodeBase64 } from '../../engine/util/base64.ts'

function sh(s: ShellSession, line: string) {
  const records = s.runScript(line)
  const text = (stream: string) => records.flatMap((r) => r.chunks).filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: records[records.length - 1].exitCode }
}

describe('openssl', () => {
  it('genrsa and req -x509 write PEM files whose subject x509 and the ingress read back', () => {
    const s = new ShellSession({ seed: 1 })
    expect(sh(s, 'openssl genrsa -out tls.key 2048')).toEqual({ out: '', err: '', code: 0 })
    expect(s.hostFiles.get('tls.key')).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/\n=]+-----END PRIVATE KEY-----\n$/)
    expect(sh(s, 'openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com').code).toBe(0)
    // apps/x509.c with OpenSSL 3.0's default name format (`CN = value`, comma-separated).
    expect(sh(s, 'openssl x509 -in tls.cert -noout -subject -issuer').out).toBe('issuer=CN = kubia.example.com\nsubject=CN = kubia.example.com\n')
    expect(sh(s, 'kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key').out).toBe('secret/tls-secret created\n')
    const secret = s.cluster!.store.get('Secret', 'default', 'tls-secret')!
    // What the controller presents and curl -v prints as `subject:`.
    expect(certificateSubject(decodeBase64(String((secret.data as Record<string, string>)['tls.crt'])))).toBe('CN=kubia.example.com')
    // Same inputs, same files: transcripts stay reproducible.
    const again = new ShellSession({ seed: 1 })
    sh(again, 'openssl genrsa -out tls.key 2048')
    expect(again.hostFiles.get('tls.key')).toBe(s.hostFiles.get('tls.key'))
  })

  it("the book's line break after -subj fails as openssl and bash do", () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'openssl genrsa -out tls.key 2048')
    // apps/lib/opt.c: an option missing its value.
    expect(sh(s, 'openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj')).toEqual({ out: '', err: 'req: Option -subj needs a value\nreq: Use -help for summary.\n', code: 1 })
    expect(sh(s, '/CN=kubia.example.com')).toEqual({ out: '', err: 'bash: /CN=kubia.example.com: No such file or directory\n', code: 127 })
    expect(s.hostFiles.has('tls.cert')).toBe(false)
  })

  it('req -newkey draws its progress, writes both files, and takes every subject attribute', () => {
    const s = new ShellSession({ seed: 1 })
    const r = sh(s, 'openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout k.key -out c.crt -subj "/C=US/O=Acme/CN=foo.bar"')
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/^[.+*]+\n[.+*]+\n-----\n$/)
    expect(sh(s, 'openssl x509 -in c.crt -noout -subject').out).toBe('subject=C = US, O = Acme, CN = foo.bar\n')
    expect(sh(s, 'openssl frob')).toEqual({ out: '', err: `Invalid command 'frob'; type "help" for a list.\n`, code: 1 })
  })
})
