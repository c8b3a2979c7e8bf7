// The shared document: what a link carries (files, cluster profile, seed, scenario and step, a request to
// replay). Every field added after version 2 must be optional, so links made before it keep working.
import { MAX_FILES, MAX_REQUEST_CHARS, MAX_STEPS_CHARS, MAX_TEXT_CHARS } from './limits.ts'
import { ShareLinkError } from './errors.ts'

export const SHARE_VERSION = 2

type ProfileName = 'kind' | 'minikube' | 'gke'
interface SharedFile { name: string; text: string }

/** A scenario in progress: its steps.sh (the link carries it whole, so it opens the same even if the gallery changes). */
export interface SharedScenario {
  id: string
  /** The scenario's steps.sh text. */
  steps: string
  /** Steps already run (0 = at the start); opening the link runs them again, in order, on a fresh cluster. */
  step: number
  /** Files the steps read that are not editor tabs (certificates, keys). */
  assets?: SharedFile[]
}

export interface ShareDocument {
  v: typeof SHARE_VERSION
  /** Editor tabs: manifests and the kind config. */
  files: SharedFile[]
  /** The tab in front. */
  active?: string
  /** Seed of the simulation: same seed and same files ⇒ same pods, same IPs, same packet paths. */
  seed: number
  /** The cluster profile the document runs on (kind unless a scenario creates another). */
  profile?: ProfileName
  scenario?: SharedScenario
  /** A console line to run after the replay, whose packet path is shown (e.g. `curl -s http://172.18.0.3:30123/`). */
  request?: string
}

const FILE_NAME = /^[\w.-]{1,64}$/
const SCENARIO_ID = /^[\w.-]{1,64}$/
const PROFILES: ProfileName[] = ['kind', 'minikube', 'gke']

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const fail = (message: string): never => { throw new ShareLinkError('invalid', message) }

function files(value: unknown, what: string): SharedFile[] {
  if (!Array.isArray(value)) return fail(`${what} must be a list of files`)
  if (value.length > MAX_FILES) fail(`${what} has ${value.length} files (at most ${MAX_FILES})`)
  const seen = new Set<string>()
  return value.map((f, i) => {
    if (!isObject(f) || typeof f.name !== 'string' || typeof f.text !== 'string') return fail(`${what}[${i}] must have a name and a text`)
    if (!FILE_NAME.test(f.name) || f.name.startsWith('.')) fail(`${what}[${i}] has an unusable file name`)
    if (seen.has(f.name)) fail(`${what} names ${JSON.stringify(f.name)} twice`)
    seen.add(f.name)
    return { name: f.name, text: f.text }
  })
}

/** Checks the shape of a current-version document; only known fields are kept. Throws ShareLinkError('invalid'). */
export function validateDocument(raw: unknown): ShareDocument {
  if (!isObject(raw)) return fail('the link does not hold a document')
  if (raw.v !== SHARE_VERSION) fail(`unexpected version ${String(raw.v)}`)
  const doc: ShareDocument = { v: SHARE_VERSION, files: files(raw.files, 'files'), seed: 1 }
  if (!doc.files.length) fail('the document has no files')
  if (!doc.files.every((f) => /\.(ya?ml|json)$/i.test(f.name))) fail('editor files must be .yaml, .yml or .json')
  if (typeof raw.seed !== 'number' || !Number.isSafeInteger(raw.seed) || raw.seed < 0) fail('seed must be a non-negative integer')
  doc.seed = raw.seed as number
  if (raw.active !== undefined) {
    if (typeof raw.active !== 'string' || !doc.files.some((f) => f.name === raw.active)) fail('the active tab is not one of the files')
    doc.active = raw.active as string
  }
  if (raw.profile !== undefined) {
    if (!PROFILES.includes(raw.profile as ProfileName)) fail(`unknown cluster profile ${JSON.stringify(String(raw.profile)).slice(0, 40)}`)
    doc.profile = raw.profile as ProfileName
  }
  if (raw.scenario !== undefined) {
    const s = raw.scenario
    if (!isObject(s)) return fail('scenario must be an object')
    if (typeof s.id !== 'string' || !SCENARIO_ID.test(s.id)) fail('scenario id is not a plain name')
    if (typeof s.steps !== 'string' || s.steps.length > MAX_STEPS_CHARS) fail('scenario steps are missing or too long')
    if (typeof s.step !== 'number' || !Number.isSafeInteger(s.step) || s.step < 0 || s.step > 200) fail('scenario step must be a small non-negative integer')
    doc.scenario = { id: s.id as string, steps: s.steps as string, step: s.step as number }
    if (s.assets !== undefined) doc.scenario.assets = files(s.assets, 'scenario assets')
  }
  if (raw.request !== undefined) {
    if (typeof raw.request !== 'string' || raw.request.length > MAX_REQUEST_CHARS || /[\r\n]/.test(raw.request)) fail('request must be one short console line')
    doc.request = raw.request as string
  }
  const chars = [...doc.files, ...(doc.scenario?.assets ?? [])].reduce((n, f) => n + f.text.length, 0)
  if (chars > MAX_TEXT_CHARS) fail(`the files hold ${chars} characters (at most ${MAX_TEXT_CHARS})`)
  return doc
}
