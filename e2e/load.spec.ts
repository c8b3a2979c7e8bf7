import { app, deploymentPod } from './app.ts'
import { expect, test } from './fixtures.ts'
import { currentTheme } from './inPage.ts'

test.beforeEach(async ({ page }) => { await page.goto('/') })

test('loads the default scenario from the real engine: 3 kind nodes and the kubia pods, no errors, nothing fetched from outside', async ({ page, problems }) => {
  const ui = app(page)
  await expect(ui.topology).toBeVisible()
  for (const node of ['kind-control-plane', 'kind-worker', 'kind-worker2']) await expect(ui.clusterNode(node)).toBeVisible()
  await expect(ui.clusterNode('kind-control-plane')).toHaveAccessibleName(/172\.18\.0\.\d+, control plane$/)
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
  await expect(page.getByRole('group', { name: deploymentPod('kubia') }).first()).toHaveAccessibleName(/, 10\.244\.[12]\.\d+, Running, ready$/)
  await expect(page.getByRole('group', { name: /^Service default\/kubia, NodePort 10\.96\.\d+\.\d+ 80:30123\/TCP, 3 ready endpoints/ })).toBeVisible()
  await expect(ui.pods('kube-system/coredns-')).toHaveCount(2)
  await expect(ui.editor).toBeVisible() // Monaco comes up after the topology
  await expect(page.getByRole('tab', { name: 'app.yaml' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tab', { name: 'kind-config.yaml' })).toBeVisible()
  expect(problems).toEqual([])
})

test('the theme toggle switches light and dark and is remembered', async ({ page }) => {
  const ui = app(page)
  const initial = await ui.themeToggle.getAttribute('aria-pressed')
  await ui.themeToggle.click()
  await expect(ui.themeToggle).not.toHaveAttribute('aria-pressed', initial!)
  const theme = await page.evaluate(currentTheme)
  await page.reload()
  await expect.poll(() => page.evaluate(currentTheme)).toBe(theme)
})

test('panes resize from the keyboard', async ({ page }) => {
  const splitter = page.getByRole('separator', { name: 'Resize editor' })
  const before = Number(await splitter.getAttribute('aria-valuenow'))
  await splitter.focus()
  await page.keyboard.press('ArrowRight')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 24))
  const consoleSplitter = page.getByRole('separator', { name: 'Resize console' })
  const height = Number(await consoleSplitter.getAttribute('aria-valuenow'))
  await consoleSplitter.focus()
  await page.keyboard.press('ArrowUp')
  await expect(consoleSplitter).toHaveAttribute('aria-valuenow', String(height + 24))
})
