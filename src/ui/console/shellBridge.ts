// What the console needs from a shell: run one line, receive its output as it is produced, then its exit code.
import type { OutputChunk } from '../../worker/protocol.ts'

export type { OutputChunk }

export interface ShellResult { exitCode: number }

/** Receives output; a promise tells when it is on screen (the shell then sends more: flow control). */
export type OutputListener = (chunks: OutputChunk[]) => void | Promise<void>

export interface ShellBridge {
  /** Runs one line; `onOutput` gets its output as it is produced (stdout and stderr apart). Aborting `signal` is
   * Ctrl+C: the line ends with status 130. */
  run(line: string, onOutput: OutputListener, signal?: AbortSignal): Promise<ShellResult>
}
