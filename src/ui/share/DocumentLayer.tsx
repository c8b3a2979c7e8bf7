// The pieces sharing and scenarios add to the app: the guide column (steps, packet path) and the dialogs. All of
// them load on first use (their own chunks), so the first paint does not carry the gallery, import or export.
import { Suspense, lazy } from 'react'
import { useWorkspaces } from '../persistence/workspaceSession.ts'
import { useScenario } from '../scenarios/scenarioStore.ts'
import { RequestPath } from './RequestPath.tsx'
import { useShare } from './shareStore.ts'
import '../scenarios/scenarios.css'

const GalleryDialog = lazy(() => import('../scenarios/GalleryDialog.tsx').then((m) => ({ default: m.GalleryDialog })))
const StepsPanel = lazy(() => import('../scenarios/StepsPanel.tsx').then((m) => ({ default: m.StepsPanel })))
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })))
const WorkspacesDialog = lazy(() => import('../persistence/WorkspacesDialog.tsx').then((m) => ({ default: m.WorkspacesDialog })))
const ImportDialog = lazy(() => import('../importExport/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })))

/** The guide column shows while a scenario is open or a replayed request has a packet path. */
export function useGuideVisible(): boolean {
  const scenario = useScenario((s) => s.scenario !== null)
  const request = useShare((s) => s.requestTrace !== null || s.requestPending !== null || s.requestRefused !== null)
  return scenario || request
}

export function GuideAside({ readOnly = false }: { readOnly?: boolean }) {
  const scenario = useScenario((s) => s.scenario !== null)
  return (
    <aside className="guide" aria-label="Guide">
      {scenario && <Suspense fallback={<p className="pane__placeholder">Loading the steps…</p>}><StepsPanel readOnly={readOnly} /></Suspense>}
      <RequestPath />
    </aside>
  )
}

export function DocumentLayer() {
  const gallery = useScenario((s) => s.galleryOpen)
  const share = useShare((s) => s.shareOpen)
  const importing = useShare((s) => s.importOpen)
  const workspaces = useWorkspaces((s) => s.dialogOpen)
  return (
    <Suspense fallback={null}>
      {gallery && <GalleryDialog />}
      {share && <ShareDialog />}
      {importing && <ImportDialog />}
      {workspaces && <WorkspacesDialog />}
    </Suspense>
  )
}
