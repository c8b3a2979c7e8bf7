// A terminal next to a cluster: shell state (variables, aliases), the host's files, the current cluster,
// and the tools a learner types. The CLI and the browser console both drive one of these.
import { Cluster } from '../engine/cluster/cluster.ts'
import { defaultKindProfile } from '../engine/cluster/kind-config.ts'
import type { Command, CommandIO, ExecLocation, OutputChunk, ShellHost, ShellSpec } from './command.ts'
import { iterateScript, ScriptRun } from './script/interpreter.ts'
import { createShellState } from './script/state.ts'
import type { CommandResult, ExecRequest, NestedShell, RunOptions, ShellState, StatementRecord } from './script/types.ts'
import { nestedShell } from './interactive/nested-shell.ts'
import { registerCommands } from './commands/index.ts'

import type { Seed } from '../engine/sim/random.ts'

export interface SessionOptions {
  seed?: Seed
  /** Reads files named by commands (`kubectl apply -f x.yaml`), relative to the script's folder. */
  readFile?: (path: string) => string | undefined
  /** Upper bound on rounds of any loop (`while true`), so a script always ends. */
  maxLoopRounds?: number
  /** Told of each file a redirection wrote (`cat > app.yaml <<EOF`): the browser shows it as an editor tab. */
  onWriteFile?: (path: string) => void
  /** Lines come from a person at a terminal (the console): `kubectl exec -it` gets a TTY and shows a prompt. */
  terminal?: boolean
}

export class ShellSession implements ShellHost {
  readonly seed: Seed
  readonly hostFiles = new Map<string, string>()
  readonly commands = new Map<string, Command>()
  /** Tools that also run inside a pod with their own network behaviour (curl, nslookup, ...). */
  readonly podCommands = new Map<string, Command>()
  readonly state: ShellState = createShellState()
  private currentCluster: Cluster | null | undefined = undefined
  /** The implicit default cluster, built ahead for a screen to show (peekCluster) but not yet used by a command. */
  private prebuilt: Cluster | undefined
  private readonly reader: (path: string) => string | undefined
  private readonly maxLoopRounds: number
  private readonly onWriteFile: (path: string) => void
  readonly terminal: boolean
  /** A shell opened inside a pod or node (`kubectl exec -it POD -- sh`) that typed lines run in until `exit`. */
  private nested: NestedShell | undefined
  /** Where background jobs' output goes: the output of each command running now (innermost last). */
  private readonly terminals: ((stream: OutputChunk['stream'], text: string) => void)[] = []
  /** Background jobs that look for news after every command (`kubectl logs -f … &`). */
  private readonly jobs: (() => void)[] = []

  constructor(opts: SessionOptions = {}) {
    this.seed = opts.seed ?? 1
    this.terminal = opts.terminal ?? false
    this.reader = opts.readFile ?? (() => undefined)
    this.maxLoopRounds = opts.maxLoopRounds ?? 100
    this.onWriteFile = opts.onWriteFile ?? (() => {})
    this.hostFiles.set('/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n')
    registerCommands(this)
  }

  /** The current cluster; the default kind cluster (one control plane, two workers) is created on first use. */
  get cluster(): Cluster | null {
    if (this.currentCluster === undefined) this.currentCluster = this.prebuilt ?? new Cluster(defaultKindProfile(), this.seed)
    return this.currentCluster
  }

  /**
   * The cluster as a screen shows it, without counting as a use: before any command that is the implicit default,
   * which `kind create cluster` may still replace, exactly as in `bin/kubehop run` (the playground builds and draws
   * it while a scenario's first step, `kind create cluster --config`, has not run yet).
   */
  peekCluster(): Cluster | null {
    if (this.currentCluster !== undefined) return this.currentCluster
    return (this.prebuilt ??= new Cluster(defaultKindProfile(), this.seed))
  }

  /** Runs `fn` (an inspection by kubectl get/describe) without it counting as a use of the implicit default cluster. */
  peeking<T>(fn: () => T): T {
    if (this.currentCluster !== undefined) return fn()
    try {
      return fn()
    } finally {
      if (this.currentCluster) this.prebuilt = this.currentCluster
      this.currentCluster = undefined
    }
  }

