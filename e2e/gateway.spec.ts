// Issue 19 point 4 in the browser: after the "From Ingress to Gateway" scenario, the requests panel's
// "Ingress → Gateway" tab shows the Ingress beside its ingress2gateway translation, and each request sent
// through both entrances with its two hop lists side by side.
import type { Page } from '@playwright/test'
import { app } from './app.ts'
import { expect, test } from './fixtures.ts'

const steps = (page: Page) => page.getByRole('region', { name: 'Steps' })

test('Ingress → Gateway: the translation and the same requests through both, side by side', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await expect(app(page).clusterNode('kind-worker')).toBeVisible()
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^From Ingress to Gateway, side by side/ }).click()
  const progress = steps(page).getByRole('status', { name: 'Scenario progress' })
  const count = 6
  for (let i = 1; i <= count; i++) {
    await steps(page).getByRole('listitem', { name: new RegExp(`^Step ${i}:`) }).getByRole('button', { name: 'Run', exact: true }).click()
    await expect(progress).toHaveText(new RegExp(`^${i < count ? `Step ${i + 1} of ${count}` : `All ${count} steps run`}`), { timeout: 30_000 })
  }
  await page.getByRole('tab', { name: 'Ingress → Gateway' }).click()
  const view = page.getByLabel('Ingress to Gateway')
  await expect(view.getByLabel('ingress2gateway print')).toContainText('name: kubia-kubia-example-com')
  await expect(view.getByLabel('ingress2gateway print')).toContainText('type: PathPrefix')
  const pair = view.getByLabel('Request foo.example.com/')
  await expect(pair.getByLabel('Hops, Ingress: foo.example.com/')).toContainText('ingress-nginx-controller')
  await expect(pair.getByLabel('Hops, Gateway: foo.example.com/')).toContainText('DNAT')
  await expect(pair.getByLabel('Hops, Gateway: foo.example.com/')).not.toContainText('ingress-nginx-controller')
  await page.screenshot({ path: '/tmp/shots/gateway-view.png' })
})
