// Reads a scenario's steps.sh (a bash script that also runs on a real kind cluster) into its header, steps,
// narration and checks. Pure: no Node built-ins, so the browser loads scenarios with the same code.
import { CheckSyntaxError, parseCheck } from './checks.ts'
import { BEHAVIOUR_GROUPS, type BehaviourGroup, type ClusterProfileName, type Scenario, type ScenarioDocument, type ScenarioMeta, type ScenarioStep } from './types.ts'

export class ScenarioParseError extends Error {
  constructor(readonly scenario: string, readonly problems: { line: number; message: string }[]) {
    super(`${scenario}/steps.sh: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`)
    this.name = 'ScenarioParseError'
  }
}

const STEP = /^##\s*Step:\s*(.*)$/
const CHECK = /^#check:\s*(.*)$/
const META = /^#\s*(title|group|summary|profile|seed|behaviours):\s*(.*)$/
const PROFILES: ClusterProfileName[] = ['kind', 'minikube', 'gke']

/** Heredoc delimiters opened on a line (`<<EOF`, `<<-'YAML'`, `<< "X"`), in order; not inside quotes. */
function heredocWords(line: string): { word: string; strip: boolean }[] {
  const words: { word: string; strip: boolean }[] = []
  let quote: string | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) {
      if (c === quote) quote = null
      else if (c === '\\' && quote === '"') i++
      continue
    }
    if (c === '\\') {
      i++
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break
    else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
      const m = /^<<(-?)\s*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w.-]*))/.exec(line.slice(i))
      if (m) {
        words.push({ word: m[2] ?? m[3] ?? m[4], strip: m[1] === '-' })
        i += m[0].length - 1
      }
    }
  }
  return words
}

