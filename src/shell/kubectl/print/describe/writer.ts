// describe's PrefixWriter: two spaces per level, over a tabwriter with minwidth 0 and padding 2.
// Source: kubectl/pkg/describe/describe.go (prefixWriter, tabbedString).
import { DESCRIBE_TABWRITER, TabWriter } from '../tabwriter.ts'

export class PrefixWriter {
  private readonly tw = new TabWriter(DESCRIBE_TABWRITER)

  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text)
  }

  /** WriteLine: the text and a newline, no indentation. */
  line(text: string): void {
    this.tw.write(text + '\n')
  }

  flush(): void {
    this.tw.flush()
  }

  toString(): string {
    return this.tw.toString()
  }
}

/** Runs a describer body and returns its laid-out text. */
export function tabbed(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter()
  body(w)
  return w.toString()
}
