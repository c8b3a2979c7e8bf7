// What the console needs from a shell: run one line, receive its output as it is produced, then its exit code.
import type { OutputChunk } from '../../worker/protocol.ts'

export type { OutputChunk }

export interface ShellResult { exitCode: number }

export interface ShellBridge {
  /** Runs one line; `onOutput` gets each finished statement's chunks (stdout and stderr apart). */
  run(line: string, onOutput: (chunks: OutputChunk[]) => void): Promise<ShellResult>
}
