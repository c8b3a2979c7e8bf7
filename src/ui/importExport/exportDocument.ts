// "Export": the document on screen as a zip folder that runs on a real kind cluster (see exportZip.ts).
import { scenarioStore } from '../scenarios/scenarioStore.ts'
import { download } from '../share/download.ts'
import { shareStore } from '../share/shareStore.ts'
import { getApp } from '../store.ts'
import { exportFiles, zipFolder } from './exportZip.ts'

export function exportDocument(): void {
  const app = getApp()
  const s = scenarioStore.getState()
  const folder = s.scenario?.id ?? 'kubehop-export'
  const files = exportFiles({
    files: app.files, seed: app.seed, request: shareStore.getState().request || undefined,
    scenario: s.scenario ? { id: s.scenario.id, steps: s.stepsText, assets: s.assets } : undefined,
  })
  download(`${folder}.zip`, zipFolder(folder, files), 'application/zip')
}
