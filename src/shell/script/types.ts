// Public types of the kubehop shell: what the console, the CLI and the session see.

export interface Chunk {
  stream: 'stdout' | 'stderr'
  text: string
  /** Written by a background job (`kubectl port-forward … &`) while this command ran: it goes to the terminal,
   * past the command's pipes and redirections, in the order it was written. */
  terminal?: true
}

export interface CommandResult { chunks: Chunk[]; exitCode: number; traces: unknown[] }

export interface ExecRequest {
  argv: string[]
  /** Heredoc, here-string, `< file` or piped input; absent when the command reads the terminal. */
  stdin?: string
  /** Exported variables plus the `NAME=value` prefixes of this one command. */
  env: Record<string, string>
  /** Started with `&`: a tool that would run until Ctrl+C (get -w, logs -f) goes on in the background. */
  background?: boolean
}

/** Runs a command the shell does not implement itself (kubectl, curl, ...). Synchronous. */
export type CommandRunner = (req: ExecRequest) => CommandResult

export interface ShellState {
  vars: Record<string, string>
  aliases: Record<string, string>
  lastExit: number
  /** Names passed to the runner in `env` (`export`); absent means none besides HOME. */
  exported?: string[]
  /** Files written by redirections when no writeFile hook is given, keyed by absolute path. */
  files?: Record<string, string>
}

export interface StatementRecord {
  /** Exactly as typed, including heredoc bodies and continuation lines. */
  source: string
  /** 1-based line of the statement's first character. */
  line: number
  chunks: Chunk[]
  exitCode: number
  traces: unknown[]
  /** The prompt of the shell the statement ran in when it was not the learner's own (`root@web-1:/# `). */
  prompt?: string
}

/** A shell opened inside a pod or node (`kubectl exec -it POD -- bash`): the statements that follow run in it. */
export interface NestedShell {
  readonly state: ShellState
  readonly runner: CommandRunner
  readonly opts: RunOptions
  /** Its prompt (`root@web-1:/# `, BusyBox's `/ # `), shown before each statement it runs. */
  prompt(): string
  /** The next statement starts at this line of the outer input (a non-interactive bash names lines in errors). */
  startsAt?(line: number): void
  /** It ended (`exit`, end of input): what the tool that opened it prints then is added to `record`; returns the
   * tool's exit status, which becomes the outer shell's `$?`. */
  close(record: StatementRecord): number
}

export interface RunOptions {
  /** Rounds after which any loop is stopped (default 100). */
  maxLoopRounds?: number
  /** A console with Ctrl+C runs the script in slices (ScriptRun): `while true` then runs until interrupted, as in
   * bash; loops inside $(...) keep the round limit, since nothing can pause there. */
  interruptible?: boolean
  /** Redirection target; default stores into ShellState.files. */
  writeFile?: (path: string, content: string, append: boolean) => void
  /** `< file` and file arguments of the text builtins; undefined means "no such file". */
  readFile?: (path: string) => string | undefined
  /** The nested shell open now, if any (the session keeps it across console lines). */
  nested?: () => NestedShell | undefined
  /** The input ends with the script (the CLI): a nested shell still open reads end of file and ends. */
  endOfInput?: boolean
}

/** A parse error worded like bash's, with the 1-based line and column of the offending token. */
export class ShellSyntaxError extends Error {
  readonly line: number
  readonly col: number
  /** The offending line's text when bash would quote it (for "near unexpected token" errors). */
  readonly lineText: string | undefined

  constructor(line: number, col: number, detail: string, lineText?: string) {
    super(`line ${line}: ${detail}`)
    this.name = 'ShellSyntaxError'
    this.line = line
    this.col = col
    this.lineText = lineText
  }

  /** What bash prints on stderr for this error. */
  toStderr(): string {
    const quoted = this.lineText === undefined ? '' : `bash: line ${this.line}: \`${this.lineText}'\n`
    return `bash: ${this.message}\n${quoted}`
  }
}
