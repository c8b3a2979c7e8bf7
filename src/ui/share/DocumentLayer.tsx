// The pieces sharing and scenarios add to the app: the guide column (steps, packet path) and the dialogs.
import { GalleryDialog } from '../scenarios/GalleryDialog.tsx'
import { StepsPanel } from '../scenarios/StepsPanel.tsx'
import { useScenario } from '../scenarios/scenarioStore.ts'
import { ImportDialog } from '../importExport/ImportDialog.tsx'
import { RequestPath } from './RequestPath.tsx'
import { ShareDialog } from './ShareDialog.tsx'
import { useShare } from './shareStore.ts'
import '../scenarios/scenarios.css'

/** The guide column shows while a scenario is open or a replayed request has a packet path. */
export function useGuideVisible(): boolean {
  const scenario = useScenario((s) => s.scenario !== null)
  const request = useShare((s) => s.requestTrace !== null)
  return scenario || request
}

export function GuideAside({ readOnly = false }: { readOnly?: boolean }) {
  return (
    <aside className="guide" aria-label="Guide">
      <StepsPanel readOnly={readOnly} />
      <RequestPath />
    </aside>
  )
}

export function DocumentLayer() {
  return (
    <>
      <GalleryDialog />
      <ShareDialog />
      <ImportDialog />
    </>
  )
}
