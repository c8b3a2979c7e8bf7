// `ingress2gateway print`: the Gateway API translation of the cluster's Ingresses (or of --input-file), as
// kubernetes-sigs/ingress2gateway prints it (cmd/print.go flags: --providers is required, --input-file,
// -n/--namespace, -A/--all-namespaces). Only the ingress-nginx provider is simulated.
import type { Command } from '../command.ts'
import type { KubeObject } from '../../engine/api/types.ts'
import { parseManifests } from '../../engine/manifest/index.ts'
import { ingressToGateway } from '../../engine/gateway/ingress2gateway.ts'
import { toYaml } from '../kubectl/print/yaml.ts'

interface Flags { providers?: string; inputFile?: string; namespace?: string; all: boolean }

function parse(args: string[]): Flags | string {
  const f: Flags = { all: false }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const value = () => inline ?? args[++i]
    if (name === '--providers') f.providers = value()
    else if (name === '--input-file' || name === '--input_file') f.inputFile = value()
    else if (name === '-n' || name === '--namespace') f.namespace = value()
    else if (name === '-A' || name === '--all-namespaces') f.all = true
    else return `unknown flag: ${name}`
  }
  return f
}

export const ingress2gateway: Command = (io, host) => {
  const [verb, ...rest] = io.argv.slice(1)
  if (verb !== 'print') {
    io.err(verb ? `Error: unknown command "${verb}" for "ingress2gateway"\nRun 'ingress2gateway --help' for usage.\n` : 'Usage:\n  ingress2gateway [command]\n\nAvailable Commands:\n  print       Prints Gateway API objects generated from ingress and provider-specific resources.\n')
    return verb ? 1 : 0
  }
  const flags = parse(rest)
  if (typeof flags === 'string') { io.err(`Error: ${flags}\n`); return 1 }
  if (!flags.providers) { io.err('Error: required flag(s) "providers" not set\n'); return 1 }
  const unknown = flags.providers.split(',').find((p) => p !== 'ingress-nginx')
  if (unknown) { io.err(`Error: ${unknown} is not a supported provider\n`); return 1 }
  let ingresses: KubeObject[]
  if (flags.inputFile) {
    const text = host.readFile(flags.inputFile)
    if (text === undefined) { io.err(`Error: failed to read ${flags.inputFile}: open ${flags.inputFile}: no such file or directory\n`); return 1 }
    ingresses = parseManifests(text, flags.inputFile).docs.map((d) => d.object as unknown as KubeObject)
      .filter((o) => o.kind === 'Ingress' && o.apiVersion === 'networking.k8s.io/v1')
      .map((o) => ({ ...o, metadata: { ...o.metadata, namespace: o.metadata.namespace ?? flags.namespace ?? 'default' } }))
  } else {
    const cluster = host.cluster
    if (!cluster) { io.err('Error: failed to create client: invalid configuration: no configuration has been provided\n'); return 1 }
    ingresses = cluster.store.list('Ingress', flags.all ? undefined : (flags.namespace ?? 'default'))
  }
  const { objects, errors } = ingressToGateway(ingresses)
  if (errors.length) {
    io.err(`Error: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}\n`)
    return 1
  }
  io.out(objects.map((o) => toYaml(o)).join('---\n'))
  return 0
}
