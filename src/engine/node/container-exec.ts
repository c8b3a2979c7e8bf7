// What runs inside a container for `kubectl exec POD -- CMD` and for exec probes: a handful of coreutils and a
// tiny `sh -c` (`;`, `&&`, `||`, `>`/`>>`, $VAR), with GNU or BusyBox error messages depending on the image.
// Unknown executables fail the way containerd/runc report them (CRI ExecSync / runc libcontainer).
// Network tools (curl, wget, nslookup, dig, ping, nc) belong to the data plane: they come back `notHandled`.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { ContainerState, NodeRuntime } from './runtime.ts'
import { ContainerFs, DIR, isBusybox, normalizePath } from './container-fs.ts'
import type { Container } from 'kubernetes-types/core/v1'
import { getOwn } from '../util/own.ts'
import { imageBinaries } from '../images/index.ts'
import { psOutput } from './container-ps.ts'

/** `notFound`: the executable is not in the container (stderr holds containerd's error for it). */
interface ExecResult { stdout: string; stderr: string; exitCode: number; notFound?: true }
/** The command is a network tool the data plane answers; `argv` is what to run there. */
interface NotHandled { notHandled: true; argv: string[] }
export type ExecOutcome = ExecResult | NotHandled

export interface ExecTarget {
  store: ReadonlyStore
  runtime: NodeRuntime
  config: ClusterConfig
  pod: KubeObject
  /** Container name; defaults to the first container (kubectl's default without -c). */
  container?: string
  /** Simulated time, for `ls -l` dates. */
  now?: number
}

