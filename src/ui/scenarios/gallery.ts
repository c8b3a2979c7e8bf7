// The built-in gallery, bundled from scenarios/<id>/ at build time. Every file is its own lazy chunk: nothing of
// the gallery is in the first paint; the dialog loads the 24 steps.sh headers when it opens.
import type { ScenarioDocument } from '../../scenarios/types.ts'
import { parseScenario } from '../../scenarios/parse.ts'

const FILES = import.meta.glob<string>(['/scenarios/*/*', '!/scenarios/*/transcript.txt'], { query: '?raw', import: 'default' })

export interface GalleryEntry { id: string; title: string; group: string; summary: string; steps: number; profile: string }

const idOf = (path: string) => path.split('/')[2]
const nameOf = (path: string) => path.split('/').slice(3).join('/')

const galleryIds = (): string[] => [...new Set(Object.keys(FILES).map(idOf))].sort()

/** Reads one scenario folder (all its files). */
export async function loadScenarioDocument(id: string): Promise<ScenarioDocument> {
  const paths = Object.keys(FILES).filter((p) => idOf(p) === id)
  if (!paths.length) throw new Error(`no scenario ${JSON.stringify(id)} in the gallery`)
  const texts = await Promise.all(paths.map((p) => FILES[p]()))
  return { id, files: Object.fromEntries(paths.map((p, i) => [nameOf(p), texts[i]])) }
}

let listing: Promise<GalleryEntry[]> | null = null

/** Title, group and summary of every scenario (from the steps.sh headers), in folder order. */
export function listGallery(): Promise<GalleryEntry[]> {
  listing ??= Promise.all(galleryIds().map(async (id) => {
    const steps = await FILES[`/scenarios/${id}/steps.sh`]()
    const s = parseScenario({ id, files: { 'steps.sh': steps } })
    return { id, title: s.meta.title, group: s.meta.group, summary: s.meta.summary, steps: s.steps.length, profile: s.meta.profile }
  }))
  return listing
}
