// The long fuzzing run: the properties `npm test` runs a bounded number of times, for as long as you like.
//   npx tsx bench/fuzz-long.ts [--runs N] [--seed S] [--only stories,sequences,shell,determinism,hostile,api,manifests,dataplane,names,nesting]
// Prints the cases tried per property and, for a failure, the shrunk counterexample as a script that
// `bin/kubehop run` can replay (manifests inlined as here-documents).
import fc from 'fast-check'
import { commandSequence, hostileShellLine, storySequence } from '../src/fuzz/commands.ts'
import type { FuzzCommand } from '../src/fuzz/commands.ts'
import { anyManifest, hostileText, toManifest, almostValid, validManifest } from '../src/fuzz/manifests.ts'
import { FuzzSession, applyThroughApi, runSequence, storeFingerprint } from '../src/fuzz/harness.ts'
import { checkCluster, checkPrototypes } from '../src/fuzz/invariants.ts'
import { Cluster } from '../src/engine/cluster/cluster.ts'
import { defaultKindProfile } from '../src/engine/cluster/kind-config.ts'
import { parseManifests } from '../src/engine/manifest/index.ts'
import { compileProxyRules, newNodeDataplaneState, traceNodePacket } from '../src/engine/dataplane/index.ts'
import { SeededRandom } from '../src/engine/sim/random.ts'
import { NODE, packetFor, servicesGen } from '../src/fuzz/dataplane-gen.ts'
import { namedCommand, namedManifest, nestedLine } from '../src/fuzz/names.ts'
import { namedSession, nestedRun } from '../src/fuzz/names-properties.ts'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1]
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`))
  return eq ? eq.slice(name.length + 3) : fallback
}

const runs = Number(arg('runs', '500'))
const seed = Number(arg('seed', String(Date.now() % 2 ** 31)))
const only = arg('only', '')

/** A failing command sequence as a script anyone can replay with `bin/kubehop run --seed N -`. */
export function asScript(commands: FuzzCommand[]): string {
  return commands.map((c) => {
    if (c.manifest === undefined) return c.line
    const body = c.manifest.endsWith('\n') ? c.manifest : `${c.manifest}\n`
    return c.line.replace('@FILE@', '-') + ` <<'FUZZ_EOF'\n${body}FUZZ_EOF`
  }).join('\n')
}

/** The slowest step seen (tests no longer time steps: a hang is vitest's timeout, and speed is reported here). */
const slowest = { ms: 0, what: '' }
function noteSteps(ms: number[], lines: string[]): void {
  ms.forEach((m, i) => { if (m > slowest.ms) Object.assign(slowest, { ms: m, what: lines[i] ?? '' }) })
}

interface Outcome { name: string; tried: number; shrinks: number; failed: boolean; ms: number; counterexample?: string }

function run<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => string[], numRuns: number, show: (value: T) => string): Outcome {
  const t0 = performance.now()
  const details = fc.check(fc.property(arb, (value) => {
    const violations = predicate(value)
    if (violations.length) throw new Error(violations.join('\n'))
  }), { numRuns, seed })
  const ms = performance.now() - t0
  const tried = details.numRuns
  const shrinks = details.numShrinks
  if (!details.failed) return { name, tried, shrinks, failed: false, ms }
  const value = details.counterexample?.[0] as T
  const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
  return { name, tried, shrinks, failed: true, ms, counterexample: `${message}\n--- counterexample (seed ${seed}, path ${details.counterexamplePath}):\n${value === undefined ? '(none)' : show(value)}` }
}

const properties: Record<string, (n: number) => Outcome> = {
  sequences: (n) => run('command sequences keep the invariants', fc.tuple(commandSequence, fc.integer({ min: 1, max: 10_000 })), ([commands, s]) => {
    const r = runSequence(s, commands)
    noteSteps(r.ms, commands.map((c) => c.line))
    return r.failure ? [`step ${r.failure.step} (${r.failure.line}):`, ...r.failure.violations] : []
  }, n, ([commands, s]) => `# bin/kubehop run --seed ${s} -\n${asScript(commands)}`),

  stories: (n) => run('app stories (traffic, probes, patches) keep the invariants', fc.tuple(storySequence, fc.integer({ min: 1, max: 10_000 })), ([commands, s]) => {
    const r = runSequence(s, commands)
    noteSteps(r.ms, commands.map((c) => c.line))
    return r.failure ? [`step ${r.failure.step} (${r.failure.line}):`, ...r.failure.violations] : []
  }, n, ([commands, s]) => `# bin/kubehop run --seed ${s} -\n${asScript(commands)}`),

  shell: (n) => {
    const fuzz = new FuzzSession(1)
    return run('hostile shell lines end, no exception', hostileShellLine(2000), (line) => {
      const step = fuzz.step(line)
      noteSteps([step.ms], [line])
      return step.violations
    }, n, (line) => line)
  },

  determinism: (n) => run('same seed, same transcript', fc.tuple(commandSequence, fc.integer({ min: 1, max: 10_000 })), ([commands, s]) => {
    const a = runSequence(s, commands)
    const b = runSequence(s, commands)
    return a.transcript === b.transcript ? [] : ['two runs with one seed printed different transcripts']
  }, Math.max(1, Math.floor(n / 5)), ([commands, s]) => `# bin/kubehop run --seed ${s} -\n${asScript(commands)}`),

  hostile: (n) => {
    const fuzz = new FuzzSession(1)
    return run('kubectl apply of hostile text', hostileText, (text) => {
      const cluster = fuzz.session.cluster!
      const before = cluster.store.version
      const step = fuzz.step(`kubectl apply -f ${fuzz.file(text)}`)
      const out = [...step.violations, ...checkPrototypes()]
      const r = step.records[0]
      if (r && r.exitCode !== 0 && !r.chunks.some((c) => /created|configured/.test(c.text)) && cluster.store.version !== before) out.push('a failed apply changed the store')
      fuzz.step('kubectl delete deployment huge many --ignore-not-found')
      return out
    }, n, (text) => `kubectl apply -f - <<'FUZZ_EOF'\n${text.length > 2000 ? text.slice(0, 2000) + `... (${text.length} chars)` : text}\nFUZZ_EOF`)
  },

  api: (n) => run('API writes keep the cluster sound', fc.tuple(fc.array(fc.oneof(validManifest, almostValid.map((a) => toManifest([a.object])), anyManifest), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1000 })), ([steps, s]) => {
    const cluster = new Cluster(defaultKindProfile(), s)
    for (const text of steps) {
      const before = storeFingerprint(cluster)
      const r = applyThroughApi(cluster, text)
      const v = [...r.violations, ...checkCluster(cluster)]
      if (v.length) return [`after applying:\n${text.slice(0, 1500)}`, ...v, `store before: ${before.length} chars`]
    }
    return []
  }, Math.max(1, Math.floor(n / 3)), ([steps, s]) => `# seed ${s}\n${steps.map((t) => `kubectl apply -f - <<'FUZZ_EOF'\n${t}\nFUZZ_EOF`).join('\n')}`),

  manifests: (n) => run('manifest parsing is total and safe', anyManifest, (text) => {
    // CPU time, not wall time: on a shared machine a nice'd run can wait seconds for a core between two lines.
    const t0 = process.cpuUsage()
    parseManifests(text, 'fuzz.yaml')
    const used = process.cpuUsage(t0)
    const ms = (used.user + used.system) / 1000
    return [...checkPrototypes(), ...(ms > 1500 ? [`parse took ${ms.toFixed(0)} ms of CPU`] : [])]
  }, n * 4, (text) => text.slice(0, 2000)),

  names: (n) => run('JavaScript object names are ordinary keys and names', fc.tuple(namedManifest, fc.array(namedCommand, { minLength: 1, maxLength: 6 })), namedSession,
    n, ([manifest, commands]) => `kubectl apply -f - <<'FUZZ_EOF'\n${manifest}FUZZ_EOF\nkubectl create deployment web --image=nginx\n${commands.join('\n')}`),

  nesting: (n) => run('deep shell nesting runs or fails in bash\'s words', nestedLine, nestedRun, n, (line) => line.slice(0, 2000)),

  dataplane: (n) => run('traces terminate with chained hops', servicesGen.chain((services) => fc.tuple(fc.constant(services), fc.array(packetFor(services), { minLength: 1, maxLength: 10 }), fc.integer())), ([services, cases, s]) => {
    const rules = compileProxyRules({ nodeName: NODE.name, nodeIPs: [NODE.ip], clusterCIDR: '10.244.0.0/16', services: services.map((x) => x.service), endpointSlices: services.map((x) => x.slice) })
    const state = newNodeDataplaneState()
    const out: string[] = []
    const random = new SeededRandom(s)
    for (const c of cases) {
      const r = traceNodePacket(rules, state, c.packet, { random, now: 1000, localAddresses: [NODE.ip, NODE.gateway] })
      let src = `${c.packet.src.ip}${c.packet.src.port ? ':' + c.packet.src.port : ''}`
      let dst = `${c.packet.dst.ip}${c.packet.dst.port ? ':' + c.packet.dst.port : ''}`
      for (const h of r.hops) {
        if (h.src !== src || h.dst !== dst) out.push(`${c.target}: hop ${h.action} starts at ${h.src}→${h.dst}, packet was ${src}→${dst}`)
        src = h.srcAfter
        dst = h.dstAfter
      }
    }
    return out
  }, n * 4, ([services, cases]) => JSON.stringify({ services: services.map((x) => [x.service, x.slice]), packets: cases }, null, 1)),
}

const selected = only ? only.split(',') : Object.keys(properties)
console.log(`kubehop fuzz-long: seed ${seed}, --runs ${runs} (node ${process.version})`)
let failed = false
let total = 0
for (const name of selected) {
  const property = properties[name]
  if (!property) {
    console.error(`unknown property ${name}; choose from ${Object.keys(properties).join(', ')}`)
    process.exit(2)
  }
  const outcome = property(runs)
  total += outcome.tried
  console.log(`${outcome.failed ? 'FAIL' : 'ok  '} ${outcome.name.padEnd(40)} ${String(outcome.tried).padStart(7)} cases  ${(outcome.ms / 1000).toFixed(1)} s${outcome.failed ? ` (${outcome.shrinks} shrinks)` : ''}`)
  if (outcome.counterexample) {
    failed = true
    console.log(outcome.counterexample.split('\n').map((l) => `     ${l}`).join('\n'))
  }
}
console.log(`${total} cases tried${failed ? ', counterexamples above' : ', no counterexample'}`)
if (slowest.ms) console.log(`slowest step: ${slowest.ms.toFixed(0)} ms: ${slowest.what.slice(0, 120)}`)
process.exit(failed ? 1 : 0)
