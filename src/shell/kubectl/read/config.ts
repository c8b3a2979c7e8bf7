// `kubectl config current-context|get-contexts`: the one context kind/minikube/gcloud wrote.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags } from '../flags.ts'
import { tabulate } from '../print/tabwriter.ts'
import { contextName } from './kubeconfig.ts'

export const config: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'output', short: 'o', type: 'string' }])
  const [sub] = flags.positional
  const name = contextName(ctx.cluster)
  if (sub === 'current-context') {
    ctx.io.out(`${name}\n`)
    return 0
  }
  if (sub === 'get-contexts') {
    ctx.io.out(tabulate(`CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n*\t${name}\t${name}\t${name}\t\n`))
    return 0
  }
  ctx.io.err(sub ? `error: kubehop simulates only "kubectl config current-context" and "get-contexts", not "${sub}"\n` : 'error: specify a config subcommand (current-context, get-contexts)\n')
  return 1
}
