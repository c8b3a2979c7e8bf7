// Go's text/tabwriter (left-aligned, space padding), which kubectl uses for every table and `describe`.
// Source: go/src/text/tabwriter/tabwriter.go (format/writeLines); kubectl's settings in
// cli-runtime/pkg/printers/tabwriter.go (minwidth 6, padding 3) and kubectl/pkg/describe (minwidth 0, padding 2).

interface Cell {
  text: string
  /** Tab-terminated: belongs to a column. The last cell of a line is not. */
  terminated: boolean
}

export interface TabWriterOptions {
  minwidth: number
  padding: number
}

/** kubectl get/custom-columns tables. */
const TABLE_TABWRITER: TabWriterOptions = { minwidth: 6, padding: 3 }
/** kubectl describe. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, padding: 2 }

const width = (s: string) => [...s].length

export class TabWriter {
  /** Lines ended by a newline, not yet formatted. */
  private lines: Cell[][] = []
  /** Cells of the line being written, and the text of its open cell. */
  private current: Cell[] = []
  private pending = ''
  private out = ''

  constructor(private readonly opts: TabWriterOptions) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t') {
        this.current.push({ text: this.pending, terminated: true })
        this.pending = ''
      } else if (ch === '\n') {
        this.current.push({ text: this.pending, terminated: false })
        this.lines.push(this.current)
        this.current = []
        this.pending = ''
        // A line without tabs ends every column block; Go flushes there.
        if (this.lines[this.lines.length - 1].length === 1) this.emit(false)
      } else {
        this.pending += ch
      }
    }
  }

  /** Ends every column block (Go's Flush); text after the last newline is written as is. */
  flush(): void {
    const partial = this.current.length > 0 || this.pending !== ''
    if (partial) {
      this.lines.push([...this.current, { text: this.pending, terminated: false }])
      this.current = []
      this.pending = ''
    }
    this.emit(partial)
  }

  toString(): string {
    this.flush()
    return this.out
  }

  private emit(lastIsPartial: boolean): void {
    const lines = this.lines
    this.lines = []
    this.format(lines, 0, lines.length, [], lastIsPartial)
  }

  private format(lines: Cell[][], line0: number, line1: number, widths: number[], lastIsPartial: boolean): void {
    const column = widths.length
    let start = line0
    let cur = line0
    while (cur < line1) {
      if (column >= cellsInColumns(lines[cur])) {
        cur++
        continue
      }
      this.writeLines(lines, start, cur, widths, lastIsPartial)
      start = cur
      let w = this.opts.minwidth
      while (cur < line1 && column < cellsInColumns(lines[cur])) {
        w = Math.max(w, width(lines[cur][column].text) + this.opts.padding)
        cur++
      }
      this.format(lines, start, cur, [...widths, w], lastIsPartial)
      start = cur
    }
    this.writeLines(lines, start, line1, widths, lastIsPartial)
  }

  private writeLines(lines: Cell[][], line0: number, line1: number, widths: number[], lastIsPartial: boolean): void {
    for (let i = line0; i < line1; i++) {
      lines[i].forEach((cell, j) => {
        this.out += cell.text
        if (j < widths.length) this.out += ' '.repeat(Math.max(0, widths[j] - width(cell.text)))
      })
      if (!(lastIsPartial && i === lines.length - 1)) this.out += '\n'
    }
  }
}

/** Cells that sit in columns: all but the last (unterminated) one. */
function cellsInColumns(line: Cell[]): number {
  return line.length - 1
}

/**
 * kubectl's watch writer (cli-runtime printers.GetNewTabWriter sets liggitt/tabwriter's RememberWidths): flushed
 * after every event, and a column never gets narrower than it was, so later rows line up with earlier ones.
 */
export class RememberingTable {
  private widths: number[] = []

  /** Lays out `lines` (cells) as one flushed block and remembers the widths. */
  block(lines: string[][]): string {
    for (const cells of lines) {
      cells.slice(0, -1).forEach((cell, j) => {
        this.widths[j] = Math.max(this.widths[j] ?? TABLE_TABWRITER.minwidth, width(cell) + TABLE_TABWRITER.padding)
      })
    }
    return lines.map((cells) => cells.map((cell, j) => (j < cells.length - 1 ? cell.padEnd(this.widths[j] + cell.length - width(cell)) : cell)).join('') + '\n').join('')
  }
}

/** Lays out tab-separated lines (each ending in `\n`) as kubectl does. */
export function tabulate(text: string, opts: TabWriterOptions = TABLE_TABWRITER): string {
  const w = new TabWriter(opts)
  w.write(text)
  return w.toString()
}
