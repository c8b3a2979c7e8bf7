// What a builtin sees: its streams, the shell state, and a way back into the interpreter.
import type { Input } from '../io.ts'
import type { ShellState } from '../types.ts'

export interface BuiltinContext {
  readonly state: ShellState
  readonly stdin: Input | undefined
  out(text: string): void
  err(text: string): void
  /** A file the shell can read (written earlier, or provided by the session); undefined if absent. */
  readFile(path: string): string | undefined
  /** Runs another command through the normal dispatch (builtin or runner), sharing this command's output. */
  run(argv: string[], stdin?: string): number
  /** Hands this very command to the runner instead (e.g. `cat` of a file inside the simulated world). */
  external(): number
  /** How many loops enclose this command (break/continue need it). */
  readonly loopDepth: number
}

export type Builtin = (args: string[], ctx: BuiltinContext) => number
