// `kubectl create -f FILE` and the generator subcommands (deployment, service, namespace, configmap,
// secret generic). Upstream: kubectl/pkg/cmd/create/*.go.
import { storeKindResolver } from '../../../engine/manifest/kind-mapping.ts'
import type { KubectlContext } from '../context.ts'
import type { FlagSpec } from '../flags.ts'
import { FlagError, GLOBAL_FLAGS, bool, int, parseFlags, str, strs } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { CommandError, verb } from './command-error.ts'
import { finish, fromApi } from './errors.ts'
import { MANIFEST_FLAGS, validateOf } from './manifest-flags.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, namespaceOf, outputOf } from './options.ts'
import { readSources } from './sources.ts'
import { collectObjects } from './collect.ts'
import { slashName, withDryRun } from './names.ts'
import { withLastApplied } from './last-applied.ts'
import { printObjects } from './print-objects.ts'
import { createGenerated } from './write-object.ts'
import { deploymentObject, parseTcp, serviceObject } from './generators.ts'
import { reportedOnlyResource } from './ingress-nginx.ts'
import { encodeBase64 } from '../../../engine/util/base64.ts'

const GEN_FLAGS: FlagSpec[] = [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'save-config', type: 'bool' }, { name: 'validate', type: 'string', noOptDefault: 'strict' }, { name: 'field-manager', type: 'string' }]

export const create = verb((ctx: KubectlContext) => {
  const sub = ctx.args.find((a) => !a.startsWith('-'))
  const flagsFirst = ctx.args.indexOf(sub ?? '')
  // A subcommand is the first positional word (flags like -n may precede it).
  if (sub && !ctx.args.slice(0, flagsFirst).some((a) => a === '-f' || a === '--filename')) {
    const rest = [...ctx.args.slice(0, flagsFirst), ...ctx.args.slice(flagsFirst + 1)]
    const gen = GENERATORS[sub]
    if (gen) return gen(ctx, rest)
    if (!ctx.args.some((a) => a === '-f' || a.startsWith('--filename') || a.startsWith('-f'))) {
      throw new CommandError(`unknown command "${sub}" for "kubectl create"`)
    }
  }
  return createFromFiles(ctx)
})

function createFromFiles(ctx: KubectlContext): number {
  const flags = parseFlags(ctx.args, MANIFEST_FLAGS)
  const dryRun = dryRunOf(flags)
  const output = outputOf(flags)
  const { namespace, explicit } = namespaceOf(flags)
  const filenames = strs(flags, 'filename')
  if (!filenames.length) throw new CommandError('must specify one of -f and -k')
  const { objects, errors } = collectObjects(readSources(ctx, filenames), { validate: validateOf(flags), namespace, explicitNamespace: explicit, resolveKind: storeKindResolver(ctx.cluster.store, ctx.cluster.profile.kubernetesVersion) })
  const created: Record<string, unknown>[] = []
  for (const item of objects) {
    if (!item.served) {
      ctx.io.out(`${reportedOnlyResource(String(item.object.apiVersion), String(item.object.kind))}/${String(item.object.metadata.name)} ${withDryRun('created', dryRun)}\n`)
      continue
    }
    const obj = bool(flags, 'save-config') ? withLastApplied(item.object) : item.object
    try {
      const result = dryRun === 'client' ? (obj as unknown as KubeObject) : ctx.cluster.api.create(obj as unknown as KubeObject, { dryRun: dryRun === 'server' }).object
      created.push(result)
      if (output === 'name') ctx.io.out(`${slashName(result)}\n`)
      else if (!output) ctx.io.out(`${slashName(result)} ${withDryRun('created', dryRun)}\n`)
    } catch (err) {
      errors.push(fromApi(err, { verb: 'creating', file: item.source }))
    }
  }
  ctx.cluster.converge()
  if (output === 'yaml' || output === 'json') printObjects(ctx.io.out, created, output)
  if (!errors.length && !created.length && !objects.length) throw new CommandError('no objects passed to create')
  return finish(ctx.io.err, errors)
}

type Generator = (ctx: KubectlContext, args: string[]) => number

function withoutFirst(args: string[], word: string): string[] {
  const i = args.indexOf(word)
  return [...args.slice(0, i), ...args.slice(i + 1)]
}

