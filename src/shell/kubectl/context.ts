// What each kubectl subcommand receives.
import type { CommandIO, ShellHost } from '../command.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'

export interface KubectlContext {
  io: CommandIO
  host: ShellHost
  cluster: Cluster
  /** The words after the subcommand (flags included, global ones too); each subcommand parses its own. */
  args: string[]
  /** The subcommand as typed (`get`, `apply`, ...). */
  verb: string
}

/** Runs one kubectl subcommand; returns the exit status (kubectl exits 1 on any error). */
export type KubectlSubcommand = (ctx: KubectlContext) => number
