import { app, caretToEnd } from './app.ts'
import { expect, test } from './fixtures.ts'
import { clearStorage, savedDocument } from './inPage.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.evaluate(clearStorage)
  await page.reload()
  await expect(app(page).editor).toBeVisible()
})

test('typing in the editor updates the document status', async ({ page }) => {
  const ui = app(page)
  await expect(ui.docStatus).toHaveText('32 lines, 2 documents')
  await caretToEnd(page)
  await page.keyboard.type('---\napiVersion: v1\n')
  await expect(ui.docStatus).toHaveText('34 lines, 3 documents')
})

test('a YAML error shows a marker and its line and column while the graph stays', async ({ page }) => {
  const ui = app(page)
  await caretToEnd(page)
  await page.keyboard.insertText('bad: key: here\n')
  await expect(ui.docStatus).toHaveText(/^YAML error at line 33, column \d+: Nested mappings are not allowed/)
  await expect(ui.editorRegion.locator('.squiggly-error').first()).toBeVisible() // monaco-yaml's marker
  await expect(ui.pods('default/kubia-')).toHaveCount(3)
  await expect(ui.clusterNode('kind-worker')).toBeVisible()
})

test('reload restores the edited text', async ({ page }) => {
  const ui = app(page)
  await caretToEnd(page)
  await page.keyboard.insertText('# remember me\n')
  await expect(ui.docStatus).toHaveText('33 lines, 2 documents')
  await expect.poll(() => page.evaluate(savedDocument)).toContain('# remember me')
  await page.reload()
  await expect(ui.editor).toBeVisible()
  await expect(ui.docStatus).toHaveText('33 lines, 2 documents')
  await caretToEnd(page) // Monaco only renders the lines in view
  await expect(ui.editorRegion.getByText('# remember me')).toBeVisible()
})
