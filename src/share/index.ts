// Share links and their documents (pure TypeScript: no DOM, no React).
export { CODEC_PREFIX, canonicalJson, decodeShare, encodeShare, inflateCapped } from './codec.ts'
export { SHARE_VERSION, validateDocument, type ProfileName, type ShareDocument, type SharedFile, type SharedScenario } from './document.ts'
export { ShareLinkError, type ShareErrorCode } from './errors.ts'
export { CHAT_LINK_CHARS, LONG_LINK_CHARS, MAX_ENCODED_CHARS, MAX_JSON_BYTES } from './limits.ts'
export { MIGRATIONS, migrate } from './migrations.ts'
export { linkLength, type LinkVerdict } from './linkLength.ts'