function common(args: string[], extra: FlagSpec[]) {
  const flags = parseFlags(args, [...GEN_FLAGS, ...extra])
  return { flags, dryRun: dryRunOf(flags), output: outputOf(flags), namespace: namespaceOf(flags).namespace, saveConfig: bool(flags, 'save-config') }
}

function nameArg(positional: string[], usage: string): string {
  if (positional.length !== 1) throw new CommandError(`exactly one NAME is required, got ${positional.length}\nSee '${usage} -h' for help and examples`)
  return positional[0]
}

const createDeployment: Generator = (ctx, args) => {
  const c = common(args, [{ name: 'image', type: 'stringArray' }, { name: 'replicas', short: 'r', type: 'int' }, { name: 'port', type: 'int' }])
  const images = strs(c.flags, 'image')
  if (!images.length) throw new CommandError('required flag(s) "image" not set')
  const name = nameArg(c.flags.positional, 'kubectl create deployment')
  const replicas = int(c.flags, 'replicas') ?? 1
  const port = int(c.flags, 'port')
  if (port !== undefined && images.length > 1) throw new CommandError('cannot use --port with multiple --image (containers)')
  // create_deployment.go: what follows `--` becomes the (single) container's command.
  const command = c.flags.rest ?? []
  if (command.length && images.length > 1) throw new CommandError('cannot specify multiple --image options and command')
  createGenerated(ctx, deploymentObject(name, images, replicas, port === -1 ? undefined : port, c.namespace, command), c)
  return 0
}

// create_job.go: one container named after the Job, the command after `--`, restartPolicy Never.
const createJob: Generator = (ctx, args) => {
  const c = common(args, [{ name: 'image', type: 'string' }, { name: 'from', type: 'string' }])
  if (str(c.flags, 'from') !== undefined) throw new CommandError('--from is not supported here (kubehop has no CronJobs)')
  const image = str(c.flags, 'image')
  if (!image) throw new CommandError('either --image or --from must be specified')
  const name = nameArg(c.flags.positional, 'kubectl create job')
  const command = c.flags.rest ?? []
  createGenerated(ctx, {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: c.namespace },
    spec: { template: { metadata: {}, spec: { containers: [{ name, image, ...(command.length ? { command } : {}) }], restartPolicy: 'Never' } } },
  }, c)
  return 0
}

const createService: Generator = (ctx, args) => {
  const type = args.find((a) => !a.startsWith('-'))
  if (!type || !['clusterip', 'nodeport', 'loadbalancer', 'externalname'].includes(type)) {
    throw new CommandError(type ? `unknown command "${type}" for "kubectl create service"` : 'Create a service using a specified subcommand.')
  }
  const c = common(withoutFirst(args, type), [{ name: 'tcp', type: 'stringArray' }, { name: 'node-port', type: 'int' }, { name: 'clusterip', type: 'string' }, { name: 'external-name', type: 'string' }])
  const name = nameArg(c.flags.positional, `kubectl create service ${type}`)
  if (type === 'externalname') {
    const ext = str(c.flags, 'external-name')
    if (!ext) throw new CommandError('required flag(s) "external-name" not set')
    createGenerated(ctx, { apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: name }, name, namespace: c.namespace }, spec: { externalName: ext, selector: { app: name }, type: 'ExternalName' } }, c)
    return 0
  }
  const tcp = strs(c.flags, 'tcp')
  const clusterIP = str(c.flags, 'clusterip')
  if (!tcp.length && clusterIP !== 'None') throw new CommandError('at least one tcp port specifier must be provided')
  let ports
  try {
    ports = parseTcp(tcp)
  } catch (e) {
    throw new CommandError((e as Error).message)
  }
  const svc = serviceObject(type, name, ports, c.namespace, int(c.flags, 'node-port'))
  if (clusterIP) svc.spec.clusterIP = clusterIP
  createGenerated(ctx, svc, c)
  return 0
}

const createNamespace: Generator = (ctx, args) => {
  const c = common(args, [])
  const name = nameArg(c.flags.positional, 'kubectl create namespace')
  createGenerated(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, c)
  return 0
}

const DATA_FLAGS: FlagSpec[] = [{ name: 'from-literal', type: 'stringArray' }, { name: 'from-file', type: 'stringArray' }, { name: 'from-env-file', type: 'stringArray' }, { name: 'type', type: 'string' }, { name: 'append-hash', type: 'bool' }]

