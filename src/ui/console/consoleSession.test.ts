import { describe, expect, it } from 'vitest'
import { complete } from './completion.ts'
import { startConsoleSession } from './consoleSession.ts'
import type { ShellBridge } from './shellBridge.ts'

const plain = (screen: string) => screen.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9]*[A-Za-z]', 'g'), '') // drop CSI sequences
const tick = () => new Promise((r) => setTimeout(r, 0))

function fakeShell(ran: string[]): ShellBridge {
  return {
    run: async (line, onOutput) => {
      ran.push(line)
      onOutput([{ stream: 'stdout', text: `ran ${line}\n` }])
      onOutput([{ stream: 'stderr', text: 'oops\n' }])
      return { exitCode: 1 }
    },
  }
}

describe('console session', () => {
  it('sends each line to the shell and streams its output, stderr in red, then a new prompt', async () => {
    let screen = ''
    const ran: string[] = []
    const session = startConsoleSession({ write: (d) => { screen += d } }, fakeShell(ran), { banner: 'hello\n' })
    session.input('one\rtwo\r')
    await tick()
    expect(ran).toEqual(['one', 'two'])
    expect(screen).toContain('\x1b[31moops\r\n\x1b[0m')
    expect(plain(screen)).toContain('hello\r\n')
    expect(plain(screen)).toContain('$ one\r\nran one\r\noops\r\n')
    expect(plain(screen).endsWith('$ ')).toBe(true)
  })

  it('runs an injected line at the prompt and keeps what the user was typing', async () => {
    let screen = ''
    const ran: string[] = []
    const session = startConsoleSession({ write: (d) => { screen += d } }, fakeShell(ran), { banner: '' })
    session.input('kubectl ge')
    await expect(session.runLine('kubectl delete pod x')).resolves.toBe(1)
    expect(ran).toEqual(['kubectl delete pod x'])
    expect(plain(screen)).toContain('$ kubectl delete pod x\r\nran kubectl delete pod x')
    expect(plain(screen).endsWith('$ kubectl ge')).toBe(true)
  })

  it('completes with Tab', async () => {
    let screen = ''
    const session = startConsoleSession({ write: (d) => { screen += d } }, fakeShell([]),
      { banner: '', complete: (line, cursor) => complete(line, cursor, { vocabulary: { commands: ['kubectl', 'kind'], kubectlVerbs: ['get'], resources: [] }, objects: [] }) })
    session.input('kub\tg\t')
    await tick()
    expect(plain(screen).endsWith('$ kubectl get ')).toBe(true)
  })
})
