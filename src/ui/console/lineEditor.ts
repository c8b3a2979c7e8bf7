// A readline-like line editor as a pure function: terminal input in, new state plus what to echo out.
export const PROMPT = '$ '
/** bash's PS2, shown while a command continues on the next line (open quote, here-document, `do` …). */
export const CONTINUATION_PROMPT = '> '

/** Ctrl+R's incremental search through history, as readline shows it. */
interface HistorySearch {
  query: string
  /** History index of the line shown (history.length while nothing matched yet). */
  index: number
  failed: boolean
  /** The line as it was before Ctrl+R (Ctrl+G puts it back). */
  original: { buffer: string; cursor: number }
}

export interface LineState {
  buffer: string
  cursor: number
  history: readonly string[]
  /** Index into history while browsing with up/down; history.length means "the line being typed". */
  historyIndex: number
  /** The unfinished line, kept while browsing history. */
  draft: string
  /** `$ `, or `> ` while a command continues. */
  prompt: string
  /** What the last output left on the prompt's row (it had no final newline): redraws keep it, as a terminal does. */
  prefix: string
  search: HistorySearch | null
}

export interface Feed {
  state: LineState
  /** Escape sequences and text to write back to the terminal. */
  echo: string
  /** The line completed with Enter, if any; input after it is left in `rest`. */
  submitted: string | null
  /** Input not consumed yet: everything after the first Enter or Ctrl+C (pasted lines run one at a time). */
  rest: string
  /** Ctrl+C dropped the line (a command being continued over several lines is dropped with it). */
  interrupted?: boolean
  /** Ctrl+D on an empty line: end of input (a shell opened inside a pod ends). */
  eof?: boolean
}

export const emptyLine: LineState = { buffer: '', cursor: 0, history: [], historyIndex: 0, draft: '', prompt: PROMPT, prefix: '', search: null }

const KEYS: [string, string][] = [
  ['\x1b[A', 'up'], ['\x1b[B', 'down'], ['\x1b[C', 'right'], ['\x1b[D', 'left'],
  ['\x1b[H', 'home'], ['\x1bOH', 'home'], ['\x1b[1~', 'home'], ['\x1b[F', 'end'], ['\x1bOF', 'end'], ['\x1b[4~', 'end'],
  ['\x1b[3~', 'delete'],
]

