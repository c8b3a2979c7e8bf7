// What the console needs from a shell: run one line, receive its output as it is produced, then its exit code.
import type { OutputChunk } from '../../worker/protocol.ts'

export type { OutputChunk }

export interface ShellResult { exitCode: number }

export interface ShellBridge {
  /** Runs one line; `onOutput` gets its output as it is produced (stdout and stderr apart). Aborting `signal` is
   * Ctrl+C: the line ends with status 130. */
  run(line: string, onOutput: (chunks: OutputChunk[]) => void, signal?: AbortSignal): Promise<ShellResult>
}
