import { app, caretToEnd, deploymentPod, replaceLine } from './app.ts'
import { expect, test } from './fixtures.ts'
import { savedDocument } from './inPage.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/') // every test has a fresh browser context: nothing saved yet
  await expect(app(page).editor).toBeVisible()
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
})

test('typing a new replica count adds pods; undo takes them away again', async ({ page }) => {
  const ui = app(page)
  await expect(ui.docStatus).toHaveText('32 lines, 2 documents')
  await replaceLine(page, 6, 'replicas: 5')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(5)
  await expect(page.getByRole('status', { name: 'Last apply' })).toContainText('deployment.apps/kubia configured')
  // Undo across applies: the editor's history survives them (Monaco may need a second step for the typed text).
  for (let i = 0; i < 4 && !(await ui.editorRegion.getByText('replicas: 3').isVisible()); i++) await page.keyboard.press('Control+Z')
  await expect(ui.editorRegion.getByText('replicas: 3')).toBeVisible()
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
})

test('a YAML error shows a marker and its line while the graph stays', async ({ page }) => {
  const ui = app(page)
  await caretToEnd(page)
  await page.keyboard.insertText('bad: key: here\n')
  await expect(ui.docStatus).toHaveText(/^YAML error at line 33, column \d+: Nested mappings are not allowed/)
  await expect(ui.problems).toContainText('app.yaml:33:')
  await expect(ui.problems).toContainText('error converting YAML to JSON')
  await page.keyboard.press('Control+End') // the problems list took room: bring the marked line back into view
  await expect(ui.editorRegion.locator('.squiggly-error').first()).toBeVisible()
  await expect(page.getByRole('tab', { name: /^app\.yaml, \d+ error/ })).toBeVisible()
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
  await expect(ui.clusterNode('kind-worker')).toBeVisible()
})

test('an API server error (nodePort: 80) is marked at its line with the API server message', async ({ page }) => {
  const ui = app(page)
  await replaceLine(page, 32, 'nodePort: 80')
  await expect(ui.problems).toContainText('app.yaml:32:7')
  await expect(ui.problems).toContainText('The Service "kubia" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767')
  await expect(page.getByRole('group', { name: /^Service default\/kubia, NodePort .* 80:30123\/TCP/ })).toBeVisible() // the last good Service stays
  await replaceLine(page, 32, 'nodePort: 30124')
  await expect(ui.problems).toHaveCount(0)
  await expect(page.getByRole('group', { name: /^Service default\/kubia, NodePort .* 80:30124\/TCP/ })).toBeVisible()
})

test('a selector that matches no pod gets a lint warning', async ({ page }) => {
  const ui = app(page)
  await replaceLine(page, 28, 'app: kubiax')
  await expect(ui.problems).toContainText('No pod in namespace "default" matches the selector app=kubiax')
  await expect(page.getByRole('group', { name: /^Service default\/kubia, .*no endpoints/ })).toBeVisible()
})

test('files as tabs: add one, it applies; reload restores the text', async ({ page }) => {
  const ui = app(page)
  await page.getByRole('button', { name: 'New file' }).click()
  await page.getByRole('textbox', { name: 'Rename untitled-1.yaml' }).fill('web.yaml')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('tab', { name: 'web.yaml' })).toHaveAttribute('aria-selected', 'true')
  await ui.editor.focus()
  // Top-level lines with flow-style values: Monaco's auto-indent would re-indent typed nested block YAML.
  await page.keyboard.insertText('apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n')
  await expect(ui.pods('default/web,')).toHaveCount(1)
  await expect.poll(() => page.evaluate(savedDocument)).toContain('name: web')
  await page.reload()
  await expect(ui.editor).toBeVisible()
  await expect(page.getByRole('tab', { name: 'web.yaml' })).toHaveAttribute('aria-selected', 'true')
  await expect(ui.docStatus).toHaveText('4 lines, 1 document') // web.yaml's text is back
  await expect(ui.pods('default/web,')).toHaveCount(1)
})
