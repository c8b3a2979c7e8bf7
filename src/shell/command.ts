// What every simulated tool (kubectl, kind, curl, docker, ...) receives and gives back.
import type { Cluster } from '../engine/cluster/cluster.ts'

export interface OutputChunk { stream: 'stdout' | 'stderr'; text: string; terminal?: true }

/** Where a command runs: on the host (the learner's machine), inside a pod via `kubectl exec`, or in a kind node container via `docker exec`. */
export type ExecLocation = { kind: 'host' } | { kind: 'pod'; namespace: string; pod: string; container: string } | { kind: 'node'; node: string }

export interface CommandIO {
  argv: string[]
  /** Here-document, here-string or piped input. */
  stdin?: string
  env: Record<string, string>
  location: ExecLocation
  out(text: string): void
  err(text: string): void
  /** Records a TRACE (cli-contract.md) for a connection, packet exchange or DNS lookup the command caused. */
  trace(trace: unknown): void
  /** Started with `&`: a tool that runs until Ctrl+C keeps going in the background (host.background). */
  detached?: boolean
}

import type { Seed } from '../engine/sim/random.ts'
import type { CommandResult } from './script/types.ts'

/** A shell a tool opens inside a pod or node (`kubectl exec -it POD -- bash`): the lines that follow run in it. */
export interface ShellSpec {
  /** Runs a command typed in that shell (its own builtins aside: echo, cd, exit, ...). */
  run(argv: string[], stdin: string | undefined, env: Record<string, string>): CommandResult
  /** Its environment (the container's, with HOSTNAME, HOME, PATH). */
  env: Record<string, string>
  /** Its prompt for a working directory (bash `root@web-1:/# `, BusyBox `/ # `); '' without a terminal. */
  prompt(pwd: string): string
  /** The statement about to run is line `n` of what the shell has read. */
  atLine?(n: number): void
  /** Files `cat`, `<` and `>` use in there. */
  files?: { read(path: string): string | undefined; write(path: string, content: string, append: boolean): void }
  /** It ended with `code`: what the tool that opened it prints then, and the tool's own exit status. */
  onExit(code: number, io: { out(text: string): void; err(text: string): void }): number
}

/** The machine the tools run on: the cluster (if any), files, and the other tools (for `kubectl exec`). */
export interface ShellHost {
  /** null after `kind delete cluster`. */
  cluster: Cluster | null
  setCluster(cluster: Cluster | null): void
  seed: Seed
  /** Reads a file a command names (`-f deployment.yml`), relative to the script's folder; undefined if absent. */
  readFile(path: string): string | undefined
  /** The host's own files that commands may change (`/etc/hosts`). */
  hostFiles: Map<string, string>
  /** Runs another tool by argv at a location (kubectl exec → curl inside a pod). Returns the exit code. */
  run(io: CommandIO): number
  /** Whether a command created or used a cluster yet (the implicit default counts once used); absent means no. */
  readonly clusterTouched?: boolean
  /** Whether input comes from a terminal (the browser console) rather than a script (the CLI). */
  readonly terminal?: boolean
  /** A job left running (`kubectl port-forward`) writes to the terminal, past the running command's pipes. */
  background?(stream: OutputChunk['stream'], text: string): void
  /** Polls `poll` after every command from now on: a background job looking for news (`kubectl logs -f … &`). */
  addJob?(poll: () => void): void
  /** Opens a shell the next statements run in, until `exit`; absent where nothing can follow (a probe). */
  openShell?(spec: ShellSpec): void
}

/** The tool tables a session looks names up in: the registrations fill them without knowing the session. */
export interface CommandTable {
  commands: Map<string, Command>
  /** The tools that also run inside a pod (`kubectl exec … -- curl`). */
  podCommands: Map<string, Command>
}

/** A tool: prints through `io`, returns its exit status. */
export type Command = (io: CommandIO, host: ShellHost) => number
