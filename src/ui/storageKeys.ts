// The localStorage keys of the saved document: persistence.ts reads and writes them, and the built index.html's
// inline script (vite.config.ts) looks for them to decide whether the engine must start before the main bundle.
export const DOC_KEY_V1 = 'kubehop.document.v1'
export const DOC_KEY = 'kubehop.document.v2'
