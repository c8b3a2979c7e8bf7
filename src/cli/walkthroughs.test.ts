// Every walkthrough in scenarios/walkthroughs runs through the CLI's entry point; its transcript is compared
// with the reviewed one beside it, and the behaviour it demonstrates is checked on its own terms.
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { main } from './main.ts'

const root = resolve(__dirname, '../../scenarios/walkthroughs')
const walkthroughs = readdirSync(root).filter((d) => !d.includes('.')).sort()

export function runScript(path: string, seed = 1, json = false): { code: number; stdout: string; stderr: string } {
  let stdout = ''
  let stderr = ''
  const args = ['run', '--seed', String(seed), ...(json ? ['--json'] : []), path]
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => '', cwd: process.cwd() })
  return { code, stdout, stderr }
}

/** The output of the command whose echoed line starts with `$ <prefix>` (up to the next prompt). */
function outputOf(transcript: string, prefix: string, occurrence = 0): string {
  const blocks = transcript.split(/^\$ /m).filter((b) => b.startsWith(prefix))
  const block = blocks[occurrence]
  if (block === undefined) throw new Error(`no command starting with "${prefix}" (#${occurrence})`)
  return block.split('\n').slice(1).join('\n')
}

const run = (name: string) => runScript(join(root, name, 'script.sh'))

describe('walkthrough transcripts', () => {
  for (const name of walkthroughs) {
    it(`${name} matches its reviewed transcript`, async () => {
      const { code, stdout, stderr } = run(name)
      expect(stderr).toBe('')
      expect(code).toBe(0)
      await expect(stdout).toMatchFileSnapshot(join(root, name, 'transcript.txt'))
    })
  }
})

describe('behaviours shown by the walkthroughs', () => {
  it('1: pod IPs come from their node pod subnet', () => {
    const out = run('01-pods-get-an-ip').stdout
    const rows = outputOf(out, 'kubectl get pods -o wide').trim().split('\n').slice(1)
    expect(rows).toHaveLength(3)
    const cidrs: Record<string, string> = { 'kind-control-plane': '10.244.0.', 'kind-worker': '10.244.1.', 'kind-worker2': '10.244.2.' }
    for (const row of rows) {
      const [, , status, , , ip, node] = row.split(/\s+/)
      expect(status).toBe('Running')
      expect(ip.startsWith(cidrs[node])).toBe(true)
    }
    expect(outputOf(out, 'kubectl exec').trim()).toMatch(/^10\.244\.[12]\.\d+$/)
  })

  it('3: a deleted pod is replaced with a new name', () => {
    const out = run('02-self-healing').stdout
    const names = (text: string) => text.trim().split('\n').slice(1).map((r) => r.split(/\s+/)[0])
    const before = names(outputOf(out, 'kubectl get pods -o wide', 0))
    const after = names(outputOf(out, 'kubectl get pods -o wide', 1))
    const deleted = outputOf(out, 'kubectl delete pod').match(/pod "([^"]+)" deleted/)![1]
    expect(before).toContain(deleted)
    expect(after).not.toContain(deleted)
    expect(after).toHaveLength(2)
    for (const n of [...before, ...after]) expect(n).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{8,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('4: replicas spread over the workers, never on the tainted control plane', () => {
    const out = run('03-scaling-spreads').stdout
    const nodes = outputOf(out, 'kubectl get pods -o wide').trim().split('\n').slice(1).map((r) => r.split(/\s+/)[6])
    expect(nodes).toHaveLength(6)
    expect(nodes.filter((n) => n === 'kind-worker')).toHaveLength(3)
    expect(nodes.filter((n) => n === 'kind-worker2')).toHaveLength(3)
  })

  it('8: the cluster IP survives pod churn while the endpoints change', () => {
    const out = run('04-stable-cluster-ip').stdout
    const clusterIP = (i: number) => outputOf(out, 'kubectl get svc kubia', i).split('\n')[1].split(/\s+/)[2]
    expect(clusterIP(0)).toMatch(/^10\.96\.\d+\.\d+$/)
    expect(clusterIP(1)).toBe(clusterIP(0))
    expect(outputOf(out, 'kubectl get endpoints kubia', 0)).not.toBe(outputOf(out, 'kubectl get endpoints kubia', 1))
  })

  it('the same script and seed give a byte-identical transcript; another seed gives other names', () => {
    const path = join(root, '04-stable-cluster-ip', 'script.sh')
    expect(runScript(path, 1).stdout).toBe(runScript(path, 1).stdout)
    expect(runScript(path, 2).stdout).not.toBe(runScript(path, 1).stdout)
  })
})
