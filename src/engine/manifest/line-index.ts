// Offsets to 1-based line/column, for ranges reported in the whole file.
import type { SourceRange } from './types.ts'

export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1)
  }

  /** 1-based line and column of an offset. */
  pos(offset: number): { line: number; col: number } {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 }
  }

  range(start: number, end: number): SourceRange {
    const a = this.pos(start)
    const b = this.pos(Math.max(start, end))
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col }
  }
}