function collectData(ctx: KubectlContext, flags: ReturnType<typeof parseFlags>): Record<string, string> {
  const data: Record<string, string> = {}
  const put = (k: string, v: string) => {
    if (Object.prototype.hasOwnProperty.call(data, k)) throw new CommandError(`cannot add key ${k}, another key by that name already exists in Data for ConfigMap "${''}"`)
    Object.defineProperty(data, k, { value: v, enumerable: true, writable: true, configurable: true })
  }
  for (const lit of strs(flags, 'from-literal')) {
    const eq = lit.indexOf('=')
    if (eq <= 0) throw new FlagError(`invalid literal source ${lit}, expected key=value`)
    put(lit.slice(0, eq), lit.slice(eq + 1))
  }
  for (const spec of strs(flags, 'from-file')) {
    const eq = spec.indexOf('=')
    const key = eq > 0 ? spec.slice(0, eq) : spec.slice(spec.lastIndexOf('/') + 1)
    const path = eq > 0 ? spec.slice(eq + 1) : spec
    const text = ctx.host.readFile(path)
    if (text === undefined) throw new CommandError(`error reading ${path}: no such file or directory`)
    put(key, text)
  }
  for (const path of strs(flags, 'from-env-file')) {
    const text = ctx.host.readFile(path)
    if (text === undefined) throw new CommandError(`error reading ${path}: no such file or directory`)
    for (const line of text.split('\n')) {
      const t = line.trim()
      if (!t || t.startsWith('#')) continue
      const eq = t.indexOf('=')
      put(eq < 0 ? t : t.slice(0, eq), eq < 0 ? '' : t.slice(eq + 1))
    }
  }
  return data
}

const createConfigMap: Generator = (ctx, args) => {
  const c = common(args, DATA_FLAGS)
  const name = nameArg(c.flags.positional, 'kubectl create configmap')
  const data = collectData(ctx, c.flags)
  createGenerated(ctx, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: c.namespace }, ...(Object.keys(data).length ? { data } : {}) }, c)
  return 0
}

/** `kubectl create secret tls NAME --cert=FILE --key=FILE`: type kubernetes.io/tls with tls.crt and tls.key. */
const createTlsSecret: Generator = (ctx, args) => {
  const c = common(withoutFirst(args, 'tls'), [{ name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, { name: 'append-hash', type: 'bool' }])
  const name = nameArg(c.flags.positional, 'kubectl create secret tls')
  const certPath = str(c.flags, 'cert')
  const keyPath = str(c.flags, 'key')
  if (!certPath || !keyPath) throw new CommandError('error validating data: both --cert and --key must be specified')
  const read = (path: string) => {
    const text = ctx.host.readFile(path)
    if (text === undefined) throw new CommandError(`open ${path}: no such file or directory`)
    return text
  }
  const cert = read(certPath)
  const key = read(keyPath)
  if (!cert.includes('-----BEGIN CERTIFICATE-----') || !/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(key)) throw new CommandError('failed to load key pair tls: failed to find any PEM data in certificate input')
  createGenerated(ctx, { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: c.namespace }, type: 'kubernetes.io/tls', data: { 'tls.crt': encodeBase64(cert), 'tls.key': encodeBase64(key) } }, c)
  return 0
}

const createSecret: Generator = (ctx, args) => {
  const [type] = args.filter((a) => !a.startsWith('-'))
  if (type === 'tls') return createTlsSecret(ctx, args)
  if (type !== 'generic') throw new CommandError(type ? `unknown command "${type}" for "kubectl create secret"` : 'Create a secret with specified type.')
  const c = common(withoutFirst(args, 'generic'), DATA_FLAGS)
  const name = nameArg(c.flags.positional, 'kubectl create secret generic')
  const raw = collectData(ctx, c.flags)
  const data: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) Object.defineProperty(data, k, { value: encodeBase64(v), enumerable: true, writable: true, configurable: true })
  const secretType = str(c.flags, 'type')
  createGenerated(ctx, { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: c.namespace }, ...(Object.keys(data).length ? { data } : {}), ...(secretType ? { type: secretType } : {}) }, c)
  return 0
}

const GENERATORS: Record<string, Generator> = {
  deployment: createDeployment, deploy: createDeployment,
  job: createJob,
  service: createService, svc: createService,
  namespace: createNamespace, ns: createNamespace,
  configmap: createConfigMap, cm: createConfigMap,
  secret: createSecret,
}
