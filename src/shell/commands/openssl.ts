// `openssl` (3.0, as Ubuntu 24.04 ships it) for the TLS walkthroughs: genrsa, req (-x509, -new, -newkey, -key,
// -keyout, -subj, -days), x509 -noout -subject/-issuer/-dates. The files are well-formed PEM/DER with the subject
// given, which `kubectl create secret tls` stores and the ingress controller then serves (curl -v shows it).
// Upstream: openssl apps/genrsa.c, apps/req.c, apps/x509.c, apps/lib/opt.c (option errors).
import type { Command, CommandIO, ShellHost } from '../command.ts'
import { bytesFrom, derOf, names, parseSubject, pem, privateKeyInfo, rsaPublicKey, selfSignedCertificate, seq } from './der.ts'
import { sClient } from './s-client.ts'

const DN_PROMPTS = `You are about to be asked to enter information that will be incorporated
into your certificate request.
What you are about to enter is what is called a Distinguished Name or a DN.
There are quite a few fields but you can leave some blank
For some fields there will be a default value,
If you enter '.', the field will be left blank.
-----
Country Name (2 letter code) [AU]:State or Province Name (full name) [Some-State]:Locality Name (eg, city) []:Organization Name (eg, company) [Internet Widgits Pty Ltd]:Organizational Unit Name (eg, section) []:Common Name (e.g. server FQDN or YOUR name) []:Email Address []:`

type Opts = Map<string, string | true>

/** openssl's option parser (apps/lib/opt.c): `-name [value]`, unknown options and missing values end the command. */
function options(io: CommandIO, tool: string, args: string[], withValue: string[], flags: string[]): Opts | number {
  const out: Opts = new Map()
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const name = a.replace(/^--?/, '')
    if (!a.startsWith('-')) { out.set('', a); continue }
    if (withValue.includes(name)) {
      if (i + 1 >= args.length) { io.err(`${tool}: Option -${name} needs a value\n${tool}: Use -help for summary.\n`); return 1 }
      out.set(name, args[++i])
    } else if (flags.includes(name)) out.set(name, true)
    else { io.err(`${tool}: Unknown option: ${a}\n${tool}: Use -help for summary.\n`); return 1 }
  }
  return out
}

const text = (o: Opts, k: string) => { const v = o.get(k); return typeof v === 'string' ? v : undefined }

function writeOut(io: CommandIO, host: ShellHost, path: string | undefined, content: string): void {
  if (path) host.hostFiles.set(path, content)
  else io.out(content)
}

function newKey(seed: string): string {
  return pem('PRIVATE KEY', privateKeyInfo(bytesFrom(`key:${seed}`, 1191)))
}

function genrsa(io: CommandIO, host: ShellHost, args: string[]): number {
  const o = options(io, 'genrsa', args, ['out', 'passout', 'cipher', 'primes'], ['aes256', 'aes128', 'des3', 'verbose', 'quiet', 'traditional', '3', 'F4', 'f4'])
  if (typeof o === 'number') return o
  const bits = text(o, '') ?? '2048'
  if (!/^\d+$/.test(bits)) { io.err(`genrsa: Extra option: "${bits}"\ngenrsa: Use -help for summary.\n`); return 1 }
  writeOut(io, host, text(o, 'out'), newKey(`${host.seed}:${text(o, 'out') ?? '-'}:${bits}`))
  return 0
}

