// Caps for share links, which are untrusted input: checked before decoding (the link text), while inflating
// (the JSON, so a decompression bomb stops at the cap) and after parsing (the document's shape).

/** Longest link fragment accepted, in characters (a 16 KB deflated document is far beyond any real one). */
export const MAX_ENCODED_CHARS = 64 * 1024
/** Largest inflated JSON, in bytes: the same budget the autosave keeps. */
export const MAX_JSON_BYTES = 1024 * 1024
/** Files in one document (editor tabs plus scenario assets such as certificates). */
export const MAX_FILES = 24
/** Characters of all file texts together. */
export const MAX_TEXT_CHARS = 1_000_000
export const MAX_STEPS_CHARS = 100_000
export const MAX_REQUEST_CHARS = 500

/** Beyond this a link is shortened or refused by common hosts (chat apps ~2 KB, many sites and proxies ~8 KB). */
export const LONG_LINK_CHARS = 8 * 1024
export const CHAT_LINK_CHARS = 2 * 1024
