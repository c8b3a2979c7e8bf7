// openssl s_client (OpenSSL 3.0.13, apps/s_client.c print_stuff, apps/lib/s_cb.c verify_callback) against
// ingress-nginx serving the book's self-signed certificate, a plain HTTP port and a closed one.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ShellSession } from '../session.ts'

const DIR = join(__dirname, '../../../scenarios/20-ingress-tls')
const files = (p: string) => { try { return readFileSync(join(DIR, p), 'utf8') } catch { return undefined } }

function sh(s: ShellSession, line: string) {
  const records = s.runScript(line)
  const text = (stream: string) => records.flatMap((r) => r.chunks).filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: records[records.length - 1].exitCode }
}

describe('openssl s_client', () => {
  const s = new ShellSession({ seed: 1, readFile: files })
  s.runScript('kind create cluster --config kind-config.yaml')
  s.runScript('kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/kind/deploy.yaml')
  s.runScript('kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=90s')
  s.runScript('openssl genrsa -out tls.key 2048')
  s.runScript('openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com')
  s.runScript('kubectl create secret tls kubia-tls --cert=tls.cert --key=tls.key')
  s.runScript('kubectl apply -f apps.yaml')
  s.runScript('sleep 30')

  it('shows the certificate the controller picks for the SNI name: the chain, the PEM kubectl stored, subject and issuer', () => {
    const r = sh(s, 'openssl s_client -connect 127.0.0.1:443 -servername kubia.example.com')
    expect(r.code).toBe(0)
    expect(r.err).toBe('depth=0 CN = kubia.example.com\nverify error:num=18:self-signed certificate\nverify return:1\ndepth=0 CN = kubia.example.com\nverify return:1\nDONE\n')
    const lines = r.out.split('\n')
    expect(lines.slice(0, 6)).toEqual(['CONNECTED(00000003)', '---', 'Certificate chain', ' 0 s:CN = kubia.example.com', '   i:CN = kubia.example.com', '   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256'])
    expect(lines[6]).toMatch(/^ {3}v:NotBefore: [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d 20\d\d GMT; NotAfter: /)
    // The PEM is the one in tls.cert, byte for byte.
    expect(r.out).toContain(s.hostFiles.get('tls.cert')!.trim())
    expect(lines).toEqual(expect.arrayContaining(['Server certificate', 'subject=CN = kubia.example.com', 'issuer=CN = kubia.example.com',
      'New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384', 'Verification error: self-signed certificate', 'Verify return code: 18 (self-signed certificate)']))
  })

  it('without SNI (an IP address) gets the controller\'s fake certificate; a plain port and a closed one fail as s_client does', () => {
    expect(sh(s, 'openssl s_client -connect 127.0.0.1:443').out).toContain('subject=O = Acme Co, CN = Kubernetes Ingress Controller Fake Certificate\n')
    const plain = sh(s, 'openssl s_client -connect 127.0.0.1:80')
    expect(plain.code).toBe(1)
    expect(plain.err).toMatch(/^[0-9A-F]{16}:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:/)
    expect(plain.out).toContain('---\nno peer certificate available\n')
    const closed = sh(s, 'openssl s_client -connect 127.0.0.1:8081')
    expect(closed).toMatchObject({ out: '', code: 1 })
    expect(closed.err).toMatch(/:error:8000006F:system library:BIO_connect:Connection refused:.*calling connect\(\)\n.*\nconnect:errno=111\n$/)
    expect(sh(s, 'openssl s_client -bogus').err).toBe('s_client: Unknown option: -bogus\ns_client: Use -help for summary.\n')
  })
})
