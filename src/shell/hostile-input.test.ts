// Bad input never crashes the shell and never changes the cluster: each case gets a clear error.
import { describe, expect, it } from 'vitest'
import { ShellSession } from './session.ts'

function applyText(session: ShellSession, text: string) {
  const before = session.cluster!.snapshot()
  const [record] = session.runScript(`kubectl apply -f - <<'EOF'\n${text}\nEOF`)
  const after = session.cluster!.snapshot()
  const stderr = record.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')
  return { record, stderr, unchanged: JSON.stringify(after.objects) === JSON.stringify(before.objects) }
}

describe('hostile manifests', () => {
  it('malformed YAML: kubectl parse error, nothing changes', () => {
    const { record, stderr, unchanged } = applyText(new ShellSession(), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  spec: [\n')
    expect(record.exitCode).toBe(1)
    expect(stderr).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+:/)
    expect(unchanged).toBe(true)
  })

  it('an alias bomb is refused quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'kind: ConfigMap', 'apiVersion: v1', 'metadata: {name: bomb}'].join('\n')
    // A hang here fails on the runner's testTimeout (vite.config.ts); how long it takes is bench/hostile.ts's figure.
    const { stderr, unchanged } = applyText(new ShellSession(), bomb)
    expect(stderr).toContain('excessive aliasing')
    expect(unchanged).toBe(true)
  })

  it('a 5 MB manifest gets a clear error and changes nothing', () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${'x'.repeat(5 * 1024 * 1024)}"\n`
    const { record, stderr, unchanged } = applyText(new ShellSession(), big)
    expect(record.exitCode).toBe(1)
    expect(stderr.length).toBeGreaterThan(0)
    expect(stderr.length).toBeLessThan(1000)
    expect(unchanged).toBe(true)
  })

  it('__proto__ keys neither pollute prototypes nor get stored', () => {
    const { stderr, unchanged } = applyText(new ShellSession(), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\n  __proto__:\n    polluted: yes\ndata:\n  __proto__: x\n')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(stderr).toContain('unknown field')
    expect(unchanged).toBe(true)
  })

  it('an unknown kind prints kubectl\'s mapping error', () => {
    const { stderr, unchanged } = applyText(new ShellSession(), 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n')
    expect(stderr).toBe('error: resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n')
    expect(unchanged).toBe(true)
  })

  it('a Deployment asking for 100000 replicas neither hangs nor crashes', () => {
    const session = new ShellSession()
    // A hang here fails on the runner's testTimeout (vite.config.ts); how long it takes is bench/hostile.ts's figure.
    const [record] = session.runScript('kubectl create deployment huge --image=nginx --replicas=100000')
    expect(record.exitCode).toBe(0)
    const pods = session.cluster!.store.list('Pod', 'default')
    expect(pods.length).toBeGreaterThan(0)
    expect(pods.length).toBeLessThanOrEqual(100000)
    // Two workers hold at most 110 pods each; the rest wait in Pending.
    expect(pods.filter((p) => p.status?.phase === 'Running').length).toBeLessThanOrEqual(2 * 110)
  })

  it('a syntax error in the script is reported like bash and the run goes on to the end', () => {
    const records = new ShellSession().runScript('kubectl get ns default\nfor i in 1 2; do echo $i\n')
    expect(records[0].exitCode).toBe(0)
    const last = records[records.length - 1]
    expect(last.exitCode).toBe(2)
    expect(last.chunks.map((c) => c.text).join('')).toContain('syntax error')
  })
})
