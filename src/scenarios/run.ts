// Runs a scenario step by step in a shell session (the same one the console and the CLI use) and grades each
// step with its checks. Pure, for the tests; the browser runs a step in the engine worker (worker/engineHost.ts) and
// grades it with the same checks.ts.
import { ShellSession } from '../shell/session.ts'
import type { StatementRecord } from '../shell/script/types.ts'
import { evaluateCheck, type CheckResult } from './checks.ts'
import { scenarioFilePath } from './parse.ts'
import type { Scenario, ScenarioCheck, ScenarioStep } from './types.ts'

interface CheckOutcome extends CheckResult {
  check: ScenarioCheck
}

interface StepRun {
  index: number
  step: ScenarioStep
  records: StatementRecord[]
  checks: CheckOutcome[]
  /** True when every check of the step passed (a step without checks passes). */
  passed: boolean
}

export interface ScenarioRun {
  scenario: Scenario
  steps: StepRun[]
  passed: boolean
}

/** What a scenario needs from a shell: run text statement by statement, and its variables for `$NAME` in checks. */
export interface ScenarioShell {
  iterate(text: string): Iterable<StatementRecord>
  readonly state: { vars: Record<string, string> }
}

/** A fresh session for the scenario: its header's seed, and its files for `-f app.yaml` / `--config`. */
function sessionFor(scenario: Scenario, seed = scenario.meta.seed): ShellSession {
  return new ShellSession({ seed, readFile: (path) => scenario.files[scenarioFilePath(path)] })
}

/** Runs one step's commands and evaluates its checks. */
function runStep(shell: ScenarioShell, step: ScenarioStep, index: number): StepRun {
  const records = [...shell.iterate(step.commands)]
  const checks = step.checks.map((check) => ({ check, ...evaluateCheck(check.expr, records, shell.state.vars) }))
  return { index, step, records, checks, passed: checks.every((c) => c.pass) }
}

/** Runs every step in order (yielding as each one ends, for a console that shows progress). */
function* iterateScenario(scenario: Scenario, shell: ScenarioShell = sessionFor(scenario)): Generator<StepRun> {
  for (let i = 0; i < scenario.steps.length; i++) yield runStep(shell, scenario.steps[i], i)
}

export function runScenario(scenario: Scenario, shell: ScenarioShell = sessionFor(scenario)): ScenarioRun {
  const steps = [...iterateScenario(scenario, shell)]
  return { scenario, steps, passed: steps.every((s) => s.passed) }
}
