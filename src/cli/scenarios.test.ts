// Every scenario of the gallery (scenarios/<id>/) runs through the CLI's entry point: its transcript is compared
// with the reviewed one beside it; run step by step, every `#check:` must pass; and the behaviours it
// demonstrates are checked on their own terms below.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { runScript } from './run-script.ts'
import { GALLERY_ROOT, galleryIds, loadScenario } from './scenarios.ts'
import { formatTranscriptRecord } from './transcript.ts'
import type { Scenario } from '../scenarios/types.ts'
import { EngineHost } from '../worker/engineHost.ts'
import { commandLines } from '../ui/scenarios/commandLines.ts'
import { splitScenarioFiles } from '../ui/scenarios/stepsModel.ts'
import type { StatementRecord } from '../shell/script/types.ts'

// KUBEHOP_GALLERY: another copy of the gallery (src/cli/gates.test.ts runs this file on one with a transcript missing).
const ROOT = process.env.KUBEHOP_GALLERY ?? GALLERY_ROOT
const ids = galleryIds(ROOT)

/** The output of the command whose echoed line starts with `$ <prefix>` (up to the next prompt). */
function outputOf(transcript: string, prefix: string, occurrence = 0): string {
  const blocks = transcript.split(/^\$ /m).filter((b) => b.startsWith(prefix))
  const block = blocks[occurrence]
  if (block === undefined) throw new Error(`no command starting with "${prefix}" (#${occurrence})`)
  return block.split('\n').slice(1).join('\n')
}

const cache = new Map<string, { scenario: Scenario; cli: ReturnType<typeof runScript> }>()
/** Each scenario runs once through `kubehop run --seed <its seed> steps.sh`; the tests share the result. */
function cliRun(id: string) {
  let hit = cache.get(id)
  if (!hit) {
    const scenario = loadScenario(join(ROOT, id))
    hit = { scenario, cli: runScript(join(ROOT, id, 'steps.sh'), scenario.meta.seed) }
    cache.set(id, hit)
  }
  return hit
}
const run = (id: string) => cliRun(id).cli

/**
 * The scenario as the playground runs it (src/ui/scenarios/scenarioRunner.ts over the worker's EngineHost): a fresh
 * host with the scenario's tabs and assets, the screen drawing the cluster before and after every line, each
 * step's lines typed one at a time, its checks graded by the engine. Returns the transcript and the failed checks.
 */
function browserRun(scenario: Scenario, host = new EngineHost()): { transcript: string; failed: string[] } {
  const { tabs, assets } = splitScenarioFiles(scenario.files)
  host.reset(scenario.meta.seed, [...tabs, ...assets])
  host.snapshot()
  const records: StatementRecord[] = []
  const failed: string[] = []
  scenario.steps.forEach((step, i) => {
    host.beginStep()
    for (const line of commandLines(step.commands)) {
      for (const record of host.run(line)) records.push(record)
      host.snapshot()
    }
    for (const c of host.checkStep(step.checks.map((x) => x.source))) if (!c.pass) failed.push(`step ${i + 1} (${step.title}): ${c.source} — ${c.reason}`)
  })
  let transcript = ''
  for (const r of records) transcript += formatTranscriptRecord(r, transcript === '' || transcript.endsWith('\n'))
  return { transcript, failed }
}

const NO_TTY = 'Unable to use a TTY - input is not a terminal or the right kind of file\n'

describe('scenario gallery', () => {
  it('has at least one scenario per behaviour group, and covers every behaviour', () => {
    const scenarios = ids.map((id) => cliRun(id).scenario)
    const groups = new Set(scenarios.map((s) => s.meta.group))
    expect([...groups].sort()).toEqual(['Getting in from outside', 'Pods and controllers', 'Services', 'Troubleshooting views'])
    const covered = new Set(scenarios.flatMap((s) => s.meta.behaviours))
    const missing = Array.from({ length: 29 }, (_, i) => i + 1).filter((b) => !covered.has(b))
    expect(missing).toEqual([])
  })

  for (const id of ids) {
    describe(id, () => {
      it('matches its reviewed transcript (kubehop run --seed <seed> steps.sh)', async () => {
        const { code, stdout, stderr } = run(id)
        expect(stderr).toBe('')
        expect(code).toBe(0)
        await expect(stdout).toMatchFileSnapshot(join(ROOT, id, 'transcript.txt'))
      })

      it('run as the browser runs it (a line at a time in the engine worker\'s host), passes every check and prints the CLI\'s transcript', () => {
        const { scenario, cli } = cliRun(id)
        const browser = browserRun(scenario)
        expect(browser.failed).toEqual([])
        // The console is a terminal, the CLI's script input is not: only kubectl's TTY warning and the `exit` that an
        // interactive bash echoes as it leaves may differ.
        expect(browser.transcript.replaceAll('$ exit\nexit\n', '$ exit\n')).toBe(cli.stdout.replaceAll(NO_TTY, ''))
      })
    })
  }
})

describe('the browser runs scenarios exactly as the CLI does', () => {
  it('"Replay from start" on the same host rebuilds the same cluster (a scenario that creates its own kind cluster)', () => {
    const { scenario, cli } = cliRun('19-ingress-host-and-path')
    const host = new EngineHost()
    const first = browserRun(scenario, host)
    for (const record of host.run('kubectl delete ns ingress-nginx')) void record // the learner wanders off
    const again = browserRun(scenario, host)
    expect(again.failed).toEqual([])
    expect(again.transcript).toBe(first.transcript)
    expect(again.transcript).toBe(cli.stdout)
  })
})

describe('behaviours shown by the scenarios', () => {
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
    const path = join(GALLERY_ROOT, '04-stable-cluster-ip', 'steps.sh')
    expect(runScript(path, 1).stdout).toBe(run('04-stable-cluster-ip').stdout)
    expect(runScript(path, 2).stdout).not.toBe(run('04-stable-cluster-ip').stdout)
  })

  it('the same script and seed give byte-identical JSON traces', () => {
    const path = join(GALLERY_ROOT, '01-pods-get-an-ip', 'steps.sh')
    const a = runScript(path, 3, true).stdout
    expect(a).toBe(runScript(path, 3, true).stdout)
    expect(a.split('\n').filter(Boolean).every((l) => 'traces' in JSON.parse(l))).toBe(true)
  })
})
