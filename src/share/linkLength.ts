// Whether a link fits where people paste it: most chat apps cut or mangle links past ~2 KB; many sites,
// proxies and URL shorteners refuse past ~8 KB. Past that, a file download is the better way to share.
import { CHAT_LINK_CHARS, LONG_LINK_CHARS } from './limits.ts'

export type LinkVerdict = 'ok' | 'long-for-chat' | 'too-long'

export function linkLength(url: string): { chars: number; verdict: LinkVerdict } {
  const chars = url.length
  return { chars, verdict: chars > LONG_LINK_CHARS ? 'too-long' : chars > CHAT_LINK_CHARS ? 'long-for-chat' : 'ok' }
}
