// Share links and their documents (pure TypeScript: no DOM, no React).
export { canonicalJson, decodeShare, encodeShare } from './codec.ts'
export { SHARE_VERSION, validateDocument, type ShareDocument, type SharedScenario } from './document.ts'
export { ShareLinkError } from './errors.ts'
export { MAX_ENCODED_CHARS } from './limits.ts'
export { migrate } from './migrations.ts'
export { linkLength } from './linkLength.ts'
