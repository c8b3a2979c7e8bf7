import { describe, expect, it } from 'vitest'
import { emptyLine, feed, type LineState } from './lineEditor.ts'

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
