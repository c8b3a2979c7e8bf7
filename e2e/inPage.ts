// Functions run inside the page with page.evaluate (serialized, so each is self-contained);
// typed by hand because e2e/ compiles without DOM types.
interface PageGlobals {
  localStorage: { getItem(key: string): string | null; clear(): void }
  document: { documentElement: { dataset: Record<string, string | undefined> } }
}

/** The newest saved workspace as JSON ('' when none): workspaces live in IndexedDB (`kubehop`, store `workspaces`). */
export const savedDocument = () => new Promise<string>((resolve) => {
  type Req<T> = { result: T; onsuccess: (() => void) | null; onerror: (() => void) | null }
  type Db = { objectStoreNames: { contains(name: string): boolean }; transaction(name: string): { objectStore(name: string): { getAll(): Req<{ updated: number }[]> } }; close(): void }
  const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req<Db> } }).indexedDB
  const open = idb.open('kubehop')
  open.onerror = () => resolve('')
  open.onsuccess = () => {
    const db = open.result
    if (!db.objectStoreNames.contains('workspaces')) { db.close(); resolve(''); return }
    const all = db.transaction('workspaces').objectStore('workspaces').getAll()
    all.onerror = () => resolve('')
    all.onsuccess = () => { db.close(); const newest = [...all.result].sort((a, b) => b.updated - a.updated)[0]; resolve(newest ? JSON.stringify(newest) : '') }
  }
})
export const currentTheme = () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.theme
