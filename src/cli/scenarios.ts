// Loads the scenario gallery (scenarios/<id>/: steps.sh, manifests, kind config, transcript.txt) from disk
// into the documents that src/scenarios parses and runs, in Node as in the browser.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseScenario } from '../scenarios/parse.ts'
import type { Scenario, ScenarioDocument } from '../scenarios/types.ts'

export const GALLERY_ROOT = resolve(__dirname, '../../scenarios')

/** Files of the document: every text file of the folder (recursively), keyed by relative path; not the transcript. */
function readScenarioDocument(dir: string): ScenarioDocument {
  const files: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name !== 'transcript.txt') files[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8')
    }
  }
  walk(dir)
  return { id: dir.split(/[\\/]/).filter(Boolean).pop()!, files }
}

export function loadScenario(dir: string): Scenario {
  return parseScenario(readScenarioDocument(dir))
}

/** Folder names of the gallery (those holding a steps.sh), sorted. */
export function galleryIds(root = GALLERY_ROOT): string[] {
  return readdirSync(root).filter((d) => existsSync(join(root, d, 'steps.sh'))).sort()
}
