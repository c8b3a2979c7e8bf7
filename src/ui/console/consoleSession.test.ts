import { describe, expect, it } from 'vitest'
import { complete } from './completion.ts'
import { startConsoleSession } from './consoleSession.ts'
import type { ShellBridge } from './shellBridge.ts'
import { ShellSession } from '../../shell/session.ts'

const plain = (screen: string) => screen.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9]*[A-Za-z]', 'g'), '') // drop CSI sequences
/** The screen's rows as a terminal shows them: a carriage return redraws its row. */
const rows = (screen: string) => plain(screen).split('\r\n').map((row) => row.slice(row.lastIndexOf('\r') + 1))
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

describe('console session as a terminal', () => {
  it('keeps output without a final newline on screen, the prompt after it on the same row', async () => {
    let screen = ''
    const shell: ShellBridge = { run: async (_line, onOutput) => { onOutput([{ stream: 'stdout', text: '10.244.1.2' }]); return { exitCode: 0 } } }
    const session = startConsoleSession({ write: (d) => { screen += d } }, shell, { banner: '' })
    session.input('kubectl get pod x -o jsonpath={.status.podIP}\r')
    await tick()
    expect(screen.endsWith('\r\x1b[2K10.244.1.2$ ')).toBe(true)
    session.input('k')
    expect(screen.endsWith('\r\x1b[2K10.244.1.2$ k')).toBe(true)
  })

  it('prompts `> ` while a here-document, a quote or a loop is open, then runs it as one command', async () => {
    let screen = ''
    const ran: string[] = []
    const session = startConsoleSession({ write: (d) => { screen += d } }, fakeShell(ran), { banner: '' })
    session.input('cat > app.yaml <<EOF\rkind: Pod\r')
    await tick()
    expect(ran).toEqual([])
    expect(plain(screen).endsWith('> ')).toBe(true)
    session.input('EOF\rfor i in 1 2\r')
    await tick()
    expect(ran).toEqual(['cat > app.yaml <<EOF\nkind: Pod\nEOF'])
    session.input('do echo "$i\r"; done\r')
    await tick()
    expect(ran[1]).toBe('for i in 1 2\ndo echo "$i\n"; done')
    // Ctrl+C drops a command being continued, as bash does.
    session.input('echo "open\r\x03echo ok\r')
    await tick()
    expect(ran[2]).toBe('echo ok')
  })

  it('interrupts the running command on Ctrl+C: ^C, the command ends, the prompt returns on a new row', async () => {
    let screen = ''
    let aborted = false
    const shell: ShellBridge = {
      run: (_line, onOutput, { signal } = {}) => new Promise((resolve) => {
        onOutput([{ stream: 'stdout', text: 'hello\nhel' }])
        signal?.addEventListener('abort', () => { aborted = true; resolve({ exitCode: 130 }) })
      }),
    }
    const session = startConsoleSession({ write: (d) => { screen += d } }, shell, { banner: '' })
    session.input('while true; do curl -s http://kubia; done\r')
    await tick()
    session.input('typed ahead\x03')
    await tick()
    expect(aborted).toBe(true)
    expect(plain(screen).endsWith('hello\r\nhel^C\r\n\r$ ')).toBe(true)
  })
})

describe('a shell opened inside a pod (kubectl exec -it)', () => {
  // The real shell behind the console: lines typed after `kubectl exec -it POD -- bash` run in the pod.
  const bridgeTo = (session: ShellSession): ShellBridge => ({
    run: async (line, onOutput) => {
      const records = session.runScript(line)
      onOutput(records.flatMap((r) => r.chunks))
      return { exitCode: records[records.length - 1]?.exitCode ?? 0, prompt: session.prompt() }
    },
  })

  it("shows the pod's prompt (bash: root@POD:DIR#, BusyBox: / #) until exit or Ctrl+D", async () => {
    let screen = ''
    const shell = new ShellSession({ seed: 1, terminal: true })
    shell.runScript('kubectl run kubia --image=luksa/kubia\nkubectl run bb --image=busybox -- sleep 3600\nkubectl wait --for=condition=Ready pod/kubia pod/bb --timeout=60s')
    const session = startConsoleSession({ write: (d) => { screen += d } }, bridgeTo(shell), { banner: '' })
    await session.runLine('kubectl exec -it kubia -- bash')
    expect(plain(screen).endsWith('root@kubia:/# ')).toBe(true)
    session.input('hostname\rcat /etc/hostname\r')
    await tick()
    expect(rows(screen).slice(-5)).toEqual(['root@kubia:/# hostname', 'kubia', 'root@kubia:/# cat /etc/hostname', 'kubia', 'root@kubia:/# '])
    session.input('exit\r')
    await tick()
    // bash says `exit` as it leaves; the learner's prompt is back.
    expect(rows(screen).slice(-3)).toEqual(['root@kubia:/# exit', 'exit', '$ '])
    session.input('kubectl exec -it bb -- sh\r')
    await tick()
    expect(rows(screen).at(-1)).toBe('/ # ')
    session.input('\x04')
    await tick()
    expect(rows(screen).slice(-2)).toEqual(['/ # ', '$ '])
    session.input('\x04') // Ctrl+D at the learner's own prompt does nothing (it would close the terminal)
    await tick()
    expect(rows(screen).slice(-2)).toEqual(['/ # ', '$ '])
  })
})
