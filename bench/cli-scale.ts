// CLI scale figures (issue 16): `bin/kubehop run` on a script that builds a kind cluster and applies Deployments and
// Services, until every pod is Running and every Service has its EndpointSlice. Each run is a fresh process, so the
// figures are the CLI's own: wall time (process start to exit), CPU time and peak memory (max RSS).
//   npx tsx bench/cli-scale.ts [--runs N] [--targets | --curve]     (or through `npm run bench`)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Figure, FigureSource } from './figures.ts'
import { machine, median, table } from './figures.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface Workload { nodes: number; deployments: number; replicas: number; services: number }

const pods = (w: Workload) => w.deployments * w.replicas

function files(w: Workload): Record<string, string> {
  const kind = ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', 'nodes:', '- role: control-plane', ...Array.from({ length: w.nodes - 1 }, () => '- role: worker')].join('\n') + '\n'
  const docs: string[] = []
  for (let i = 0; i < w.deployments; i++) {
    docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}}\nspec:\n  replicas: ${w.replicas}\n  selector: {matchLabels: {app: app-${i}}}\n` +
      `  template:\n    metadata: {labels: {app: app-${i}}}\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia\n        ports: [{containerPort: 8080}]\n`)
  }
  // Service i selects Deployment i mod deployments: every Service has endpoints.
  for (let i = 0; i < w.services; i++) docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}}\nspec:\n  selector: {app: app-${i % w.deployments}}\n  ports: [{port: 80, targetPort: 8080}]\n`)
  const steps = [
    'kind create cluster --config kind.yaml >/dev/null 2>&1',
    'kubectl apply -f workload.yaml | tail -n 1',
    // The kubelets pull luksa/kubia (one pull at a time per node, ~50 pods each): every pod runs within two minutes.
    'sleep 120',
    'kubectl get pods --no-headers | grep -c Running',
    'kubectl get endpointslices --no-headers | grep -c 8080',
  ].join('\n') + '\n'
  return { 'kind.yaml': kind, 'workload.yaml': docs.join('---\n'), 'steps.sh': steps }
}

const CHILD = join(ROOT, 'bench/cli-child.mjs')

export interface Run { wallMs: number; cpuMs: number; maxRssMB: number; converged: boolean; detail: string }

export function runCli(w: Workload): Run {
  const dir = mkdtempSync(join(os.tmpdir(), 'kubehop-scale-'))
  try {
    for (const [name, text] of Object.entries(files(w))) writeFileSync(join(dir, name), text)
    const t0 = performance.now()
    const r = spawnSync(process.execPath, [CHILD], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NODE_OPTIONS: '' } })
    const wallMs = performance.now() - t0
    const usage = /USAGE (\{.*\})/.exec(r.stderr ?? '')
    if (!usage) throw new Error(`kubehop run failed: ${(r.stderr ?? '').slice(-400)}`)
    const u = JSON.parse(usage[1]) as { cpuMs: number; maxRssMB: number }
    const counts = (r.stdout ?? '').split('\n').filter((l) => /^\d+$/.test(l)).map(Number)
    const converged = counts[0] === pods(w) && counts[1] === w.services
    return { wallMs, cpuMs: u.cpuMs, maxRssMB: u.maxRssMB, converged, detail: `${counts[0] ?? 0}/${pods(w)} pods Running, ${counts[1] ?? 0}/${w.services} Services with endpoints` }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The machine's load average (1, 5, 15 min) as text: the machine is shared, so every figure carries it. */
export const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ')

function medianRun(w: Workload, runs: number): { run: Run; runs: Run[]; loads: string[] } {
  const all: Run[] = []
  const loads: string[] = []
  for (let i = 0; i < runs; i++) {
    loads.push(load())
    all.push(runCli(w))
  }
  const byWall = [...all].sort((a, b) => a.wallMs - b.wallMs)
  return { run: byWall[byWall.length >> 1], runs: all, loads }
}

const label = (w: Workload) => `${w.nodes} nodes / ${pods(w).toLocaleString('en')} pods / ${w.services.toLocaleString('en')} Services`

/** A target size: median of `runs` (by wall time), with its CPU time, memory and the load at each start. */
function targetFigures(w: Workload, maxS: number, maxMB: number | undefined, runs: number): Figure[] {
  const { run, runs: all, loads } = medianRun(w, runs)
  const seconds = run.wallMs / 1000
  const note = `median of ${all.length} (${all.map((r) => (r.wallMs / 1000).toFixed(1)).join(', ')} s; CPU ${all.map((r) => (r.cpuMs / 1000).toFixed(1)).join(', ')} s); ` +
    `${run.converged ? '' : 'NOT CONVERGED: '}${run.detail}; load ${loads.join('; ')}`
  const figures: Figure[] = [
    { group: 'CLI scale', name: `converge ${label(w)} (bin/kubehop run, wall)`, value: seconds, unit: 's', target: `≤ ${maxS} s`, withinTarget: run.converged && seconds <= maxS, note },
  ]
  if (maxMB !== undefined) {
    const mb = median(all.map((r) => r.maxRssMB))
    figures.push({ group: 'CLI scale', name: `peak memory (max RSS), ${label(w)}`, value: mb, unit: 'MB', target: `≤ ${maxMB} MB`, withinTarget: mb <= maxMB, note: `median of ${all.length} (${all.map((r) => r.maxRssMB.toFixed(0)).join(', ')} MB)` })
  }
  return figures
}

