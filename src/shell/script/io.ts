// Standard streams of a running command: a consumable input and two output sinks.

export type Sink = (text: string) => void

export interface Io {
  stdin: Input | undefined
  out: Sink
  err: Sink
}

/** Piped or redirected input; `read` takes one line at a time, filters take the rest. */
export class Input {
  private pos = 0
  constructor(private readonly text: string) {}

  remaining(): string {
    return this.text.slice(this.pos)
  }

  readAll(): string {
    const rest = this.remaining()
    this.pos = this.text.length
    return rest
  }

  /** The next line without its newline, or null at end of input; `complete` is false for a last unterminated line. */
  readLine(): { line: string; complete: boolean } | null {
    if (this.pos >= this.text.length) return null
    const nl = this.text.indexOf('\n', this.pos)
    const end = nl < 0 ? this.text.length : nl
    const line = this.text.slice(this.pos, end)
    this.pos = nl < 0 ? this.text.length : nl + 1
    return { line, complete: nl >= 0 }
  }
}

/** Splits text into lines the way line-oriented tools see them (a final newline ends the last line). */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