function req(io: CommandIO, host: ShellHost, args: string[]): number {
  const o = options(io, 'req', args, ['key', 'keyout', 'newkey', 'out', 'days', 'subj', 'config', 'addext', 'extensions', 'set_serial', 'in', 'passout', 'passin', 'keyform', 'outform', 'inform', 'sigopt', 'reqexts'],
    ['new', 'x509', 'nodes', 'noenc', 'sha256', 'sha384', 'sha512', 'batch', 'verbose', 'noout', 'text', 'pubkey', 'utf8', 'quiet'])
  if (typeof o === 'number') return o
  let key: string | undefined
  const keyPath = text(o, 'key')
  if (keyPath) {
    key = host.readFile(keyPath)
    if (key === undefined || !/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(key)) {
      io.err(`Could not open file or uri for loading private key from ${keyPath}\n`)
      return 1
    }
  } else if (o.has('newkey') || o.has('x509') || o.has('new')) {
    const spec = text(o, 'newkey') ?? 'rsa:2048'
    if (!/^rsa:\d+$/.test(spec)) { io.err(`req: Unknown algorithm ${spec}\n`); return 1 }
    key = newKey(`${host.seed}:${text(o, 'keyout') ?? 'privkey.pem'}:${spec}`)
    // OpenSSL 3 draws the key search as it goes (dots and pluses), then a line of dashes.
    io.err(progress(key) + '-----\n')
    writeOut(io, host, text(o, 'keyout') ?? 'privkey.pem', key)
  } else {
    io.err('req: No key or -newkey given\n')
    return 1
  }
  let subject: [string, string][]
  const subj = text(o, 'subj')
  if (subj !== undefined) {
    const parsed = parseSubject(subj)
    if ('unknown' in parsed) { io.err(`req: Skipping unknown subject name attribute "${parsed.unknown}"\n`); subject = [] }
    else subject = parsed
  } else {
    // No -subj: req asks for each field; input at its end takes the defaults.
    io.out(`${DN_PROMPTS}\n`)
    subject = [['C', 'AU'], ['ST', 'Some-State'], ['O', 'Internet Widgits Pty Ltd']]
  }
  const modulus = [0xc0 | (bytesFrom(key, 1)[0] & 0x3f), ...bytesFrom(`n:${key}`, 255)]
  const now = host.clusterTouched && host.cluster ? host.cluster.clock.now() : 1767225600
  const der = o.has('x509')
    ? selfSignedCertificate({ serial: [0x40 | (bytesFrom(key + subj, 1)[0] & 0x3f), ...bytesFrom(`serial:${key}${subj}`, 19)], subject, notBefore: now, days: Number(text(o, 'days') ?? 30), publicKey: rsaPublicKey(modulus), signature: bytesFrom(`sig:${key}${subj}`, 256) })
    : seq(rsaPublicKey(modulus))
  writeOut(io, host, text(o, 'out'), pem(o.has('x509') ? 'CERTIFICATE' : 'CERTIFICATE REQUEST', der))
  return 0
}

function progress(seed: string): string {
  const b = bytesFrom(seed, 120)
  const line = (from: number) => b.slice(from, from + 40).map((x) => (x % 5 === 0 ? '+' : '.')).join('') + '+'.repeat(32) + '*' + b.slice(from + 40, from + 60).map((x) => (x % 4 === 0 ? '+' : '.')).join('')
  return `${line(0)}\n${line(60)}\n`
}

function x509(io: CommandIO, host: ShellHost, args: string[]): number {
  const o = options(io, 'x509', args, ['in', 'out', 'inform', 'outform', 'days', 'req', 'signkey', 'CA', 'CAkey'], ['noout', 'subject', 'issuer', 'dates', 'text', 'fingerprint', 'serial', 'enddate', 'startdate', 'pubkey', 'nameopt'])
  if (typeof o === 'number') return o
  const path = text(o, 'in')
  const content = path ? host.readFile(path) : io.stdin
  if (content === undefined) { io.err(`Could not open file or uri for loading certificate from ${path}\n`); return 1 }
  const der = derOf(content)
  if (!der) { io.err('Unable to load certificate\n'); return 1 }
  const n = names(der)
  if (o.has('issuer')) io.out(`issuer=${n.issuer}\n`)
  if (o.has('subject')) io.out(`subject=${n.subject}\n`)
  if (!o.has('noout')) io.out(content.slice(content.indexOf('-----BEGIN CERTIFICATE-----'), content.indexOf('-----END CERTIFICATE-----') + 26))
  return 0
}

export const openssl: Command = (io, host) => {
  const [sub, ...args] = io.argv.slice(1)
  if (sub === 'genrsa') return genrsa(io, host, args)
  if (sub === 'req') return req(io, host, args)
  if (sub === 'x509') return x509(io, host, args)
  if (sub === 's_client') return sClient(io, host, args)
  if (sub === 'version') { io.out('OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)\n'); return 0 }
  if (sub === undefined) return 0
  io.err(`Invalid command '${sub}'; type "help" for a list.\n`)
  return 1
}
