// Registers the data plane's tools with a shell session: on the host and (for the in-pod tools) inside pods.
import type { CommandTable } from '../command.ts'
import { curl } from './curl.ts'
import { wget } from './wget.ts'
import { ping } from './ping.ts'
import { nslookup } from './nslookup.ts'
import { dig } from './dig.ts'
import { netstat } from './netstat.ts'
import { ss } from './ss.ts'
import { ip } from './ip.ts'
import { ifconfig } from './ifconfig.ts'
import { proxyModes } from './proxy-modes.ts'
import { docker } from './docker.ts'
import { cloudProviderKind, gcloudNetwork, minikubeNetwork } from './cloud-commands.ts'

export function registerNetworkCommands(session: CommandTable): void {
  for (const [name, command] of [['curl', curl], ['wget', wget], ['ping', ping], ['nslookup', nslookup], ['dig', dig]] as const) {
    session.commands.set(name, command)
    session.podCommands.set(name, command)
  }
  // The namespace's own sockets and interfaces: only inside a pod (the learner's machine is not simulated).
  for (const [name, command] of [['netstat', netstat], ['ss', ss], ['ip', ip], ['ifconfig', ifconfig]] as const) session.podCommands.set(name, command)
  session.commands.set('docker', docker)
  session.commands.set('proxy-modes', proxyModes)
  session.commands.set('cloud-provider-kind', cloudProviderKind)
  session.commands.set('minikube:network', minikubeNetwork)
  session.commands.set('gcloud:network', gcloudNetwork)
}
