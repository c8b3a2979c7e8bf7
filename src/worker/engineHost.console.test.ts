import { describe, expect, it } from 'vitest'
import { EngineHost } from './engineHost.ts'

const finish = (host: EngineHost, line: string) => {
  const run = host.start(line)
  const out: string[] = []
  for (;;) {
    const s = run.slice(() => false)
    out.push(...s.partial.chunks.map((c) => c.text), ...s.records.flatMap((r) => r.chunks.map((c) => c.text)))
    if (s.done) return { text: out.join(''), codes: s.records.map((r) => r.exitCode) }
  }
}

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n`

describe('the engine host and the console', () => {
  it('hands over manifests a console line wrote, by their name in /root, once', () => {
    const host = new EngineHost()
    finish(host, `cat > ./made.yaml <<EOF\n${cm('made')}EOF\necho x > notes.txt`)
    expect(host.takeWrittenFiles()).toEqual([{ name: 'made.yaml', text: cm('made') }])
    expect(host.takeWrittenFiles()).toEqual([])
    expect(finish(host, 'kubectl create -f made.yaml').text).toBe('configmap/made created\n')
  })

  it('explains AlreadyExists when the file is one the editor applied, and only then', () => {
    const host = new EngineHost()
    host.apply({ files: [{ name: 'app.yaml', text: cm('app') }], seed: 1 })
    const again = finish(host, 'kubectl create -f app.yaml')
    expect(again.text).toContain('Error from server (AlreadyExists): error when creating "app.yaml": configmaps "app" already exists')
    expect(again.text).toContain('kubehop: the editor already applied app.yaml')
    expect(again.text).toContain('"Apply from the console only"')
    finish(host, `cat > other.yaml <<EOF\n${cm('app')}EOF`)
    expect(finish(host, 'kubectl create -f other.yaml').text).not.toContain('the editor already applied')
  })

  it('runs an endless loop until interrupted, then the session goes on (status 130)', () => {
    const host = new EngineHost()
    const run = host.start('while true; do kubectl get ns default > /dev/null; done')
    let checkpoints = 0
    expect(run.slice(() => ++checkpoints > 300).done).toBe(false)
    run.interrupt()
    expect(run.slice(() => false).records.map((r) => r.exitCode)).toEqual([130])
    expect(finish(host, 'echo $?').text).toBe('130\n')
  })

  it('runs a bounded line (a scenario step, a replay) as the CLI does: the loop stops after the round limit', () => {
    const run = new EngineHost().start('while true; do :; done', true)
    const s = run.slice(() => false)
    expect(s.done).toBe(true)
    expect(s.records[0].chunks.map((c) => c.text).join('')).toContain('kubehop: stopped the loop after 100 rounds')
  })
})
