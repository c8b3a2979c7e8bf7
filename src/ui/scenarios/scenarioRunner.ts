// Opens a scenario (its files as tabs, a fresh seeded cluster), runs its steps through the console and has the
// engine grade their checks, and replays: back to the start state (same seed ⇒ same pods and IPs), then the
// earlier steps again, in order.
import { ScenarioParseError, parseScenario } from '../../scenarios/parse.ts'
import type { ScenarioDocument } from '../../scenarios/types.ts'
import type { DocFile } from '../../worker/protocol.ts'
import { switchWorkspace, workspaceStore } from '../persistence/workspaceSession.ts'
import { getApp } from '../store.ts'
import { commandLines } from './commandLines.ts'
import { exclusive, runtimeEngine, typeLine } from './runtime.ts'
import { initialScenarioState, scenarioStore, setScenario } from './scenarioStore.ts'
import { resultOf, splitScenarioFiles } from './stepsModel.ts'

export interface OpenOptions {
  /** Steps to run right away (a share link's step). */
  step?: number
  /** Tabs to use instead of the scenario's own (a shared, edited document). */
  tabs?: DocFile[]
  active?: string
  assets?: DocFile[]
  seed?: number
  /** Stop replaying steps after this long (a link's steps are a stranger's): the rest wait for Run. */
  deadlineMs?: number
}

/** Opens a scenario document; throws ScenarioParseError when its steps.sh is not valid. */
export function openScenario(doc: ScenarioDocument, options: OpenOptions = {}): Promise<void> {
  const scenario = parseScenario(doc)
  const own = splitScenarioFiles(doc.files)
  const tabs = options.tabs ?? own.tabs
  const assets = options.assets ?? own.assets
  const seed = options.seed ?? scenario.meta.seed
  return exclusive(async () => {
    setScenario({ ...initialScenarioState, scenario, stepsText: doc.files['steps.sh'], assets, busy: true, note: 'Starting a fresh cluster…' })
    await runtimeEngine().reset(seed, [...tabs, ...assets])
    getApp().replaceDocument({ files: tabs, active: options.active, seed, autoApply: false })
    await replayTo(Math.min(options.step ?? 0, scenario.steps.length), options.deadlineMs)
  })
}

/** Runs steps [cursor, target) one after another (none started once `deadlineMs` has passed). */
async function replayTo(target: number, deadlineMs = Infinity): Promise<void> {
  const end = Date.now() + deadlineMs
  let stopped = -1
  try {
    for (let i = scenarioStore.getState().cursor; i < target; i++) {
      if (Date.now() > end) { stopped = i; break }
      await runStepNow(i)
    }
  } finally {
    setScenario({ busy: false, note: stopped >= 0 ? `Replaying the link took too long: stopped before step ${stopped + 1}. Run it when you are ready.` : null })
  }
}

async function runStepNow(index: number): Promise<void> {
  const { scenario } = scenarioStore.getState()
  if (!scenario) return
  const step = scenario.steps[index]
  setScenario({ busy: true, note: `Running step ${index + 1}: ${step.title}` })
  const engine = runtimeEngine()
  engine.stepBegin()
  for (const line of commandLines(step.commands)) await typeLine(line)
  const checks = await engine.stepChecks(step.checks.map((c) => c.source))
  const s = scenarioStore.getState()
  setScenario({ cursor: index + 1, results: { ...s.results, [index]: resultOf(checks) } })
}

/** Runs the step at the cursor (the "Run" button). */
export function runCurrentStep(): Promise<void> {
  return exclusive(async () => {
    const { scenario, cursor } = scenarioStore.getState()
    if (!scenario || cursor >= scenario.steps.length) return
    try { await runStepNow(cursor) } finally { setScenario({ busy: false, note: null }) }
  })
}

/** Back to the scenario's start state (fresh cluster, same seed, the current tabs), then steps [0, index) again. */
export function goToStep(index: number): Promise<void> {
  return exclusive(async () => {
    const { scenario, assets } = scenarioStore.getState()
    if (!scenario) return
    const { files, seed } = getApp()
    setScenario({ cursor: 0, results: {}, busy: true, note: 'Back to the start: a fresh cluster with the same seed…' })
    await runtimeEngine().reset(seed, [...files, ...assets])
    await replayTo(Math.max(0, Math.min(index, scenario.steps.length)))
  })
}

/** Replays up to `index` and runs it again ("Run again" on a finished step). */
export async function rerunStep(index: number): Promise<void> {
  await goToStep(index)
  await runCurrentStep()
}

/**
 * Leaves the scenario: back to the workspace the user was in when it opened (the scenario's own workspace keeps its
 * state); without one, the tabs stay as a playground document applied to a fresh cluster.
 */
export async function closeScenario(): Promise<void> {
  const { current } = workspaceStore.getState()
  if (current.origin === 'scenario' && current.returnTo && await switchWorkspace(current.returnTo)) return
  return exclusive(async () => {
    const { files, seed, active } = getApp()
    setScenario({ ...initialScenarioState })
    await runtimeEngine().reset(seed, files)
    getApp().replaceDocument({ files, active, seed, autoApply: true })
  })
}

export { ScenarioParseError }
