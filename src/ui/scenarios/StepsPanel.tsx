// The guided steps of the open scenario: narration, the commands with a Run button that types them into the
// console, the engine's verdict on each check (pass/fail and why), progress, and replay from any step.
import { useEffect, useRef } from 'react'
import { Markdown } from './Markdown.tsx'
import { closeScenario, goToStep, rerunStep, runCurrentStep } from './scenarioRunner.ts'
import { useScenario } from './scenarioStore.ts'
import { progressText, stepState, type StepResult } from './stepsModel.ts'
import type { ScenarioStep } from '../../scenarios/types.ts'

const BADGE = { passed: '✓', failed: '✗', current: '▶', upcoming: '·' } as const

export function StepsPanel({ readOnly = false }: { readOnly?: boolean }) {
  const scenario = useScenario((s) => s.scenario)
  const cursor = useScenario((s) => s.cursor)
  const results = useScenario((s) => s.results)
  const busy = useScenario((s) => s.busy)
  const note = useScenario((s) => s.note)
  if (!scenario) return null
  const total = scenario.steps.length
  return (
    <section className="steps-panel" aria-label="Steps">
      <header className="steps-panel__header">
        <h2 className="steps-panel__title">{scenario.meta.title}</h2>
        <p className="steps-panel__progress" role="status" aria-label="Scenario progress">{busy && note ? note : progressText(cursor, total, results)}</p>
        <progress max={total} value={cursor} aria-label="Steps run" />
        <div className="steps-panel__actions">
          <button type="button" className="button" disabled={busy || cursor === 0} onClick={() => void goToStep(0)}>Replay from start</button>
          {!readOnly && <button type="button" className="button" disabled={busy} onClick={() => void closeScenario()}>Close scenario</button>}
        </div>
      </header>
      {!busy && note && <p className="steps-panel__note" role="alert">{note}</p>}
      {scenario.intro && cursor === 0 && <Markdown source={scenario.intro} />}
      <ol className="steps-panel__steps">
        {scenario.steps.map((step, i) => (
          <StepItem key={i} index={i} step={step} state={stepState(i, cursor, results)} result={results[i]} busy={busy} />
        ))}
      </ol>
      {cursor >= total && <p className="steps-panel__done">Done: every step ran. “Replay from start” rebuilds the same cluster.</p>}
    </section>
  )
}

function StepItem({ index, step, state, result, busy }: { index: number; step: ScenarioStep; state: ReturnType<typeof stepState>; result?: StepResult; busy: boolean }) {
  const label = `Step ${index + 1}: ${step.title}`
  const open = state === 'current'
  const ref = useRef<HTMLLIElement>(null)
  // The step to run next comes into view (presenter mode steps with the keyboard, far down the list).
  useEffect(() => { if (open) ref.current?.scrollIntoView?.({ block: 'nearest' }) }, [open])
  return (
    <li ref={ref} className={`step step--${state}`} aria-label={label} aria-current={open ? 'step' : undefined}>
      <details open={open || undefined}>
        <summary>
          <span className={`step__badge step__badge--${state}`} aria-hidden="true">{BADGE[state]}</span>
          <span className="step__title">{index + 1}. {step.title}</span>
          {state === 'passed' && <span className="visually-hidden"> (passed)</span>}
          {state === 'failed' && <span className="visually-hidden"> (failed)</span>}
        </summary>
        <Markdown source={step.narration} />
        <pre className="step__commands" aria-label="Commands"><code>{step.commands}</code></pre>
        {state === 'upcoming' && <button type="button" className="button" disabled={busy} onClick={() => void goToStep(index)}>Skip to here</button>}
      </details>
      {state !== 'upcoming' && <div className="step__actions">
        {state === 'current' && <button type="button" className="button button--primary" disabled={busy} onClick={() => void runCurrentStep()}>Run</button>}
        {(state === 'passed' || state === 'failed') && <button type="button" className="button" disabled={busy} onClick={() => void rerunStep(index)}>Run again</button>}
      </div>}
      {state !== 'upcoming' && step.checks.length > 0 && (
        <ul className="step__checks" aria-label="Checks">
          {step.checks.map((c, j) => {
            const r = result?.checks[j]
            return (
              <li key={j} className={r ? (r.pass ? 'check check--pass' : 'check check--fail') : 'check'}>
                <span aria-hidden="true">{r ? (r.pass ? '✓' : '✗') : '○'}</span>{' '}
                <code>{c.source}</code>
                {r && <span className="check__reason"> — {r.pass ? 'passed' : 'failed'}: {r.reason}</span>}
              </li>
            )
          })}
        </ul>
      )}
    </li>
  )
}
