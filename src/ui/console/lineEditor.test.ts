import { describe, expect, it } from 'vitest'
import { CONTINUATION_PROMPT, emptyLine, feed, type LineState } from './lineEditor.ts'

const type = (state: LineState, ...chunks: string[]) => {
  let s = state
  const submitted: string[] = []
  for (let chunk of chunks) {
    while (chunk) {
      const r = feed(s, chunk)
      s = r.state
      if (r.submitted !== null) submitted.push(r.submitted)
      chunk = r.rest
    }
  }
  return { state: s, submitted }
}

describe('line editor', () => {
  it('submits typed lines and echoes the prompt', () => {
    const r = feed(emptyLine, 'kubectl get svc\r')
    expect(r.submitted).toBe('kubectl get svc')
    expect(r.echo).toContain('$ kubectl get svc\r\n')
    expect(r.state.buffer).toBe('')
  })

  it('edits in the middle with arrows, backspace, delete, home and end', () => {
    const { state } = type(emptyLine, 'kubctl', '\x1b[D\x1b[D\x1b[D', 'e', '\x1b[H', '\x1b[3~', 'K', '\x1b[F', 'x', '\x7f')
    expect(state.buffer).toBe('Kubectl')
    expect(state.cursor).toBe(7)
  })

  it('walks history with up and down, keeping the unfinished line', () => {
    const { state } = type(emptyLine, 'one\r', 'two\r', 'tw', '\x1b[A')
    expect(state.buffer).toBe('two')
    expect(type(state, '\x1b[A').state.buffer).toBe('one')
    expect(type(state, '\x1b[A', '\x1b[A', '\x1b[B', '\x1b[B').state.buffer).toBe('tw')
  })

  it('does not store blank lines or repeats in history', () => {
    const { state, submitted } = type(emptyLine, 'ls\r', 'ls\r', '  \r')
    expect(submitted).toEqual(['ls', 'ls', '  '])
    expect(state.history).toEqual(['ls'])
  })

  it('handles a pasted block with CRLF as separate lines; Ctrl+C drops the line', () => {
    const paste = feed(emptyLine, 'a\r\nb\r\n')
    expect([paste.submitted, paste.rest]).toEqual(['a', 'b\r\n'])
    expect(type(emptyLine, 'a\r\nb\r\n').submitted).toEqual(['a', 'b'])
    const r = feed(emptyLine, 'oops\x03')
    expect(r.state.buffer).toBe('')
    expect(r.echo).toContain('^C')
  })
})

describe('reverse history search (Ctrl+R)', () => {
  const withHistory = type(emptyLine, 'kubectl get pods\r', 'curl -s http://kubia\r', 'kubectl get svc\r').state

  it('shows the newest match as readline does, and older ones on Ctrl+R again', () => {
    const r = feed(withHistory, '\x12kub')
    expect(r.state.buffer).toBe('kubectl get svc')
    expect(r.echo).toContain("(reverse-i-search)`kub': kubectl get svc")
    const older = feed(r.state, '\x12')
    expect(older.state.buffer).toBe('curl -s http://kubia')
    expect(older.echo).toContain("(reverse-i-search)`kub': curl -s http://kubia")
    expect(feed(older.state, '\x12').state.buffer).toBe('kubectl get pods')
  })

  it('says when nothing matches, runs the found line on Enter, and Ctrl+G restores the line', () => {
    const failed = feed(withHistory, 'ab\x12zzz')
    expect(failed.echo).toContain("(failed reverse-i-search)`zzz': ab")
    expect(feed(failed.state, '\x07').state).toMatchObject({ buffer: 'ab', search: null })
    const run = feed(withHistory, '\x12curl\r')
    expect(run.submitted).toBe('curl -s http://kubia')
    expect(run.echo).toContain('$ curl -s http://kubia\r\n')
  })

  it('ends the search on another key and edits the found line', () => {
    const { state } = type(withHistory, '\x12pods', '\x05', ' -o wide')
    expect(state).toMatchObject({ buffer: 'kubectl get pods -o wide', search: null })
  })
})

describe('prompts', () => {
  it('redraws the prompt after output left on its row, and shows the continuation prompt', () => {
    const r = feed({ ...emptyLine, prefix: '10.244.1.2' }, 'x')
    expect(r.echo).toBe('\r\x1b[2K10.244.1.2$ x')
    expect(feed({ ...emptyLine, prompt: CONTINUATION_PROMPT }, 'EOF').echo).toBe('\r\x1b[2K> EOF')
  })
})
