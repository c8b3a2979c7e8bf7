// `kubectl port-forward POD|svc/NAME|deploy/NAME [LOCAL:]REMOTE...`: prints the two `Forwarding from`
// lines per port and registers the forward (port-forwards.ts). Upstream: kubectl/pkg/cmd/portforward/portforward.go.
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags, strs } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { CommandError, verb } from './command-error.ts'
import { namespaceOf } from './options.ts'
import { podFor } from './pod-lookup.ts'
import { addPortForward, portForwardOn, removePortForwards, type PortForward } from './port-forwards.ts'
import { handlingConnection, kubectlPid, refusedForward } from './port-forward-log.ts'

export const portForward = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'address', type: 'stringArray' }, { name: 'pod-running-timeout', type: 'string' }])
  const { namespace } = namespaceOf(flags)
  const [target, ...specs] = flags.positional
  if (!target || !specs.length) throw new CommandError('TYPE/NAME and list of ports are required for port-forward')
  const pod = podFor(ctx, target, namespace)
  const service = target.startsWith('svc/') || target.startsWith('service/') || target.startsWith('services/') ? ctx.cluster.api.get('Service', namespace, target.slice(target.indexOf('/') + 1)) : undefined
  if (pod.status?.phase !== 'Running') throw new CommandError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`)
  const addresses = strs(flags, 'address')
  const forwards = specs.map((spec) => {
    const [a, b] = spec.includes(':') ? spec.split(':') : [spec, spec]
    const remote = portNumber(pod, service, b, spec)
    const local = a === '' ? 0 : Number(a)
    if (!Number.isInteger(local) || local < 0 || local > 65535) throw new CommandError(`Error parsing local port '${a}': strconv.ParseUint: parsing "${a}": invalid syntax`)
    return { local: local || ephemeralPort(ctx, remote), remote, shown: b }
  })
  for (const f of forwards) {
    if (portForwardOn(ctx.host, f.local)) {
      ctx.io.err(`Unable to listen on port ${f.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${f.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${f.local}: bind: address already in use]\n`)
      throw new CommandError(`unable to listen on any of the requested ports: [{${f.local} ${f.remote}}]`)
    }
  }
  // One kubectl process holds all the listeners: when a connection to the pod is lost, it exits and they all close.
  const process: PortForward[] = []
  const pid = kubectlPid(`${ctx.host.seed}/${target}/${specs.join(',')}`)
  const host = ctx.host
  for (const f of forwards) {
    if (addresses.length && !addresses.includes('localhost')) for (const addr of addresses) ctx.io.out(`Forwarding from ${addr}:${f.local} -> ${f.remote}\n`)
    else ctx.io.out(`Forwarding from 127.0.0.1:${f.local} -> ${f.remote}\nForwarding from [::1]:${f.local} -> ${f.remote}\n`)
    const forward: PortForward = {
      localPort: f.local, namespace, pod: pod.metadata.name, podPort: f.remote, target,
      onConnection: (answered) => {
        host.background?.('stdout', handlingConnection(f.local))
        if (answered) return
        host.background?.('stderr', refusedForward({ localPort: f.local, podPort: f.remote, podUid: pod.metadata.uid ?? pod.metadata.name, now: ctx.cluster.clock.now(), pid }))
        removePortForwards(host, process)
      },
    }
    process.push(forward)
    addPortForward(ctx.host, forward)
  }
  return 0
})

// A Service port forwards to its targetPort (named ones resolved in the pod), as kubectl translates it.
function portNumber(pod: KubeObject, service: KubeObject | undefined, text: string, spec: string): number {
  const containerPorts: { name?: string; containerPort: number }[] = (pod.spec?.containers ?? []).flatMap((c: { ports?: unknown[] }) => c.ports ?? [])
  if (service) {
    const sp = (service.spec?.ports ?? []).find((p: { port: number; name?: string }) => String(p.port) === text || p.name === text)
    if (!sp) throw new CommandError(`Service ${service.metadata.name} does not have a service port ${text}`)
    const tp = sp.targetPort ?? sp.port
    if (typeof tp === 'number') return tp
    const named = containerPorts.find((p) => p.name === tp)
    if (!named) throw new CommandError(`Pod '${pod.metadata.name}' does not have a named port '${tp}'`)
    return named.containerPort
  }
  if (/^\d+$/.test(text)) return Number(text)
  const named = containerPorts.find((p) => p.name === text)
  if (!named) throw new CommandError(`Pod '${pod.metadata.name}' does not have a named port '${text}'`)
  void spec
  return named.containerPort
}

function ephemeralPort(ctx: KubectlContext, remote: number): number {
  // The OS picks a free port; keep it deterministic per session.
  let port = 40000 + (remote % 1000)
  while (portForwardOn(ctx.host, port)) port++
  return port
}
