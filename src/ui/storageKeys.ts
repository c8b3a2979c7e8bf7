// The localStorage keys of saved work: persistence reads and writes them, and the built index.html's inline
// script (vite.config.ts) looks for them to decide whether the engine must start before the main bundle.
// Documents live in IndexedDB as workspaces (src/ui/persistence/); localStorage keeps only small markers.
/** Today's one-slot saves (before workspaces): migrated into the first workspace on first load, then removed. */
export const DOC_KEY_V1 = 'kubehop.document.v1'
export const DOC_KEY = 'kubehop.document.v2'
/** Set once a workspace is saved: IndexedDB is asynchronous, and the head script must decide synchronously. */
export const WORKSPACES_MARKER = 'kubehop.workspaces'
/** The workspace last used in any tab (a new tab opens it). */
export const LAST_WORKSPACE_KEY = 'kubehop.workspace.last'
/** sessionStorage: this tab's workspace and the link hash it opened or last wrote (a reload keeps both). */
export const TAB_KEY = 'kubehop.tab'
