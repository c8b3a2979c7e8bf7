// The steps panel's logic, apart from React: which files become editor tabs, each step's state, the progress line.
import type { CheckView, DocFile } from '../../worker/protocol.ts'
import { validFileName } from '../store.ts'

export interface StepResult { checks: CheckView[]; passed: boolean }

export type StepState = 'passed' | 'failed' | 'current' | 'upcoming'

export const PLACEHOLDER_FILE: DocFile = { name: 'notes.yaml', text: '# This scenario creates its objects from the console: follow the steps.\n' }

/** Manifests and kind config become tabs; everything else the steps read (certificates, keys) stays an asset. */
export function splitScenarioFiles(files: Record<string, string>): { tabs: DocFile[]; assets: DocFile[] } {
  const tabs: DocFile[] = []
  const assets: DocFile[] = []
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (name === 'steps.sh' || name === 'transcript.txt' || name.includes('/')) continue
    ;(validFileName(name) ? tabs : assets).push({ name, text })
  }
  return { tabs: tabs.length ? tabs : [PLACEHOLDER_FILE], assets }
}

/** Done steps show pass/fail (a step without checks passes), the one at the cursor is current. */
export function stepState(index: number, cursor: number, results: Record<number, StepResult>): StepState {
  if (index < cursor) return results[index]?.passed === false ? 'failed' : 'passed'
  return index === cursor ? 'current' : 'upcoming'
}

export function progressText(cursor: number, total: number, results: Record<number, StepResult>): string {
  const checks = Object.values(results).flatMap((r) => r.checks)
  const passed = checks.filter((c) => c.pass).length
  const head = cursor >= total ? `All ${total} steps run` : `Step ${cursor + 1} of ${total}`
  return checks.length ? `${head} · ${passed} of ${checks.length} checks passed` : head
}

export function resultOf(checks: CheckView[]): StepResult {
  return { checks, passed: checks.every((c) => c.pass) }
}
