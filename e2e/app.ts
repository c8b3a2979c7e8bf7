// How a person finds things on the page: by role and accessible name.
import type { Page } from '@playwright/test'

export const app = (page: Page) => ({
  topology: page.getByRole('region', { name: 'Topology' }),
  editorRegion: page.getByRole('region', { name: 'Editor' }),
  console: page.getByRole('region', { name: 'Console' }),
  editor: page.getByRole('textbox', { name: /YAML manifest/ }),
  consoleInput: page.getByRole('textbox', { name: 'Console input' }),
  docStatus: page.getByRole('status', { name: 'Document status' }),
  themeToggle: page.getByRole('button', { name: 'Dark theme' }),
  clusterNode: (name: string) => page.getByRole('group', { name: new RegExp(`^Node ${name},`) }),
  pods: (prefix: string) => page.getByRole('group', { name: new RegExp(`^Pod ${prefix}`) }),
})

/** Places the caret at the end of the document in Monaco. */
export async function caretToEnd(page: Page): Promise<void> {
  await app(page).editor.focus()
  await page.keyboard.press('Control+End')
}
