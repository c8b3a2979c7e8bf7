// The gallery: every built-in scenario by behaviour group, with its summary; choosing one opens it with its steps.
import { useCallback, useEffect, useState } from 'react'
import { Modal } from '../share/Modal.tsx'
import { listGallery, loadScenarioDocument, type GalleryEntry } from './gallery.ts'
import { openScenario } from './scenarioRunner.ts'
import { setScenario, useScenario } from './scenarioStore.ts'
import { setShare } from '../share/shareStore.ts'
import { beginWorkspace } from '../persistence/workspaceSession.ts'

export function GalleryDialog() {
  const open = useScenario((s) => s.galleryOpen)
  const close = useCallback(() => setScenario({ galleryOpen: false }), [])
  if (!open) return null
  return <Modal label="Scenarios" onClose={close} className="gallery"><GalleryList onChosen={close} /></Modal>
}

function GalleryList({ onChosen }: { onChosen: () => void }) {
  const [entries, setEntries] = useState<GalleryEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => { listGallery().then(setEntries, (e: unknown) => setError(String(e))) }, [])
  if (error) return <p role="alert">{error}</p>
  if (!entries) return <p role="status">Loading the gallery…</p>
  const groups = [...new Set(entries.map((e) => e.group))]
  const choose = async (entry: GalleryEntry) => {
    onChosen()
    setShare({ request: '', requestTrace: null, requestPending: null, requestRefused: null })
    const doc = await loadScenarioDocument(entry.id)
    // The scenario gets its own workspace: the user's document is saved and stays as it was ("Close scenario" returns).
    await beginWorkspace('scenario', `Scenario: ${entry.title}`)
    await openScenario(doc)
  }
  return (
    <div className="gallery__groups">
      {groups.map((group) => (
        <section key={group} aria-label={group}>
          <h3>{group}</h3>
          <ul className="gallery__list">
            {entries.filter((e) => e.group === group).map((e) => (
              <li key={e.id}>
                <button type="button" className="gallery__item" onClick={() => void choose(e)} aria-describedby={`gallery-${e.id}`}>
                  <span className="gallery__title">{e.title}</span>
                  <span className="gallery__meta">{e.steps} steps · {e.profile}</span>
                </button>
                <p id={`gallery-${e.id}`} className="gallery__summary">{e.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
