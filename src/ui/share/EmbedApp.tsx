// `?embed`: read-only for slides and docs — the topology and the guided steps (Run, replay, packet path); no
// editor, no console, no document controls. "Open in kubehop" leads to the full playground with the same link.
import { TopologyPane } from '../topology/TopologyPane.tsx'
import { useScenario } from '../scenarios/scenarioStore.ts'
import { GuideAside, useGuideVisible } from './DocumentLayer.tsx'

export function EmbedApp() {
  const guide = useGuideVisible()
  const title = useScenario((s) => s.scenario?.meta.title)
  const full = `${location.pathname}${location.hash}`
  return (
    <div className="app app--embed">
      <header className="app-header">
        <h1 className="app-header__title">kubehop</h1>
        {title && <span className="app-header__tagline">{title}</span>}
        <span className="app-header__spacer" />
        <a className="button" href={full} target="_blank" rel="noopener">Open in kubehop</a>
      </header>
      <main className={guide ? 'embed-workspace embed-workspace--guide' : 'embed-workspace'}>
        <TopologyPane />
        {guide && <GuideAside readOnly />}
      </main>
    </div>
  )
}
