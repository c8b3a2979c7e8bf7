// The header's document controls: the scenario gallery, Share, Import, Export, presenter mode.
import { setScenario } from '../scenarios/scenarioStore.ts'
import { setShare, useShare } from './shareStore.ts'

export function HeaderControls() {
  const present = useShare((s) => s.present)
  return (
    <nav className="header-controls" aria-label="Document">
      <button type="button" className="button" onClick={() => setScenario({ galleryOpen: true })}>Scenarios</button>
      <button type="button" className="button" onClick={() => setShare({ shareOpen: true })}>Share</button>
      <button type="button" className="button" onClick={() => setShare({ importOpen: true })}>Import</button>
      <button type="button" className="button" onClick={() => void import('../importExport/exportDocument.ts').then((m) => m.exportDocument())}>Export</button>
      <button type="button" className="button" aria-pressed={present} onClick={() => setShare({ present: !present })}
        title="Large type; → or Space runs the next step, ← goes back one">Presenter mode</button>
    </nav>
  )
}
