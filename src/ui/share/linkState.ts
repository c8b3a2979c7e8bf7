// The link the page was opened with, decoded once before the first render (so a broken link shows the error
// view at once, never a blank page or a flash of the app).
import { ShareLinkError, decodeShare, type ShareDocument } from '../../share/index.ts'

export type InitialLink = { doc: ShareDocument | null; error: string | null }

function readLink(hash: string): InitialLink {
  try {
    return { doc: decodeShare(hash), error: null }
  } catch (err) {
    return { doc: null, error: err instanceof ShareLinkError ? err.message : 'the link could not be read' }
  }
}

export const initialLink: InitialLink = typeof location === 'undefined' ? { doc: null, error: null } : readLink(location.hash)
