// What the status line says about the YAML text: size, or the first parse error with its line and column.
import { parseAllDocuments } from 'yaml'

interface YamlProblem {
  message: string
  line: number
  column: number
}

export interface DocStatus {
  lines: number
  documents: number
  error: YamlProblem | null
  /** Too large to parse on the page: only counted (the engine checks it in its worker). */
  unchecked?: boolean
}

/** Past this the status line only counts lines: parsing a megabyte on the main thread takes longer than a frame. */
const MAX_STATUS_CHARS = 256 * 1024

/** Parses every `---` document (a manifest file holds several); the first error wins, positions are 1-based. */
export function docStatus(text: string): DocStatus {
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
  if (text.length > MAX_STATUS_CHARS) return { lines, documents: 0, error: null, unchecked: true }
  const parsed = parseAllDocuments(text, { prettyErrors: true })
  const docs = Array.isArray(parsed) ? parsed : [] // an EmptyStream when the text has no documents
  const first = docs.flatMap((d) => d.errors)[0]
  const error = first ? {
    message: first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    line: first.linePos?.[0].line ?? 1,
    column: first.linePos?.[0].col ?? 1,
  } : null
  return { lines, documents: docs.length, error }
}

export function describeStatus(status: DocStatus): string {
  if (status.unchecked) return `${status.lines} lines (too large to check here; the engine checks it)`
  if (status.error) return `YAML error at line ${status.error.line}, column ${status.error.column}: ${status.error.message}`
  const docs = `${status.documents} document${status.documents === 1 ? '' : 's'}`
  return `${status.lines} line${status.lines === 1 ? '' : 's'}, ${docs}`
}
