// What the console needs from a shell: run one line, receive its output as it is produced, then its exit code.
import type { OutputChunk } from '../../worker/protocol.ts'

export type { OutputChunk }

export interface ShellResult {
  exitCode: number
  /** The prompt for the next line, when the shell says (a `kubectl exec -it` session shows the pod's). */
  prompt?: string
}

interface RunControl {
  /** Ctrl+C: aborting it ends the line with status 130. */
  signal?: AbortSignal
  /** Run as the CLI does (loops stop after its round limit): scenario steps and replays, not lines a person typed. */
  bounded?: boolean
}

/** Receives output; a promise tells when it is on screen (the shell then sends more: flow control). */
export type OutputListener = (chunks: OutputChunk[]) => void | Promise<void>

export interface ShellBridge {
  /** Runs one line; `onOutput` gets its output as it is produced (stdout and stderr apart). */
  run(line: string, onOutput: OutputListener, options?: RunControl): Promise<ShellResult>
}
