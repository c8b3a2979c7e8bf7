// Connects a terminal to a shell: line editing, Tab completion, one command at a time with its output
// streamed statement by statement (stderr in red), typed-ahead input kept for after it.
import type { Completion } from './completion.ts'
import { emptyLine, feed, renderLine, type LineState } from './lineEditor.ts'
import type { OutputChunk, ShellBridge } from './shellBridge.ts'

export interface TerminalSink {
  write(data: string): void
}

export interface ConsoleSession {
  input(data: string): void
  /** Types `line` at the prompt and runs it, as if the user had (failure injection uses this). */
  runLine(line: string): Promise<number>
}

export interface ConsoleOptions {
  banner: string
  complete?: (line: string, cursor: number) => Completion
}

const STDERR = '\x1b[31m'
const RESET = '\x1b[0m'

const toTerminal = (text: string) => text.replace(/\r?\n/g, '\r\n')

function renderChunks(chunks: OutputChunk[]): string {
  return chunks.map((c) => (c.stream === 'stderr' ? `${STDERR}${toTerminal(c.text)}${RESET}` : toTerminal(c.text))).join('')
}

export function startConsoleSession(term: TerminalSink, shell: ShellBridge, options: ConsoleOptions): ConsoleSession {
  let line: LineState = emptyLine
  let pending = ''
  let busy = false
  const queued: { text: string; done: (code: number) => void }[] = []

  const execute = async (text: string): Promise<number> => {
    const { exitCode } = await shell.run(text, (chunks) => term.write(renderChunks(chunks)))
      .catch((err: unknown) => { term.write(`${STDERR}kubehop: ${String(err)}${RESET}\r\n`); return { exitCode: 1 } })
    return exitCode
  }

  const tab = () => {
    if (!options.complete) return
    const c = options.complete(line.buffer, line.cursor)
    if (c.insert) {
      const buffer = line.buffer.slice(0, line.cursor) + c.insert + line.buffer.slice(line.cursor)
      line = { ...line, buffer, cursor: line.cursor + c.insert.length, historyIndex: line.history.length }
      term.write(renderLine(line))
    } else if (c.candidates.length > 1) {
      term.write(`\r\n${c.candidates.join('  ')}\r\n${renderLine(line)}`)
    }
  }

  const drain = async (): Promise<void> => {
    busy = true
    while (pending || queued.length) {
      if (!pending) {
        // An injected command: typed at the prompt like a person would, with what was typed so far kept.
        const job = queued.shift()!
        const draft = line
        line = feed({ ...line, buffer: job.text, cursor: job.text.length }, '\r').state
        term.write(toTerminal(renderLine({ ...draft, buffer: job.text, cursor: job.text.length })) + '\r\n') // here-documents span lines
        const code = await execute(job.text)
        line = { ...line, buffer: draft.buffer, cursor: draft.cursor }
        term.write(renderLine(line))
        job.done(code)
        continue
      }
      const tabAt = pending.indexOf('\t')
      const chunk = tabAt === 0 ? '' : tabAt > 0 ? pending.slice(0, tabAt) : pending
      if (tabAt === 0) { pending = pending.slice(1); tab(); continue }
      const result = feed(line, chunk)
      line = result.state
      pending = result.rest + (tabAt > 0 ? pending.slice(tabAt) : '')
      term.write(result.echo)
      if (result.submitted === null || !result.submitted.trim()) continue
      await execute(result.submitted)
      term.write(renderLine(line))
    }
    busy = false
  }

  term.write(toTerminal(options.banner) + renderLine(line))
  return {
    input(data) {
      pending += data
      if (!busy) void drain() // while a command runs, input waits like a real terminal's type-ahead
    },
    runLine(text) {
      return new Promise((done) => {
        queued.push({ text, done })
        if (!busy) void drain()
      })
    },
  }
}
