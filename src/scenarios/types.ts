// A gallery scenario: a folder of plain files whose `steps.sh` runs unchanged on a real kind cluster and
// through kubehop. The browser and the CLI load the same document; see scenarios/README.md.
import type { CheckExpr } from './checks.ts'

export type ClusterProfileName = 'kind' | 'minikube' | 'gke'

/** The behaviour groups of docs/behaviours.md (its section headings). */
export const BEHAVIOUR_GROUPS = ['Pods and controllers', 'Services', 'Getting in from outside', 'Troubleshooting views'] as const
export type BehaviourGroup = (typeof BEHAVIOUR_GROUPS)[number]

/** A scenario as files: `steps.sh` plus the manifests and kind config it names by relative path. */
export interface ScenarioDocument {
  id: string
  files: Record<string, string>
}

export interface ScenarioMeta {
  title: string
  group: BehaviourGroup
  summary: string
  /** The cluster the steps create (or the default kind cluster). Default `kind`. */
  profile: ClusterProfileName
  /** Seed of `bin/kubehop run --seed N` for the reviewed transcript. Default 1. */
  seed: number
  /** Numbers of the behaviours (docs/behaviours.md) the scenario demonstrates. */
  behaviours: number[]
}

export interface ScenarioCheck {
  /** The expression as written after `#check:`. */
  source: string
  /** 1-based line in steps.sh. */
  line: number
  expr: CheckExpr
}

export interface ScenarioStep {
  title: string
  /** Markdown, from the `# ` lines right under `## Step:` (the comment marker removed). */
  narration: string
  /** The step's shell text, exactly as in steps.sh (comments inside it included; bash ignores them). */
  commands: string
  checks: ScenarioCheck[]
  /** 1-based line of the `## Step:` marker. */
  line: number
  /** 1-based line in steps.sh of the first line of `commands`. */
  commandsLine: number
}

export interface Scenario {
  id: string
  meta: ScenarioMeta
  /** Markdown from free `# ` lines of the header (after the `key: value` lines), may be empty. */
  intro: string
  steps: ScenarioStep[]
  files: Record<string, string>
}
