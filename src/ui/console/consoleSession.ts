// Connects a terminal to a shell as bash's readline does: line editing, Tab completion, Ctrl+R, the `> ` prompt
// while a command continues over several lines, one command at a time with its output streamed (stderr in red),
// Ctrl+C to interrupt it, typed-ahead input kept for after it, and output without a final newline left in place.
import { needsMoreInput } from '../../shell/script/completeness.ts'
import type { Completion } from './completion.ts'
import { CONTINUATION_PROMPT, PROMPT, emptyLine, feed, renderLine, type LineState } from './lineEditor.ts'
import type { OutputChunk, ShellBridge, ShellResult } from './shellBridge.ts'

export interface TerminalSink {
  /** `drawn` is called once the terminal has processed the data (xterm's write callback). */
  write(data: string, drawn?: () => void): void
  /** Columns of the terminal (the row a prompt shares with earlier output); 80 when unknown. */
  readonly cols?: number
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
  /** Lines of a command still being typed (continued with `> `). */
  let continued: string[] = []
  /** The running command's Ctrl+C, and whether it was pressed. */
  let running: AbortController | null = null
  /** Output since the last newline: the prompt that follows shares its row, as in a terminal. */
  let tail = ''
  /** The shell's prompt: `$ `, or the one of a shell `kubectl exec -it` opened inside a pod (until `exit`). */
  let shellPrompt = PROMPT
  /** Output chunks drawn so far (did a command print anything). */
  let shown = 0
  const queued: { text: string; done: (code: number) => void }[] = []

  const show = (chunks: OutputChunk[]): Promise<void> => {
    shown += chunks.length
    for (const c of chunks) {
      const at = Math.max(c.text.lastIndexOf('\n'), c.text.lastIndexOf('\r'))
      tail = at < 0 ? tail + c.text : c.text.slice(at + 1)
    }
    return new Promise((drawn) => term.write(renderChunks(chunks), drawn))
  }

  /** The prompt after a command: on the row its output left unfinished (only what is on the last visual row). */
  const promptAfter = (): string => {
    const cols = term.cols ?? 80
    const prefix = tail.length >= cols ? tail.slice(tail.length - (tail.length % cols)) : tail
    line = { ...line, prefix, prompt: shellPrompt }
    tail = ''
    return renderLine(line)
  }

  const execute = async (text: string, bounded = false): Promise<number> => {
    const control = (running = new AbortController())
    tail = ''
    // After ^C the terminal discards output still on its way, as a tty flushes its queues on SIGINT.
    const { exitCode, prompt } = await shell.run(text, (chunks) => (control.signal.aborted ? undefined : show(chunks)), { signal: control.signal, bounded })
      .catch((err: unknown): ShellResult => { void show([{ stream: 'stderr', text: `kubehop: ${String(err)}\n` }]); return { exitCode: 1 } })
    if (prompt !== undefined) shellPrompt = prompt
    running = null
    // bash ends the ^C row before its next prompt.
    if (control.signal.aborted) { term.write('\r\n'); tail = '' }
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
        const code = await execute(job.text, true) // scenario steps, replays, failure injection: as the CLI runs them
        promptAfter()
        line = { ...line, buffer: draft.buffer, cursor: draft.cursor, prompt: draft.prompt === CONTINUATION_PROMPT ? draft.prompt : shellPrompt }
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
      if (result.interrupted) { continued = []; line = { ...line, prompt: shellPrompt }; term.write(renderLine(line)); continue }
      if (result.eof) {
        // Ctrl+D ends a shell opened inside a pod, as its `exit` would; the learner's own shell stays (closing it would
        // close the terminal).
        if (shellPrompt === PROMPT || continued.length) continue
        const before = shown
        await execute('exit')
        // bash prints `exit` on the prompt's row; a shell that prints nothing (ash, dash) still leaves that row.
        if (shown === before) term.write('\r\n')
        term.write(promptAfter())
        continue
      }
      if (result.submitted === null) continue
      // A command is run once the shell's parser says it is whole; until then bash prompts `> ` for more.
      continued.push(result.submitted)
      const text = continued.join('\n')
      if (needsMoreInput(text)) {
        line = { ...line, prompt: CONTINUATION_PROMPT }
        term.write(renderLine(line))
        continue
      }
      continued = []
      if (text.trim()) await execute(text)
      term.write(promptAfter())
    }
    busy = false
  }

  term.write(toTerminal(options.banner) + renderLine(line))
  return {
    input(data) {
      const ctrlC = data.lastIndexOf('\x03')
      if (running && ctrlC >= 0) {
        // Ctrl+C interrupts the running command; the terminal drops what was typed ahead of it.
        pending = data.slice(ctrlC + 1)
        if (!running.signal.aborted) { term.write('^C'); running.abort() }
        return
      }
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
