// `docker exec -it NODE bash`: a root bash inside a kind (or minikube) node container. Its own hostname, addresses
// and /etc files answer here; every other command is `docker exec NODE …` (iptables-save, conntrack, ...), and a
// program the node lacks gets bash's "command not found".
import type { CommandIO, ShellHost, ShellSpec } from '../command.ts'
import type { Chunk } from '../script/types.ts'
import type { NodeSpec as NodeProfile } from '../../engine/cluster/profile.ts'
import { nodeResolvConf, renderResolvConf } from '../../engine/dns/resolv-conf.ts'
import { shellOf, attachShell } from './pod-shell.ts'

/** Handles `docker exec [-i] [-t] NODE sh|bash`; undefined when the command is not an interactive shell. */
export function nodeShellSession(io: CommandIO, host: ShellHost, flags: string[], node: NodeProfile, command: string[]): number | undefined {
  const shell = shellOf(command)
  const letters = flags.filter((f) => /^-[a-zA-Z]+$/.test(f)).join('')
  const stdin = letters.includes('i') || flags.includes('--interactive')
  const wantTty = letters.includes('t') || flags.includes('--tty')
  if (!shell || !stdin) return undefined
  // docker cli/command/container/exec.go (via cli.In().CheckTty): -t needs a terminal, and nothing runs without one.
  if (wantTty && (io.stdin !== undefined || !host.terminal)) {
    io.err('the input device is not a TTY\n')
    return 1
  }
  return attachShell(host, io, nodeShell(host, node, shell, wantTty)) ?? 0
}

function nodeShell(host: ShellHost, node: NodeProfile, shell: 'bash' | 'sh', tty: boolean): ShellSpec {
  const gateway = node.internalIP.replace(/\.\d+$/, '.1')
  const v6 = node.internalIP.startsWith('172.18.') ? ` fc00:f853:ccd:e793::${Number(node.internalIP.split('.')[3]).toString(16)}` : ''
  const files: Record<string, string> = {
    '/etc/hostname': `${node.name}\n`,
    // kind's entrypoint points Docker's embedded DNS (127.0.0.11) at a reachable address of the node's network.
    '/etc/resolv.conf': renderResolvConf({ ...nodeResolvConf(gateway), ndots: 0 }),
  }
  const written = new Map<string, string>()
  return {
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: node.name, HOME: '/root', container: 'docker', ...(tty ? { TERM: 'xterm' } : {}) },
    prompt: (pwd) => (!tty ? '' : shell === 'bash' ? `root@${node.name}:${pwd === '/root' ? '~' : pwd}# ` : '# '),
    files: {
      read: (path) => written.get(path) ?? files[path],
      write: (path, content, append) => { written.set(path, (append ? (written.get(path) ?? files[path] ?? '') : '') + content) },
    },
    run(argv, stdin, env) {
      const name = argv[0].split('/').pop()
      if (name === 'hostname') {
        const out = argv.includes('-I') ? `${node.internalIP}${v6} \n` : argv.includes('-i') ? `${node.internalIP}\n` : `${node.name}\n`
        return { chunks: [{ stream: 'stdout', text: out }], exitCode: 0, traces: [] }
      }
      const chunks: Chunk[] = []
      const traces: unknown[] = []
      const push = (stream: Chunk['stream']) => (text: string) => { if (text) chunks.push({ stream, text }) }
      const code = host.run({ argv: ['docker', 'exec', node.name, ...argv], stdin, env, location: { kind: 'host' }, out: push('stdout'), err: push('stderr'), trace: (t) => traces.push(t) })
      if (code === 126 && chunks.some((c) => c.text.includes('executable file not found'))) {
        return { chunks: [{ stream: 'stderr', text: shell === 'bash' ? `bash: ${argv[0]}: command not found\n` : `sh: 1: ${argv[0]}: not found\n` }], exitCode: 127, traces }
      }
      return { chunks, exitCode: code, traces }
    },
    onExit(code, io) {
      if (tty && shell === 'bash') io.err('exit\n')
      return code
    },
  }
}
