// Sharing state: the link that opened the page (or why it could not be opened), the request a link replays and
// its packet path, whether the URL hash follows the document, presenter mode.
import { createStore, useStore } from 'zustand'
import type { Trace } from '../../worker/protocol.ts'

export interface ShareState {
  /** Set when the page's link could not be opened: the error view shows it instead of the app. */
  linkError: string | null
  /** The console line a link replays after its document (optional). */
  request: string
  /** The TRACE of the last replayed request, for the packet path panel. */
  requestTrace: { line: string; trace: Trace } | null
  /** A link's request, shown in the panel before it plays (then replaced by its trace). */
  requestPending: string | null
  /** Why a link's request was not run (it was not a plain request): the panel says so. */
  requestRefused: string | null
  /** The last curl/wget line typed in the console (the share dialog offers it as the request). */
  lastRequestLine: string
  /** The URL hash follows the document (after Share, or when the page was opened from a link). */
  hashLive: boolean
  present: boolean
  shareOpen: boolean
  importOpen: boolean
}

export const shareStore = createStore<ShareState>()(() => ({
  linkError: null, request: '', requestTrace: null, requestPending: null, requestRefused: null, lastRequestLine: '', hashLive: false, present: false, shareOpen: false, importOpen: false,
}))

export const useShare = <T,>(selector: (s: ShareState) => T): T => useStore(shareStore, selector)
export const setShare = (patch: Partial<ShareState>) => shareStore.setState(patch)