/** Parses a scenario document (its `steps.sh` and the files it references). Throws ScenarioParseError. */
export function parseScenario(doc: ScenarioDocument): Scenario {
  const text = doc.files['steps.sh']
  if (text === undefined) throw new ScenarioParseError(doc.id, [{ line: 0, message: 'missing steps.sh' }])
  const problems: { line: number; message: string }[] = []
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  const meta: Partial<ScenarioMeta> & { seed: number; profile: ClusterProfileName; behaviours: number[] } = { seed: 1, profile: 'kind', behaviours: [] }
  const intro: string[] = []
  const steps: ScenarioStep[] = []
  let step: (ScenarioStep & { body: string[]; inNarration: boolean }) | null = null
  const pendingHeredocs: { word: string; strip: boolean }[] = []

  const finish = () => {
    if (!step) return
    const body = step.body
    let first = 0
    while (first < body.length && body[first].trim() === '') first++
    let last = body.length
    while (last > first && body[last - 1].trim() === '') last--
    step.commands = body.slice(first, last).join('\n')
    step.commandsLine += first
    step.narration = step.narration.trim()
    if (!step.commands.trim()) problems.push({ line: step.line, message: `step "${step.title}" has no commands` })
    const { body: _b, inNarration: _n, ...clean } = step
    steps.push(clean)
    step = null
  }

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]
    const lineNo = n + 1
    if (pendingHeredocs.length) {
      const { word, strip } = pendingHeredocs[0]
      if ((strip ? line.replace(/^\t+/, '') : line) === word) pendingHeredocs.shift()
      if (step) step.body.push(line)
      else problems.push({ line: lineNo, message: 'commands before the first "## Step:"' })
      continue
    }
    const stepMatch = STEP.exec(line)
    if (stepMatch) {
      finish()
      const title = stepMatch[1].trim()
      if (!title) problems.push({ line: lineNo, message: '"## Step:" needs a title' })
      step = { title, narration: '', commands: '', checks: [], line: lineNo, commandsLine: lineNo + 1, body: [], inNarration: true }
      continue
    }
    const checkMatch = CHECK.exec(line.trim())
    if (checkMatch) {
      if (!step) {
        problems.push({ line: lineNo, message: '#check: outside a step' })
        continue
      }
      try {
        step.checks.push({ source: checkMatch[1].trim(), line: lineNo, expr: parseCheck(checkMatch[1]) })
      } catch (e) {
        if (!(e instanceof CheckSyntaxError)) throw e
        problems.push({ line: lineNo, message: `#check: ${e.message}` })
      }
      // A check line is not part of the commands, but keeps the line count of the body in step.
      if (!step.inNarration) step.body.push('')
      else step.commandsLine = lineNo + 1
      continue
    }
    if (!step) {
      if (n === 0 && line.startsWith('#!')) continue
      const m = META.exec(line)
      if (m) {
        const [, key, raw] = m
        const value = raw.trim()
        if (key === 'seed') {
          if (!/^\d+$/.test(value)) problems.push({ line: lineNo, message: `seed must be a non-negative integer, got "${value}"` })
          else meta.seed = Number(value)
        } else if (key === 'profile') {
          if (!PROFILES.includes(value as ClusterProfileName)) problems.push({ line: lineNo, message: `profile must be one of ${PROFILES.join(', ')}, got "${value}"` })
          else meta.profile = value as ClusterProfileName
        } else if (key === 'group') {
          if (!BEHAVIOUR_GROUPS.includes(value as BehaviourGroup)) problems.push({ line: lineNo, message: `group must be one of ${BEHAVIOUR_GROUPS.join(', ')}, got "${value}"` })
          else meta.group = value as BehaviourGroup
        } else if (key === 'behaviours') {
          const nums = value.split(/[\s,]+/).filter(Boolean)
          if (!nums.every((x) => /^\d+$/.test(x) && Number(x) >= 1 && Number(x) <= 29)) problems.push({ line: lineNo, message: `behaviours must be numbers 1-29, got "${value}"` })
          else meta.behaviours = nums.map(Number)
        } else meta[key as 'title' | 'summary'] = value
        continue
      }
      if (line.trim() === '') {
        if (intro.length) intro.push('')
        continue
      }
      if (line.startsWith('#')) {
        intro.push(line.replace(/^# ?/, ''))
        continue
      }
      problems.push({ line: lineNo, message: 'commands before the first "## Step:"' })
      continue
    }
    if (step.inNarration && (line.startsWith('# ') || line === '#')) {
      step.narration += `${line.replace(/^# ?/, '')}\n`
      step.commandsLine = lineNo + 1
      continue
    }
    if (step.inNarration && line.trim() === '' && step.body.length === 0) {
      step.commandsLine = lineNo + 1
      if (step.narration) step.inNarration = false
      continue
    }
    step.inNarration = false
    step.body.push(line)
    pendingHeredocs.push(...heredocWords(line))
  }
  finish()
  if (pendingHeredocs.length) problems.push({ line: lines.length, message: `here-document not closed (wanted "${pendingHeredocs[0].word}")` })
  for (const key of ['title', 'group', 'summary'] as const) if (!meta[key]) problems.push({ line: 1, message: `missing "# ${key}:" header` })
  if (steps.length === 0) problems.push({ line: 1, message: 'no "## Step:" in the script' })
  const hasLifecycle = (re: RegExp) => steps.some((s) => re.test(s.commands))
  if (meta.profile === 'minikube' && !hasLifecycle(/^\s*minikube start\b/m)) problems.push({ line: 1, message: 'profile minikube, but no step runs "minikube start"' })
  if (meta.profile === 'gke' && !hasLifecycle(/^\s*gcloud container clusters create\b/m)) problems.push({ line: 1, message: 'profile gke, but no step runs "gcloud container clusters create"' })
  if (problems.length) throw new ScenarioParseError(doc.id, problems)
  return { id: doc.id, meta: meta as ScenarioMeta, intro: intro.join('\n').trim(), steps, files: doc.files }
}

/** The file a command names (`-f ./app.yaml`, `--config kind-config.yaml`), as a key of the document's files. */
export function scenarioFilePath(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}
