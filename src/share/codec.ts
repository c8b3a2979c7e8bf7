// Share links: `#kh1:<base64url>` = codec prefix `kh1` (raw DEFLATE via fflate, then base64url) of the UTF-8 JSON
// of a versioned document. The prefix picks the codec and an unknown one fails loudly; decoding checks the size
// before base64, caps the inflated size while inflating (a decompression bomb stops at the cap), migrates old
// versions and validates the shape.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate'
import { fromBase64url, toBase64url } from './base64url.ts'
import { validateDocument, type ShareDocument } from './document.ts'
import { ShareLinkError } from './errors.ts'
import { MAX_ENCODED_CHARS, MAX_JSON_BYTES } from './limits.ts'
import { migrate } from './migrations.ts'

export const CODEC_PREFIX = 'kh1'

/** The document's JSON with its keys in one fixed order (equal documents ⇒ equal links). */
export function canonicalJson(doc: ShareDocument): string {
  const scenario = doc.scenario && { id: doc.scenario.id, steps: doc.scenario.steps, step: doc.scenario.step, assets: doc.scenario.assets }
  return JSON.stringify({ v: doc.v, files: doc.files.map((f) => ({ name: f.name, text: f.text })), active: doc.active, seed: doc.seed,
    profile: doc.profile, scenario, request: doc.request })
}

/** Encodes a document as a URL fragment without the `#`: `kh1:…`. */
export function encodeShare(doc: ShareDocument): string {
  return `${CODEC_PREFIX}:${toBase64url(deflateSync(strToU8(canonicalJson(doc)), { level: 9 }))}`
}

/** Inflates raw DEFLATE data, giving up as soon as the output passes `cap` bytes. */
export function inflateCapped(data: Uint8Array, cap: number): Uint8Array {
  const parts: Uint8Array[] = []
  let total = 0
  let ended = false
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length
    if (total > cap) throw new ShareLinkError('too-large', `the link unpacks to more than ${Math.round(cap / 1024)} KB`)
    parts.push(chunk)
    if (final) ended = true
  })
  try {
    // Small input pieces bound what one push can produce (DEFLATE expands at most ~1032:1).
    const piece = 512
    if (data.length === 0) inflater.push(data, true)
    for (let i = 0; i < data.length; i += piece) inflater.push(data.subarray(i, i + piece), i + piece >= data.length)
  } catch (err) {
    if (err instanceof ShareLinkError) throw err
    throw new ShareLinkError('corrupt', 'the link is damaged (its compressed data does not unpack)')
  }
  if (!ended) throw new ShareLinkError('corrupt', 'the link is cut short')
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) { out.set(p, o); o += p.length }
  return out
}

/**
 * Decodes a URL fragment (with or without `#`). Returns null when there is no shared document in it (empty
 * fragment); throws ShareLinkError with a readable message for anything else that is not a valid link.
 */
export function decodeShare(fragment: string): ShareDocument | null {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment
  if (!text) return null
  if (text.length > MAX_ENCODED_CHARS) throw new ShareLinkError('too-large', `the link is ${Math.round(text.length / 1024)} KB long (at most ${MAX_ENCODED_CHARS / 1024} KB)`)
  const colon = text.indexOf(':')
  const prefix = colon < 0 ? '' : text.slice(0, colon)
  if (prefix !== CODEC_PREFIX) {
    const shown = /^[\w-]{1,16}$/.test(prefix) ? `“${prefix}”` : 'none'
    throw new ShareLinkError('codec', `unknown link format (codec ${shown}; this kubehop reads “${CODEC_PREFIX}”)`)
  }
  const bytes = fromBase64url(text.slice(colon + 1))
  if (!bytes) throw new ShareLinkError('corrupt', 'the link is damaged (it holds characters base64url does not use)')
  const json = strFromU8(inflateCapped(bytes, MAX_JSON_BYTES))
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    throw new ShareLinkError('corrupt', 'the link is damaged (its document is not JSON)')
  }
  return validateDocument(migrate(raw))
}