const NETWORK_TOOLS = new Set(['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'telnet', 'traceroute', 'ip', 'ifconfig', 'netstat', 'ss'])

/** runc's failure to start a program the image does not have (Docker's exec reports it as is). */
export const ociExecNotFound = (cmd: string) =>
  `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown`

/** containerd's answer for the same, as kubectl prints it; the exec's id (random in containerd) is the container's reversed. */
function containerdExecNotFound(cmd: string, containerID: string | undefined): string {
  return `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${(containerID ?? '').split('').reverse().join('')}": ${ociExecNotFound(cmd)}`
}

/** The runtime's failure to start a program the image lacks: runc's message through Docker Engine (`docker://`), else containerd's. */
export function runtimeExecNotFound(containerRuntimeVersion: string, cmd: string, containerID: string | undefined): string {
  return containerRuntimeVersion.startsWith('docker://') ? ociExecNotFound(cmd) : containerdExecNotFound(cmd, containerID)
}

/**
 * Runs `argv` inside a pod's container (kubectl exec POD [-c C] -- argv...). Returns stdout/stderr/exit code, or
 * `{ notHandled: true }` for network tools. An unknown executable yields exit code 126 and containerd's error (the
 * whole line kubectl prints, which itself then exits 1). A pod whose container is not running yields exit code 1
 * with kubectl's `container not found` error.
 */
export function execInContainer(target: ExecTarget, argv: string[]): ExecOutcome {
  const { pod } = target
  const containers: Container[] = pod.spec?.containers ?? []
  const name = target.container ?? containers[0]?.name
  const spec = containers.find((c) => c.name === name)
  if (!spec) return { stdout: '', stderr: `error: unable to upgrade connection: container ${name} not found in pod ${pod.metadata.name}`, exitCode: 1 }
  const rt = pod.metadata.uid ? target.runtime.pods.get(pod.metadata.uid) : undefined
  const state = rt?.containers.get(name)
  if (!rt || !state) return { stdout: '', stderr: `error: unable to upgrade connection: container not found ("${name}")`, exitCode: 1 }
  if (!argv.length) return { stdout: '', stderr: 'error: you must specify at least one command for the container', exitCode: 1 }
  if (NETWORK_TOOLS.has(argv[0])) return { notHandled: true, argv }
  const hostname = pod.spec?.hostNetwork ? pod.spec.nodeName : (pod.spec?.hostname ?? pod.metadata.name)
  const sh = new Shell({ store: target.store, config: target.config, pod, container: spec, state, podIP: rt.podIP, hostname }, target.now ?? state.startedAt)
  if (!sh.has(argv[0])) return { stdout: '', stderr: containerdExecNotFound(argv[0], state.containerID), exitCode: 126, notFound: true }
  return sh.run(argv)
}

type Out = { out: string; err: string; code: number }

const BUILTINS = ['sh', 'bash', 'hostname', 'env', 'printenv', 'cat', 'touch', 'rm', 'ls', 'test', '[', 'echo', 'true', 'false',
  'mkdir', 'sleep', 'pwd', 'whoami', 'id', 'rmdir', 'uname', 'date', 'ps']

class Shell {
  private fs: ContainerFs
  private busybox: boolean
  constructor(private readonly ctx: { store: ReadonlyStore; config: ClusterConfig; pod: KubeObject; container: Container; state: ContainerState; podIP: string; hostname: string }, private readonly now: number) {
    this.fs = new ContainerFs(ctx)
    this.busybox = isBusybox(ctx.container.image ?? '')
  }

  has(cmd: string): boolean {
    const base = cmd.replace(/^\/(usr\/)?s?bin\//, '')
    if (base === 'bash' && this.busybox) return false
    // What kubehop implements, among what the image catalog says the image has.
    return BUILTINS.includes(base) && imageBinaries(this.ctx.container.image ?? '').includes(base)
  }

  run(argv: string[]): ExecOutcome {
    const r = this.command(argv, 'exec')
    if ('notHandled' in r) return r
    return { stdout: r.out, stderr: r.err, exitCode: r.code }
  }

  private command(argv: string[], via: 'exec' | 'sh' | 'bash'): Out | NotHandled {
    const cmd = argv[0].replace(/^\/(usr\/)?s?bin\//, '')
    const args = argv.slice(1)
    if (NETWORK_TOOLS.has(cmd)) return { notHandled: true, argv }
    if (!this.has(cmd)) {
      if (via === 'bash') return { out: '', err: `bash: line 1: ${argv[0]}: command not found\n`, code: 127 }
      return { out: '', err: this.busybox ? `sh: ${argv[0]}: not found\n` : `sh: 1: ${argv[0]}: not found\n`, code: 127 }
    }
    const ok = (out = ''): Out => ({ out, err: '', code: 0 })
    const fail = (err: string, code = 1): Out => ({ out: '', err: err + '\n', code })
    const env = this.ctx.state.env
    switch (cmd) {
      case 'sh': case 'bash': {
        const c = args.indexOf('-c')
        if (c < 0 || args[c + 1] === undefined) return ok()
        return this.script(args[c + 1], cmd)
      }
      case 'true': return ok()
      case 'false': return { out: '', err: '', code: 1 }
      case 'sleep': return ok()
      case 'pwd': return ok('/\n')
      case 'whoami': return ok('root\n')
      case 'id': return ok('uid=0(root) gid=0(root) groups=0(root)\n')
      case 'uname': return ok(args.includes('-a') ? `Linux ${this.ctx.hostname} 6.8.0-49-generic #49-Ubuntu SMP x86_64 GNU/Linux\n` : 'Linux\n')
      case 'ps': return psOutput({ container: this.ctx.container, busybox: this.busybox, startedAt: this.ctx.state.startedAt, now: this.now, args })
      case 'date': return ok(new Date(this.now * 1000).toUTCString().replace(/GMT$/, 'UTC') + '\n')
      case 'hostname':
        if (args.includes('-i')) return ok(`${this.ctx.podIP}\n`)
        if (args.includes('-I')) return ok(`${this.ctx.podIP} \n`)
        return ok(`${this.ctx.hostname}\n`)
      case 'env': case 'printenv': {
        if (cmd === 'printenv' && args.length) {
          const found = args.filter((a) => Object.prototype.hasOwnProperty.call(env, a))
          return { out: found.map((a) => getOwn(env, a) + '\n').join(''), err: '', code: found.length === args.length ? 0 : 1 }
        }
        return ok(Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''))
      }
      case 'echo': {
        const noNewline = args[0] === '-n'
        const words = noNewline ? args.slice(1) : args
        return ok(words.join(' ') + (noNewline ? '' : '\n'))
      }
      case 'cat': {
        let out = '', err = '', code = 0
        for (const a of args) {
          const p = normalizePath(a)
          const content = this.fs.get(p)
          if (content === undefined) { err += this.busybox ? `cat: can't open '${a}': No such file or directory\n` : `cat: ${a}: No such file or directory\n`; code = 1 }
          else if (content === DIR) { err += this.busybox ? `cat: read error: Is a directory\n` : `cat: ${a}: Is a directory\n`; code = 1 }
          else out += content
        }
        return { out, err, code }
      }
      case 'touch': {
        let err = '', code = 0
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          const p = normalizePath(a)
          const dir = p.slice(0, p.lastIndexOf('/')) || '/'
          if (!this.fs.isDir(dir)) { err += this.busybox ? `touch: ${a}: No such file or directory\n` : `touch: cannot touch '${a}': No such file or directory\n`; code = 1; continue }
          if (!this.fs.exists(p)) this.fs.write(p, '')
        }
        return { out: '', err, code }
      }
      case 'mkdir': {
        const parents = args.includes('-p')
        let err = '', code = 0
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          const p = normalizePath(a)
          if (this.fs.exists(p)) { if (!parents) { err += `mkdir: cannot create directory '${a}': File exists\n`; code = 1 } continue }
          const dir = p.slice(0, p.lastIndexOf('/')) || '/'
          if (!parents && !this.fs.isDir(dir)) { err += `mkdir: cannot create directory '${a}': No such file or directory\n`; code = 1; continue }
          const chain: string[] = []
          for (let q = p; q !== '/' && !this.fs.exists(q); q = q.slice(0, q.lastIndexOf('/')) || '/') chain.unshift(q)
          for (const q of chain) this.fs.write(q, DIR)
        }
        return { out: '', err, code }
      }
      case 'rm': case 'rmdir': {
        const flags = args.filter((x) => x.startsWith('-')).join('')
        const force = flags.includes('f'), recursive = flags.includes('r') || flags.includes('R')
        let err = '', code = 0
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          const p = normalizePath(a)
          if (!this.fs.exists(p)) { if (!force) { err += this.busybox ? `rm: can't remove '${a}': No such file or directory\n` : `rm: cannot remove '${a}': No such file or directory\n`; code = 1 } continue }
          if (this.fs.isDir(p) && cmd === 'rm' && !recursive) { err += this.busybox ? `rm: '${a}' is a directory\n` : `rm: cannot remove '${a}': Is a directory\n`; code = 1; continue }
          this.fs.remove(p)
        }
        return { out: '', err, code }
      }
      case 'test': case '[': {
        const t = cmd === '[' ? args.slice(0, -1) : args
        if (t.length === 2) {
          const p = normalizePath(t[1])
          const v = this.fs.get(p)
          const r = t[0] === '-f' ? v !== undefined && v !== DIR : t[0] === '-d' ? v === DIR : t[0] === '-e' ? v !== undefined
            : t[0] === '-s' ? v !== undefined && v !== DIR && v.length > 0 : t[0] === '-z' ? t[1].length === 0 : t[0] === '-n' ? t[1].length > 0 : false
          return { out: '', err: '', code: r ? 0 : 1 }
        }
        if (t.length === 3 && (t[1] === '=' || t[1] === '!=')) return { out: '', err: '', code: (t[0] === t[2]) === (t[1] === '=') ? 0 : 1 }
        return { out: '', err: '', code: t.length === 1 && t[0] !== '' ? 0 : 1 }
      }
      case 'ls': return this.ls(args)
    }
    return fail(`${cmd}: not supported`)
  }

  private ls(args: string[]): Out {
    const flags = args.filter((a) => a.startsWith('-') && a.length > 1).join('')
    const long = flags.includes('l'), all = flags.includes('a')
    const paths = args.filter((a) => !a.startsWith('-') || a.length === 1)
    const targets = paths.length ? paths : ['.']
    let out = '', err = '', code = 0
    const date = new Date(this.now * 1000)
    const mon = date.toUTCString().slice(8, 11)
    const stamp = `${mon} ${String(date.getUTCDate()).padStart(2, ' ')} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
    const line = (name: string, full: string) => {
      if (!long) return name
      const v = this.fs.get(full)
      const dir = v === DIR
      return `${dir ? 'drwxr-xr-x' : '-rw-r--r--'} ${dir ? 2 : 1} root root ${String(dir ? 4096 : (v ?? '').length).padStart(4, ' ')} ${stamp} ${name}`
    }
    const files: string[] = []
    const dirs: string[] = []
    for (const a of targets) {
      const p = normalizePath(a)
      if (!this.fs.exists(p)) {
        err += this.busybox ? `ls: ${a}: No such file or directory\n` : `ls: cannot access '${a}': No such file or directory\n`
        code = this.busybox ? 1 : 2
      } else if (this.fs.isDir(p)) dirs.push(a)
      else files.push(a)
    }
    for (const f of files) out += line(f, normalizePath(f)) + '\n'
    dirs.forEach((d, i) => {
      const p = normalizePath(d)
      const names = [...(all ? ['.', '..'] : []), ...this.fs.list(p).filter((n) => all || !n.startsWith('.'))]
      if (targets.length > 1) out += `${files.length || i ? '\n' : ''}${d}:\n`
      if (long) out += `total ${names.length * 4}\n`
      for (const n of names) out += line(n, n === '.' || n === '..' ? p : normalizePath(n, p)) + '\n'
    })
    return { out, err, code }
  }

  /** `sh -c SCRIPT`: words, quotes, $VAR, `;` `&&` `||`, `>`/`>>` redirection. */
  private script(text: string, shell: 'sh' | 'bash'): Out | NotHandled {
    const tokens = tokenize(text, this.ctx.state.env)
    let out = '', err = '', code = 0
    let words: string[] = []
    let redirect: { path: string; append: boolean } | null = null
    let pendingOp: string | null = null
    const flush = (): NotHandled | undefined => {
      if (!words.length) return
      const skip = (pendingOp === '&&' && code !== 0) || (pendingOp === '||' && code === 0)
      const argv = words
      words = []
      const target = redirect
      redirect = null
      if (skip) return
      const r = this.command(argv, shell)
      if ('notHandled' in r) return r
      code = r.code
      err += r.err
      if (target) {
        const p = normalizePath(target.path)
        const dir = p.slice(0, p.lastIndexOf('/')) || '/'
        if (!this.fs.isDir(dir)) { err += shell === 'bash' ? `bash: line 1: ${target.path}: No such file or directory\n` : `sh: 1: cannot create ${target.path}: Directory nonexistent\n`; code = shell === 'bash' ? 1 : 2; return }
        const prev = target.append ? (this.fs.get(p) ?? '') : ''
        this.fs.write(p, (prev === DIR ? '' : prev) + r.out)
      } else out += r.out
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]
      if (t.op === ';' || t.op === '&&' || t.op === '||') {
        const nh = flush()
        if (nh) return nh
        pendingOp = t.op === ';' ? null : t.op
      } else if (t.op === '>' || t.op === '>>') {
        const next = tokens[++i]
        if (next) redirect = { path: next.word ?? '', append: t.op === '>>' }
      } else if (t.word !== undefined) words.push(t.word)
    }
    const nh = flush()
    if (nh) return nh
    return { out, err, code }
  }
}

type Token = { word?: string; op?: string }

function tokenize(text: string, env: Record<string, string>): Token[] {
  const tokens: Token[] = []
  let cur = '', inWord = false
  const push = () => { if (inWord) tokens.push({ word: cur }); cur = ''; inWord = false }
  const variable = (i: number): [string, number] => {
    if (text[i + 1] === '{') {
      const end = text.indexOf('}', i)
      return [getOwn(env, text.slice(i + 2, end)) ?? '', end + 1]
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))
    if (!m) return ['$', i + 1]
    return [getOwn(env, m[0]) ?? '', i + 1 + m[0].length]
  }
  for (let i = 0; i < text.length;) {
    const ch = text[i]
    if (ch === "'") {
      const end = text.indexOf("'", i + 1)
      cur += text.slice(i + 1, end < 0 ? text.length : end); inWord = true; i = end < 0 ? text.length : end + 1
    } else if (ch === '"') {
      i++; inWord = true
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) { cur += text[i + 1]; i += 2 } else if (text[i] === '$') { const [v, n] = variable(i); cur += v; i = n } else cur += text[i++]
      }
      i++
    } else if (ch === '$') { const [v, n] = variable(i); cur += v; inWord = true; i = n }
    else if (ch === ' ' || ch === '\t' || ch === '\n') { push(); i++ }
    else if (text.startsWith('&&', i) || text.startsWith('||', i) || text.startsWith('>>', i)) { push(); tokens.push({ op: text.slice(i, i + 2) }); i += 2 }
    else if (ch === ';' || ch === '>') { push(); tokens.push({ op: ch }); i++ }
    else if (ch === '\\' && i + 1 < text.length) { cur += text[i + 1]; inWord = true; i += 2 }
    else { cur += ch; inWord = true; i++ }
  }
  push()
  return tokens
}