/**
 * The growth curve: 1×, 2×, 4×, 8× of a base size (nodes, pods and Services together), one run each. The CPU time
 * per pod at 8× over that at 1× is the check: O(n log n) from 1× to 8× allows at most 8·log(8n)/log(n) / 8 growth
 * per pod (≈ 1.4 at n = 250); a quadratic cost would give 8.
 */
function curveFigures(base: Workload): Figure[] {
  const out: Figure[] = []
  const rows: { k: number; w: Workload; run: Run; load: string }[] = []
  for (const k of [1, 2, 4, 8]) {
    const w = { nodes: base.nodes * k, deployments: base.deployments * k, replicas: base.replicas, services: base.services * k }
    const l = load()
    rows.push({ k, w, run: runCli(w), load: l })
  }
  const perPod = (r: { w: Workload; run: Run }) => r.run.cpuMs / pods(r.w)
  const n = pods(base)
  const allowed = (Math.log(8 * n) / Math.log(n)) * 1.1 // n log n, plus 10 % for a noisy machine
  for (const r of rows) {
    out.push({ group: 'CLI scale curve', name: `${r.k}×: ${label(r.w)}`, value: r.run.cpuMs / 1000, unit: 's',
      note: `CPU; wall ${(r.run.wallMs / 1000).toFixed(1)} s; ${perPod(r).toFixed(2)} ms CPU per pod; ${r.run.maxRssMB.toFixed(0)} MB; ${r.run.converged ? 'converged' : 'NOT CONVERGED'}; load ${r.load}` })
  }
  const growth = perPod(rows[3]) / perPod(rows[0])
  out.push({ group: 'CLI scale curve', name: 'CPU per pod, 8× over 1×', value: growth, unit: 'count', target: `≤ ${allowed.toFixed(2)} (n log n)`, withinTarget: growth <= allowed,
    note: `per-pod cost ×${rows.slice(1).map((r) => (perPod(r) / perPod(rows[0])).toFixed(2)).join(', ×')} at 2×, 4×, 8× (constant: linear; ×8 at 8×: quadratic)` })
  return out
}

export const TARGETS = {
  services: { nodes: 20, deployments: 1000, replicas: 1, services: 1000 } as Workload,
  pods: { nodes: 100, deployments: 100, replicas: 50, services: 100 } as Workload,
  curve: { nodes: 5, deployments: 250, replicas: 1, services: 250 } as Workload,
}

/** The fixed cost of every CLI run: `bin/kubehop --version` (process start, loading the CLI bundle), wall time. */
function startFigures(runs: number): Figure[] {
  const bin = join(ROOT, 'bin/kubehop')
  spawnSync(process.execPath, [bin, '--version']) // builds the bundle if a source changed since the last run
  const walls: number[] = []
  const loads: string[] = []
  for (let i = 0; i < runs; i++) {
    loads.push(load())
    const t0 = performance.now()
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`kubehop --version failed: ${r.stderr}`)
    walls.push(performance.now() - t0)
  }
  return [{ group: 'CLI scale', name: 'start: bin/kubehop --version (wall)', value: median(walls), unit: 'ms',
    note: `median of ${runs} (${walls.map((w) => w.toFixed(0)).join(', ')} ms); load ${loads[0]} at the first, ${loads[loads.length - 1]} at the last` }]
}

export function cliScaleFigures(runs = 3): FigureSource[] {
  return [
    { name: 'CLI scale: start', run: () => startFigures(Math.max(runs, 5)) },
    { name: 'CLI scale: 1,000 Services', run: () => targetFigures(TARGETS.services, 3, 300, runs) },
    { name: 'CLI scale: 5,000 pods', run: () => targetFigures(TARGETS.pods, 5, undefined, runs) },
    { name: 'CLI scale: curve', run: () => curveFigures(TARGETS.curve) },
  ]
}

if (process.argv[1]?.endsWith('bench/cli-scale.ts')) {
  const i = process.argv.indexOf('--runs')
  const runs = i > 0 ? Number(process.argv[i + 1]) : 3
  const only = process.argv.includes('--curve') ? [3] : process.argv.includes('--targets') ? [0, 1, 2] : [0, 1, 2, 3]
  const figures: Figure[] = []
  for (const s of cliScaleFigures(runs).filter((_, k) => only.includes(k))) figures.push(...(await s.run()))
  console.log(`kubehop CLI scale — ${machine()}; load average ${load()} at the end\n`)
  console.log(table(figures))
}