  /** Whether a cluster was created or used yet (kind create cluster may still replace the implicit default). */
  get clusterTouched(): boolean {
    return this.currentCluster !== undefined
  }

  setCluster(cluster: Cluster | null): void {
    this.currentCluster = cluster
  }

  readFile(path: string): string | undefined {
    return this.hostFiles.get(path) ?? this.reader(path)
  }

  /** Runs a script (one or more statements), yielding one record per top-level statement as it finishes. */
  *iterate(text: string): Generator<StatementRecord> {
    yield* iterateScript(text, this.state, (req) => this.exec(req), this.runOptions())
  }

  /** Starts a script that a console runs in slices and can interrupt (Ctrl+C); `while true` runs until then,
   * unless `bounded` (a scenario step or a link's replay runs as the CLI does: loops stop after the round limit). */
  start(text: string, bounded = false): ScriptRun {
    return new ScriptRun(text, this.state, (req) => this.exec(req), { ...this.runOptions(), interruptible: !bounded })
  }

  openShell(spec: ShellSpec): void {
    this.nested = nestedShell(spec, { maxLoopRounds: this.maxLoopRounds }, () => { this.nested = undefined })
  }

  /** The prompt the next line is typed at: the learner's `$ `, or the shell open inside a pod. */
  prompt(): string {
    return this.nested ? this.nested.prompt() : '$ '
  }

  /** Whether a shell inside a pod or node is open (Ctrl+D ends it). */
  get inNestedShell(): boolean {
    return this.nested !== undefined
  }

  private runOptions(): RunOptions {
    return {
      nested: () => this.nested,
      endOfInput: !this.terminal,
      maxLoopRounds: this.maxLoopRounds,
      readFile: (path: string) => this.readFile(path),
      writeFile: (path: string, content: string, append: boolean) => {
        this.hostFiles.set(path, append ? (this.hostFiles.get(path) ?? '') + content : content)
        this.onWriteFile(path)
      },
    }
  }

  runScript(text: string): StatementRecord[] {
    return [...this.iterate(text)]
  }

  /** Runs one tool on the host (the script interpreter's runner). */
  exec(req: ExecRequest): CommandResult {
    return this.runCollected(req.argv, req.stdin, req.env, { kind: 'host' }, req.background)
  }

  background(stream: OutputChunk['stream'], text: string): void {
    this.terminals[this.terminals.length - 1]?.(stream, text)
  }

  /** A background job to poll after each command (it prints through `background`). */
  addJob(poll: () => void): void {
    this.jobs.push(poll)
  }

  runCollected(argv: string[], stdin: string | undefined, env: Record<string, string>, location: ExecLocation, detached = false): CommandResult {
    const chunks: OutputChunk[] = []
    const traces: unknown[] = []
    const push = (stream: OutputChunk['stream'], text: string, terminal = false) => {
      if (!text) return
      const last = chunks[chunks.length - 1]
      if (last && last.stream === stream && !last.terminal === !terminal) last.text += text
      else chunks.push(terminal ? { stream, text, terminal } : { stream, text })
    }
    this.terminals.push((stream, text) => push(stream, text, true))
    let exitCode: number
    try {
      exitCode = this.run({ argv, stdin, env, location, out: (t) => push('stdout', t), err: (t) => push('stderr', t), trace: (t) => traces.push(t), ...(detached ? { detached } : {}) })
    } finally {
      this.terminals.pop()
    }
    return { chunks, exitCode, traces }
  }

  run(io: CommandIO): number {
    const name = io.argv[0]
    const command = io.location.kind === 'pod' ? (this.podCommands.get(name) ?? this.commands.get('__container__')) : this.commands.get(name)
    if (!command) {
      // A word with a slash is a path to run, not a name looked up in $PATH (bash: execute_cmd.c).
      io.err(name.includes('/') ? `bash: ${name}: No such file or directory\n` : `bash: ${name}: command not found\n`)
      return 127
    }
    const code = command(io, this)
    // Every command ends with the control plane caught up, as a person would see it a moment later.
    this.currentCluster?.converge()
    for (const poll of this.jobs) poll()
    return code
  }
}
