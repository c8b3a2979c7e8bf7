// How a person finds things on the page: by role and accessible name.
import type { Page } from '@playwright/test'

export const app = (page: Page) => ({
  topology: page.getByRole('region', { name: 'Topology' }),
  editorRegion: page.getByRole('region', { name: 'Editor' }),
  console: page.getByRole('region', { name: 'Console' }),
  editor: page.getByRole('textbox', { name: /YAML manifest/ }),
  consoleInput: page.getByRole('textbox', { name: 'Console input' }),
  docStatus: page.getByRole('status', { name: 'Document status' }),
  problems: page.getByRole('list', { name: 'Problems' }),
  inspector: page.getByRole('complementary', { name: 'Inspector' }),
  themeToggle: page.getByRole('button', { name: 'Dark theme' }),
  clusterNode: (name: string) => page.getByRole('group', { name: new RegExp(`^Node ${name},`) }),
  pods: (prefix: string) => page.getByRole('group', { name: new RegExp(`^Pod ${prefix}`) }),
})

/** A Deployment's pod on the canvas (`<deploy>-<pod-template-hash>-<5 chars>`), not counting pods being deleted
 * (Terminating for their grace period: 30 s for kubia, whose node process ignores SIGTERM). */
export const deploymentPod = (name: string) => new RegExp(`^Pod default/${name}-[a-z0-9]{9,10}-[a-z0-9]{5}, [^,]+, (?!Terminating)`)

/** Places the caret at the end of the document in Monaco. */
export async function caretToEnd(page: Page): Promise<void> {
  await app(page).editor.focus()
  await page.keyboard.press('Control+End')
}

/** Selects line `line` (1-based) of the editor and types `text` over it. */
export async function replaceLine(page: Page, line: number, text: string): Promise<void> {
  await app(page).editor.focus()
  await page.keyboard.press('Control+G') // Monaco's "Go to line"
  await page.keyboard.insertText(String(line))
  await page.keyboard.press('Enter')
  await page.keyboard.press('Home')
  await page.keyboard.press('Shift+End')
  await page.keyboard.insertText(text)
}
