import { app, deploymentPod } from './app.ts'
import { expect, test } from './fixtures.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
})

test('kubectl get svc prints the real table; errors, history and Tab completion work', async ({ page }) => {
  const ui = app(page)
  const screen = ui.console.locator('.xterm-rows')
  await ui.consoleInput.focus()
  await page.keyboard.type('kubectl get svc')
  await page.keyboard.press('Enter')
  await expect(screen).toContainText(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/)
  await expect(screen).toContainText(/kubia\s+NodePort\s+10\.96\.\d+\.\d+\s+<none>\s+80:30123\/TCP/)
  await page.keyboard.type('kubectl get pod nope')
  await page.keyboard.press('Enter')
  await expect(screen).toContainText('Error from server (NotFound): pods "nope" not found')
  await page.keyboard.press('ArrowUp')
  await expect(screen).toContainText('$ kubectl get pod nope')
  await page.keyboard.press('Control+U')
  await page.keyboard.type('kubectl sc')
  await page.keyboard.press('Tab')
  await page.keyboard.type('deploy ku')
  await page.keyboard.press('Tab')
  await expect(screen).toContainText('$ kubectl scale deploy kubia')
  await page.keyboard.type('--replicas=4')
  await page.keyboard.press('Enter')
  await expect(screen).toContainText('deployment.apps/kubia scaled')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(4) // the console changes the same cluster
})

test('deleting a pod from the topology runs kubectl in the console and the ReplicaSet replaces it', async ({ page }) => {
  const ui = app(page)
  const pods = page.getByRole('group', { name: deploymentPod('kubia') })
  const victim = (await pods.first().getAttribute('aria-label'))!.split(',')[0].replace('Pod default/', '')
  await pods.first().click()
  await expect(ui.inspector).toBeVisible()
  await expect(ui.inspector.getByRole('tabpanel')).toContainText(`name: ${victim}`) // its live YAML
  await ui.inspector.getByRole('tab', { name: 'Describe' }).click()
  await expect(ui.inspector.getByRole('tabpanel')).toContainText(/Status:\s+Running/)
  await ui.inspector.getByRole('button', { name: 'Delete pod' }).click()
  await expect(ui.console.locator('.xterm-rows')).toContainText(`$ kubectl delete pod ${victim}`)
  await expect(ui.console.locator('.xterm-rows')).toContainText(`pod "${victim}" deleted`)
  await expect(page.getByRole('group', { name: new RegExp(`^Pod default/${victim},`) })).toHaveCount(0)
  await expect(pods).toHaveCount(3)
})

test('a node shows its iptables-save in the inspector', async ({ page }) => {
  const ui = app(page)
  await ui.clusterNode('kind-worker').click({ position: { x: 30, y: 12 } })
  await ui.inspector.getByRole('tab', { name: 'iptables-save' }).click()
  await expect(ui.inspector.getByRole('tabpanel')).toContainText(':KUBE-NODEPORTS')
  await expect(ui.inspector.getByRole('tabpanel')).toContainText(/-A KUBE-NODEPORTS .*--dport 30123/)
})