/** Redraws the whole line: simple and always right for lines shorter than the terminal width. */
export function renderLine(state: LineState): string {
  const back = state.buffer.length - state.cursor
  const lead = state.search ? `(${state.search.failed ? 'failed ' : ''}reverse-i-search)\`${state.search.query}': ` : state.prompt
  return `\r\x1b[2K${state.prefix}${lead}${state.buffer}${back > 0 ? `\x1b[${back}D` : ''}`
}

function withBuffer(state: LineState, buffer: string, cursor: number): LineState {
  return { ...state, buffer, cursor, historyIndex: state.history.length }
}

function browse(state: LineState, index: number): LineState {
  if (index < 0 || index > state.history.length) return state
  const draft = state.historyIndex === state.history.length ? state.buffer : state.draft
  const buffer = index === state.history.length ? draft : state.history[index]
  return { ...state, buffer, cursor: buffer.length, historyIndex: index, draft }
}

function submit(state: LineState): LineState {
  const line = state.buffer
  const history = line.trim() && state.history[state.history.length - 1] !== line ? [...state.history, line] : state.history
  return { buffer: '', cursor: 0, history, historyIndex: history.length, draft: '', prompt: PROMPT, prefix: '', search: null }
}

/** The newest history line at or before `from` that contains `query`, or -1. */
function findBack(history: readonly string[], query: string, from: number): number {
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if (history[i].includes(query)) return i
  return -1
}

/** Shows history line `index` (or keeps the shown line, marked failed, when nothing matches). */
function searchAt(state: LineState, search: HistorySearch, from: number): LineState {
  const index = search.query === '' ? -1 : findBack(state.history, search.query, from)
  if (index < 0) return { ...state, search: { ...search, failed: search.query !== '' } }
  const buffer = state.history[index]
  return { ...state, buffer, cursor: buffer.lastIndexOf(search.query), search: { ...search, index, failed: false } }
}

/** One key while Ctrl+R searches; null hands the key back to normal editing (the search ends, keeping the line). */
function searchKey(state: LineState, ch: string): LineState | null {
  const search = state.search!
  if (ch === '\x12') return searchAt(state, search, search.failed ? search.index : search.index - 1)
  if (ch === '\x07') return { ...state, ...search.original, search: null }
  if (ch === '\x7f' || ch === '\b') return searchAt(state, { ...search, query: search.query.slice(0, -1) }, state.history.length - 1)
  if (ch >= ' ' && ch !== '\x7f') return searchAt(state, { ...search, query: search.query + ch }, search.index)
  return null
}

function key(state: LineState, name: string): LineState {
  const { buffer: b, cursor: c } = state
  switch (name) {
    case 'left': return { ...state, cursor: Math.max(0, c - 1) }
    case 'right': return { ...state, cursor: Math.min(b.length, c + 1) }
    case 'home': return { ...state, cursor: 0 }
    case 'end': return { ...state, cursor: b.length }
    case 'up': return browse(state, state.historyIndex - 1)
    case 'down': return browse(state, state.historyIndex + 1)
    case 'delete': return c < b.length ? withBuffer(state, b.slice(0, c) + b.slice(c + 1), c) : state
    default: return state
  }
}

export function feed(initial: LineState, data: string): Feed {
  let state = initial
  const echo = ''
  let i = 0
  while (i < data.length) {
    if (state.search) {
      const next = searchKey(state, data[i])
      if (next) { state = next; i++; continue }
      state = { ...state, search: null, historyIndex: state.history.length } // any other key: edit the found line
    }
    const seq = KEYS.find(([s]) => data.startsWith(s, i))
    if (seq) { state = key(state, seq[1]); i += seq[0].length; continue }
    const ch = data[i++]
    const { buffer: b, cursor: c } = state
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && data[i] === '\n') i++ // CRLF from a paste is one Enter
      return { state: submit(state), echo: echo + renderLine({ ...state, cursor: b.length }) + '\r\n', submitted: b, rest: data.slice(i) }
    }
    if (ch === '\x7f' || ch === '\b') { if (c > 0) state = withBuffer(state, b.slice(0, c - 1) + b.slice(c), c - 1) }
    else if (ch === '\x04') {
      // Ctrl+D: end of input on an empty line (readline's EOF), else delete the character under the cursor.
      if (!b) return { state, echo, submitted: null, rest: data.slice(i), eof: true }
      if (c < b.length) state = withBuffer(state, b.slice(0, c) + b.slice(c + 1), c)
    }
    else if (ch === '\x01') state = { ...state, cursor: 0 }
    else if (ch === '\x05') state = { ...state, cursor: b.length }
    else if (ch === '\x15') state = withBuffer(state, b.slice(c), 0)
    else if (ch === '\x0b') state = withBuffer(state, b.slice(0, c), c)
    else if (ch === '\x03') {
      return { state: { ...withBuffer(state, '', 0), prompt: PROMPT, prefix: '' }, echo: echo + renderLine({ ...state, cursor: b.length }) + '^C\r\n', submitted: null, rest: data.slice(i), interrupted: true }
    } else if (ch === '\x12') state = { ...state, search: { query: '', index: state.history.length, failed: false, original: { buffer: b, cursor: c } } }
    else if (ch === '\x1b') { while (i < data.length && !/[A-Za-z~]/.test(data[i])) i++; i++ } // unknown escape: skip it
    else if (ch >= ' ') state = withBuffer(state, b.slice(0, c) + ch + b.slice(c), c + 1)
  }
  return { state, echo: echo + renderLine(state), submitted: null, rest: '' }
}
