// Ordered migrations of the shared document, oldest first (the mermaid live editor's habit): a link of any
// older version is lifted one version at a time to the current one, so old links keep working.
//
// Version 1 is the playground's first document: one manifest text (`{ v: 1, text, seed? }`, the shape of the
// `kubehop.document.v1` autosave). Version 2 holds files (tabs), and optional profile, scenario and request.
import { SHARE_VERSION } from './document.ts'
import { ShareLinkError } from './errors.ts'

type Raw = Record<string, unknown>

interface Migration { from: number; migrate(doc: Raw): Raw }

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    migrate: (doc) => ({
      v: 2,
      files: [{ name: 'app.yaml', text: typeof doc.text === 'string' ? doc.text : '' }],
      seed: doc.seed ?? 1,
    }),
  },
]

/** Lifts `raw` to the current version. Throws for versions from the future or unknown ones. */
export function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw // validation reports it
  let doc = raw as Raw
  const v = doc.v
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ShareLinkError('invalid', 'the document has no version')
  if (v > SHARE_VERSION) throw new ShareLinkError('newer', `this link was made by a newer kubehop (document version ${v}; this one reads up to ${SHARE_VERSION})`)
  for (const m of MIGRATIONS) if (doc.v === m.from) doc = m.migrate(doc)
  return doc
}
