// `kubectl exec -it POD -- sh|bash` and `kubectl run -it`: a shell inside the container. Its prompt is bash's
// `root@HOSTNAME:DIR# ` or BusyBox ash's `DIR # ` (dash: `# `); a program the image lacks gets the shell's own
// "not found" (status 127) instead of the runtime's exec error; `exit` hands its status back to kubectl.
import type { ShellHost, ShellSpec } from '../command.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'
import type { KubeObject } from '../../engine/api/types.ts'
import type { Chunk } from '../script/types.ts'
import { containerFiles } from '../../engine/node/container-files.ts'
import { busyboxUserland, imageHasBinary } from './image-binaries.ts'
import { nestedShell } from './nested-shell.ts'
import { iterateScript } from '../script/interpreter.ts'
import { createShellState } from '../script/state.ts'
import type { CommandIO } from '../command.ts'

/** Shells kubectl can open a session in (the command is one of these with no arguments). */
export function shellOf(command: string[]): 'bash' | 'sh' | undefined {
  if (command.length !== 1) return undefined
  const name = command[0].split('/').pop()
  if (name === 'bash') return 'bash'
  if (name === 'sh' || name === 'ash') return 'sh'
  return undefined
}

export interface PodShellOptions {
  cluster: Cluster
  pod: KubeObject
  container: string
  shell: 'bash' | 'sh'
  /** A TTY was asked for (-t) and input is a terminal: prompts are shown and bash says `exit`. */
  tty: boolean
  /** What kubectl prints after the shell ends, and its exit status. */
  after(code: number, io: { out(text: string): void; err(text: string): void }): number
}

/** The prompt a root shell shows (bash's default PS1 in Debian images, BusyBox's `\w \$ `, dash's `# `). */
function shellPrompt(shell: 'bash' | 'sh', image: string, hostname: string, pwd: string): string {
  if (shell === 'bash') return `root@${hostname}:${pwd === '/root' ? '~' : pwd}# `
  return busyboxUserland(image) ? `${pwd === '/root' ? '~' : pwd} # ` : '# '
}

export function podShell(host: ShellHost, o: PodShellOptions): ShellSpec {
  const namespace = o.pod.metadata.namespace ?? 'default'
  const name = o.pod.metadata.name
  const spec = (o.pod.spec?.containers ?? []).find((c: { name: string }) => c.name === o.container)
  const image: string = spec?.image ?? ''
  const hostname: string = o.pod.spec?.hostNetwork ? o.pod.spec.nodeName : (o.pod.spec?.hostname ?? name)
  const started = o.cluster.runtime.podByName(namespace, name)?.containers.get(o.container)?.env ?? {}
  const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: hostname, HOME: '/root', ...started, ...(o.tty ? { TERM: 'xterm' } : {}) }
  const files = containerFiles({ store: o.cluster.store, runtime: o.cluster.runtime, config: o.cluster.config, pod: o.pod, container: o.container })
  let line = 1
  // bash reading a pipe (no TTY) names the input line: `bash: line 3: x: command not found` (shell.c/error.c).
  const notFound = (cmd: string) => o.shell === 'bash' ? `bash: ${o.tty ? '' : `line ${line}: `}${cmd}: command not found\n` : busyboxUserland(image) ? `sh: ${cmd}: not found\n` : `sh: 1: ${cmd}: not found\n`
  return {
    env,
    files,
    prompt: (pwd) => (o.tty ? shellPrompt(o.shell, image, hostname, pwd) : ''),
    atLine: (n) => { line = n },
    run(argv, stdin, runEnv) {
      // The shell looks the program up in $PATH itself: a missing one is its "not found", never the runtime's error.
      if (!imageHasBinary(image, argv[0])) return { chunks: [{ stream: 'stderr', text: notFound(argv[0]) }], exitCode: 127, traces: [] }
      const chunks: Chunk[] = []
      const traces: unknown[] = []
      const push = (stream: Chunk['stream']) => (text: string) => { if (text) chunks.push({ stream, text }) }
      const code = host.run({ argv, stdin, env: runEnv, location: { kind: 'pod', namespace, pod: name, container: o.container }, out: push('stdout'), err: push('stderr'), trace: (t) => traces.push(t) })
      // A program the catalog lists but kubehop does not implement answers as the runtime would: say it is missing.
      if (code === 126 && chunks.some((c) => c.text.includes('executable file not found'))) return { chunks: [{ stream: 'stderr', text: notFound(argv[0]) }], exitCode: 127, traces }
      return { chunks, exitCode: code, traces }
    },
    onExit(code, io) {
      if (o.tty && o.shell === 'bash') io.err('exit\n')
      return o.after(code, io)
    },
  }
}

/**
 * Starts the shell on kubectl's stdin: piped input (`echo 'cat /etc/hostname' | kubectl exec -i POD -- sh`) runs in it
 * now and its status is returned; otherwise the shell stays open for the lines that follow (undefined).
 */
export function attachShell(host: ShellHost, io: CommandIO, spec: ShellSpec): number | undefined {
  if (io.stdin === undefined && host.openShell) {
    host.openShell(spec)
    return undefined
  }
  // The input is the shell's script: read as nested statements (their lines counted), ended by `exit` or its end.
  let open = true
  const nested = nestedShell(spec, {}, () => { open = false })
  let code = 0
  const unused = () => ({ chunks: [], exitCode: 127, traces: [] })
  for (const record of iterateScript(io.stdin ?? '', createShellState(), unused, { nested: () => (open ? nested : undefined), endOfInput: true })) {
    for (const c of record.chunks) (c.stream === 'stdout' ? io.out : io.err)(c.text)
    record.traces.forEach((t) => io.trace(t))
    code = record.exitCode
    if (!open) break // what follows `exit` is never read
  }
  return code
}

/** Whether the -t asked for is a real TTY (input from a terminal); kubectl warns when it is not (util/term/term.go). */
export function ttyFor(host: ShellHost, io: CommandIO, wanted: boolean): boolean {
  const tty = wanted && io.stdin === undefined && host.terminal === true
  if (wanted && !tty) io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n')
  return tty
}
