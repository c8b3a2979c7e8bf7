// `kubectl exec [-it] POD [-c C] -- CMD...`: runs the command inside the container through the host's
// tool runner, prints its output, and passes its exit code on (`command terminated with exit code N`).
// Upstream: kubectl/pkg/cmd/exec/exec.go; API server/kubelet errors for missing containers and hosts.
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str } from '../flags.ts'
import { ApiError } from '../../../engine/api/api-server.ts'
import { CommandError, verb } from './command-error.ts'
import { namespaceOf } from './options.ts'
import { defaultedContainerNote, podFor } from './pod-lookup.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { attachShell, podShell, shellOf, ttyFor } from '../../interactive/pod-shell.ts'
import { imageHasBinary } from '../../interactive/image-binaries.ts'
import { execStartFailed } from './exec-start-error.ts'

export const exec = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'container', short: 'c', type: 'string' }, { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' }, { name: 'quiet', short: 'q', type: 'bool' }, { name: 'filename', short: 'f', type: 'stringArray' }, { name: 'pod-running-timeout', type: 'string' }])
  const { namespace } = namespaceOf(flags)
  const target = flags.positional[0]
  if (!target) throw new CommandError('pod, type/name or --filename must be specified')
  const command = flags.rest ?? flags.positional.slice(1)
  // Complete's cmdutil.UsageErrorf (kubectl/pkg/cmd/exec/exec.go) adds the help hint; Validate's errors do not.
  if (!flags.rest && flags.positional.length > 1) throw new CommandError("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples")
  if (!command.length) throw new CommandError('you must specify at least one command for the container')
  const pod = podFor(ctx, target, namespace)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new CommandError(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const containers: { name: string }[] = pod.spec?.containers ?? []
  let container = str(flags, 'container')
  if (!container) {
    container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name
    const note = defaultedContainerNote(pod, container)
    if (note && !bool(flags, 'quiet')) ctx.io.err(note)
  }
  if (!pod.spec?.nodeName) throw new ApiError({ code: 400, reason: 'BadRequest', message: `pod ${pod.metadata.name} does not have a host assigned` })
  // The API server proxies exec to the kubelet on the pod's node; a stopped node's address answers nobody.
  if (ctx.cluster.runtime.nodeDown(pod.spec.nodeName)) {
    ctx.io.err(`Error from server: error dialing backend: dial tcp ${pod.status?.hostIP}:10250: connect: no route to host\n`)
    return 1
  }
  const state = ctx.cluster.runtime.podByName(namespace, pod.metadata.name)?.containers.get(container!)
  if (!containers.some((c) => c.name === container) || !state) throw new CommandError(`unable to upgrade connection: container not found ("${container}")`)
  const shell = shellOf(command)
  const stdin = bool(flags, 'stdin')
  const tty = stdin && shell ? ttyFor(ctx.host, ctx.io, bool(flags, 'tty')) : false
  // The runtime looks the program up in the image before anything runs (the image catalog says what is there).
  const image: string = pod.spec?.containers?.find((c: { name: string }) => c.name === container)?.image ?? ''
  if (!imageHasBinary(image, command[0])) return execStartFailed(ctx.io, ctx.cluster, command[0], state.containerID)
  if (shell && stdin) return session(ctx, pod, container!, shell, tty)
  const code = ctx.host.run({
    argv: command, stdin: ctx.io.stdin, env: {}, location: { kind: 'pod', namespace, pod: pod.metadata.name, container: container! },
    out: ctx.io.out, err: ctx.io.err, trace: ctx.io.trace,
  })
  if (code !== 0) {
    ctx.io.err(`command terminated with exit code ${code}\n`)
    return code
  }
  return 0
})

/** kubectl's message when the remote command ended non-zero (exec.go: CodeExitError), and its status. */
function terminated(code: number, io: { err(text: string): void }): number {
  if (code !== 0) io.err(`command terminated with exit code ${code}\n`)
  return code
}

/**
 * `exec -i POD -- sh|bash`: the shell reads kubectl's stdin. Piped input runs in it now; from a terminal (or the rest
 * of a script, in the CLI) the lines that follow run in it until `exit`. Upstream: kubectl/pkg/cmd/exec/exec.go.
 */
function session(ctx: KubectlContext, pod: KubeObject, container: string, shell: 'bash' | 'sh', tty: boolean): number {
  return attachShell(ctx.host, ctx.io, podShell(ctx.host, { cluster: ctx.cluster, pod, container, shell, tty, after: terminated })) ?? 0
}
