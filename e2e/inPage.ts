// Functions run inside the page with page.evaluate (serialized, so each is self-contained);
// typed by hand because e2e/ compiles without DOM types.
interface PageGlobals {
  localStorage: { getItem(key: string): string | null; clear(): void }
  document: { documentElement: { dataset: Record<string, string | undefined> } }
}

export const savedDocument = () => (globalThis as unknown as PageGlobals).localStorage.getItem('kubehop.document.v2') ?? ''
export const currentTheme = () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.theme
