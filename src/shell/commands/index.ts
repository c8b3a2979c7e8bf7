// The tools on the learner's machine, by the name they are typed.
import { registerNetworkCommands } from '../net/index.ts'
import { kubectl } from '../kubectl/index.ts'
import { gcloudContainer, kind, minikubeLifecycle, sleep } from './cluster-lifecycle.ts'
import type { Command, CommandTable } from '../command.ts'
import { inContainer } from './in-container.ts'
import { ingress2gateway } from './ingress2gateway.ts'
import { openssl } from './openssl.ts'
import { helm } from '../helm/index.ts'

export function registerCommands(session: CommandTable): void {
  session.commands.set('kubectl', kubectl)
  // Inside a pod, anything that is not a network tool runs as the container's own command.
  session.commands.set('__container__', inContainer)
  session.commands.set('kind', kind)
  session.commands.set('openssl', openssl)
  session.commands.set('helm', helm)
  session.commands.set('sleep', sleep)
  session.commands.set('ingress2gateway', ingress2gateway)
  session.podCommands.set('sleep', sleep)
  // minikube and gcloud: lifecycle here; their networking subcommands come from the data plane.
  const delegating = (lifecycle: (io: Parameters<Command>[0], host: Parameters<Command>[1]) => number | undefined, tool: string): Command => (io, host) => {
    const code = lifecycle(io, host)
    if (code !== undefined) return code
    const more = session.commands.get(`${tool}:network`)
    if (more) return more(io, host)
    io.err(`${tool}: unknown command "${io.argv.slice(1).join(' ')}"\n`)
    return 1
  }
  session.commands.set('minikube', delegating(minikubeLifecycle, 'minikube'))
  session.commands.set('gcloud', delegating(gcloudContainer, 'gcloud'))
  registerNetworkCommands(session)
}
