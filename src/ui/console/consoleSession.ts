// Connects a terminal to a shell: line editing, one command at a time, typed-ahead input kept for after it.
import { emptyLine, feed, renderLine, type LineState } from './lineEditor.ts'
import type { ShellBridge } from './shellBridge.ts'

export interface TerminalSink {
  write(data: string): void
}

export interface ConsoleSession {
  input(data: string): void
}

export function startConsoleSession(term: TerminalSink, shell: ShellBridge, banner: string): ConsoleSession {
  let line: LineState = emptyLine
  let pending = ''
  let busy = false

  const drain = async (): Promise<void> => {
    while (pending) {
      const result = feed(line, pending)
      line = result.state
      pending = result.rest
      term.write(result.echo)
      if (result.submitted === null || !result.submitted.trim()) continue
      busy = true
      const { output } = await shell.run(result.submitted)
        .catch((err: unknown) => ({ output: `kubehop: ${String(err)}\n`, exitCode: 1 }))
      term.write(output.replace(/\r?\n/g, '\r\n'))
      term.write(renderLine(line))
      busy = false
    }
  }

  term.write(banner.replace(/\r?\n/g, '\r\n') + renderLine(line))
  return {
    input(data) {
      pending += data
      if (!busy) void drain() // while a command runs, input waits like a real terminal's type-ahead
    },
  }
}
