import { describe, expect, it } from 'vitest'
import { startConsoleSession } from './consoleSession.ts'

describe('console session', () => {
  it('sends each line to the shell and prints its output, then a new prompt', async () => {
    let screen = ''
    const ran: string[] = []
    const session = startConsoleSession({ write: (d) => { screen += d } },
      { run: async (line) => { ran.push(line); return { output: `ran ${line}\n`, exitCode: 0 } } }, 'hello\n')
    session.input('one\rtwo\r')
    await new Promise((r) => setTimeout(r, 0))
    expect(ran).toEqual(['one', 'two'])
    const plain = screen.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9]*[A-Za-z]', 'g'), '') // drop CSI sequences
    expect(plain).toContain('hello\r\n')
    expect(plain).toContain('$ one\r\nran one\r\n')
    expect(plain).toContain('$ two\r\nran two\r\n')
    expect(plain.endsWith('$ ')).toBe(true)
  })
})
