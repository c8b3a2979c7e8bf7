// Everything `kubectl exec POD -- CMD` runs that is not a network tool: the container's own coreutils, through the
// kubelet's exec path (src/engine/node/container-exec.ts). Network tools are registered as pod commands.
import type { Command } from '../command.ts'
import { execInContainer } from '../../engine/node/container-exec.ts'
import { execNotFound } from '../net/exec-not-found.ts'
import { imageBinaries } from '../../engine/images/index.ts'
import { attachShell, podShell } from '../interactive/pod-shell.ts'

/** `sh -c SCRIPT` / `bash -c SCRIPT`: the script and the shell that runs it. */
function shellScript(argv: string[]): { shell: 'sh' | 'bash'; text: string } | undefined {
  const name = argv[0]?.split('/').pop()
  if ((name !== 'sh' && name !== 'bash' && name !== 'ash') || argv[1] !== '-c' || argv[2] === undefined) return undefined
  return { shell: name === 'bash' ? 'bash' : 'sh', text: argv[2] }
}

export const inContainer: Command = (io, host) => {
  const cluster = host.cluster
  if (io.location.kind !== 'pod' || !cluster) {
    io.err(`bash: ${io.argv[0]}: command not found\n`)
    return 127
  }
  const pod = cluster.store.get('Pod', io.location.namespace, io.location.pod)
  if (!pod) {
    io.err(`Error from server (NotFound): pods "${io.location.pod}" not found\n`)
    return 1
  }
  const result = execInContainer({ store: cluster.store, runtime: cluster.runtime, config: cluster.config, pod, container: io.location.container, now: cluster.clock.now() }, io.argv)
  // `sh -c '… wget …'`: a script that reaches a network tool runs in the container's shell, where the tools live.
  const script = shellScript(io.argv)
  if ('notHandled' in result && script !== undefined) {
    const spec = podShell(host, { cluster, pod, container: io.location.container, shell: script.shell, tty: false, after: (code) => code })
    return attachShell(host, { ...io, stdin: script.text }, spec) ?? 0
  }
  // A network tool no pod command answers, or a program the catalog lists that kubehop does not run: the runtime's
  // missing-executable failure, reported by whoever asked (kubectl exec: containerd's error, status 1).
  if ('notHandled' in result || result.notFound) {
    // The image has it (BusyBox's nc, netshoot's traceroute) but kubehop does not run it: say so, never "not found".
    const name = io.location.container
    const image: string = pod.spec?.containers?.find((c: { name: string }) => c.name === name)?.image ?? ''
    const tool = io.argv[0].replace(/^.*\//, '')
    if (imageBinaries(image).includes(tool)) {
      io.err(`kubehop: ${tool} is in ${image}, but kubehop does not simulate it yet\n`)
      return 1
    }
    return execNotFound(io, host, io.argv[0])
  }
  io.out(result.stdout)
  io.err(result.stderr)
  return result.exitCode
}
