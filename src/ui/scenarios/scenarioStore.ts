// The scenario being walked through: the parsed steps, the cursor (steps already run), each step's check results.
import { createStore, useStore } from 'zustand'
import type { Scenario } from '../../scenarios/types.ts'
import type { DocFile } from '../../worker/protocol.ts'
import type { StepResult } from './stepsModel.ts'

export interface ScenarioState {
  scenario: Scenario | null
  /** The steps.sh text (a share link carries it whole). */
  stepsText: string
  /** Files the steps read that are not tabs (certificates). */
  assets: DocFile[]
  /** Steps run since the start (the next one to run). */
  cursor: number
  results: Record<number, StepResult>
  /** A step (or a replay) is running. */
  busy: boolean
  /** What the panel says while busy or after a problem. */
  note: string | null
  galleryOpen: boolean
}

export const initialScenarioState: ScenarioState = {
  scenario: null, stepsText: '', assets: [], cursor: 0, results: {}, busy: false, note: null, galleryOpen: false,
}

export const scenarioStore = createStore<ScenarioState>()(() => initialScenarioState)

export const useScenario = <T,>(selector: (s: ScenarioState) => T): T => useStore(scenarioStore, selector)
export const setScenario = (patch: Partial<ScenarioState>) => scenarioStore.setState(patch)
