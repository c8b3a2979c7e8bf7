// The share document of what is on screen: the tabs, the seed, the scenario and its step, the request.
import type { ShareDocument } from '../../share/index.ts'
import { SHARE_VERSION } from '../../share/index.ts'
import { scenarioStore } from '../scenarios/scenarioStore.ts'
import { getApp } from '../store.ts'
import { shareStore } from './shareStore.ts'

export function currentShareDocument(): ShareDocument {
  const app = getApp()
  const s = scenarioStore.getState()
  const request = shareStore.getState().request.trim()
  const doc: ShareDocument = { v: SHARE_VERSION, files: app.files, active: app.active, seed: app.seed, profile: s.scenario?.meta.profile ?? 'kind' }
  if (s.scenario) doc.scenario = { id: s.scenario.id, steps: s.stepsText, step: s.cursor, ...(s.assets.length ? { assets: s.assets } : {}) }
  if (request) doc.request = request
  return doc
}
