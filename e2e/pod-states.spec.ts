// A pod box says what `kubectl get pods` says: a crash-looping container reads CrashLoopBackOff on the canvas,
// in words (not colour alone), and the legend explains the look.
import { app, deploymentPod } from './app.ts'
import { expect, test } from './fixtures.ts'

test('a CrashLoopBackOff pod box shows its status text and restarts', async ({ page }) => {
  await page.goto('/')
  const ui = app(page)
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
  await ui.consoleInput.focus()
  await page.keyboard.type(`kubectl run crash --image=busybox -- sh -c 'exit 1'`)
  await page.keyboard.press('Enter')
  await page.keyboard.type('sleep 40')
  await page.keyboard.press('Enter')
  const crash = ui.pods('default/crash,')
  await expect(crash).toHaveAccessibleName(/, CrashLoopBackOff, \d+ restarts?$/)
  await expect(crash).toContainText('CrashLoopBackOff')
  await expect(crash.locator('.topo-pod--failed')).toBeVisible()
  await ui.topology.getByText('Pod states').click()
  await expect(ui.topology.getByRole('list', { name: 'Pod states' }).getByRole('listitem').filter({ hasText: 'CrashLoopBackOff' })).toContainText('Failing')
})
