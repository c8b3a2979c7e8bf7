import { app } from './app.ts'
import { expect, test } from './fixtures.ts'

test('the console runs a line and shows the answer, with history on arrow up', async ({ page }) => {
  await page.goto('/')
  const ui = app(page)
  await expect(ui.consoleInput).toBeAttached()
  await ui.consoleInput.focus()
  await page.keyboard.type('kubectl get svc')
  await page.keyboard.press('Enter')
  await expect(ui.console).toContainText('kubehop: engine not connected yet')
  await page.keyboard.press('ArrowUp')
  await expect(ui.console.locator('.xterm-rows')).toContainText('$ kubectl get svc')
})
