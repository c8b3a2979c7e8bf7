// The request animation, used like a person would: send requests, step through hops, read the hop card,
// change the Service's traffic policy in the editor, and look at a batch's histogram.
import type { Page } from '@playwright/test'
import { app, deploymentPod } from './app.ts'
import { expect, test } from './fixtures.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
})

/** Replaces line `line` of the editor, indentation included (go-to-line leaves the caret in column 1). */
async function setLine(page: Page, line: number, text: string) {
  await app(page).editor.focus()
  await page.keyboard.press('Control+G')
  await page.keyboard.insertText(String(line))
  await page.keyboard.press('Enter')
  await page.keyboard.press('Shift+End')
  await page.keyboard.insertText(text)
  await page.keyboard.press('Escape')
}

const hopCard = (page: Page) => page.getByRole('region', { name: 'Hop card' })

async function send(page: Page, options: { to?: RegExp; count?: string } = {}) {
  await page.getByRole('button', { name: 'Send request' }).click()
  const form = page.getByRole('dialog', { name: 'Send request' })
  if (options.to) {
    const to = form.getByRole('combobox', { name: 'To' })
    const label = (await to.locator('option').allTextContents()).find((t) => options.to!.test(t))!
    await to.selectOption({ label })
  }
  if (options.count) await form.getByRole('combobox', { name: 'Count' }).selectOption(options.count)
  await form.getByRole('button', { name: 'Send' }).click()
}

test('a request in the default scenario: DNAT on the hop card, step back and forward, delivered to a pod', async ({ page }) => {
  await send(page)
  // The console shows the equivalent command.
  await expect(app(page).console.locator('.xterm-rows')).toContainText('$ curl -s -m 5 http://172.18.0.')
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  // Back to the first hop (on a busy machine the packet may already be home), then step through.
  await page.getByRole('list', { name: 'Hops' }).getByRole('button').first().click()
  const card = hopCard(page)
  await expect(card.locator('.hop-card__action')).toHaveText('connect')
  const action = card.locator('.hop-card__action')
  for (let i = 0; i < 40 && (await action.textContent()) !== 'DNAT'; i++) await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(action).toHaveText('DNAT')
  // At 1280×720 the canvas is small: the card says what the hop rewrote in one line; Details opens the 5-tuple.
  await expect(card.getByLabel('Address change')).toContainText(/^DNAT: destination 172\.18\.0\.\d+:30123 → 10\.244\.\d+\.\d+:8080$/)
  await expect(card.getByRole('table', { name: '5-tuple' })).toBeHidden()
  await card.getByRole('button', { name: 'Details' }).click()
  const tuple = card.getByRole('table', { name: '5-tuple' })
  await expect(tuple.getByRole('row', { name: /destination/ })).toContainText(/172\.18\.0\.\d+:30123\s*10\.244\.\d+\.\d+:8080\s*DNAT/)
  await expect(card.getByLabel('Matched rule')).toContainText('-j DNAT --to-destination 10.244.')
  await expect(card.getByLabel('Chain path')).toContainText(/KUBE-SERVICES → KUBE-NODEPORTS → KUBE-EXT-\w+ → KUBE-SVC-\w+ → KUBE-SEP-\w+/)
  // Back one hop: the endpoint pick; forward again: the DNAT.
  await page.getByRole('button', { name: 'Step back' }).click()
  await expect(action).toHaveText('pick-endpoint')
  await expect(card.getByLabel('Matched rule')).toContainText('-m statistic --mode random --probability')
  await page.keyboard.press('Alt+Period')
  await expect(action).toHaveText('DNAT')
  // The current hop is marked in the event list.
  await expect(page.getByRole('list', { name: 'Hops' }).locator('[aria-current="step"]')).toContainText('DNAT')
  // Play to the end, fast: the pod lights up with its answer, the card says delivered.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Answer' })).toContainText(/You've hit kubia-/)
  await expect(card.getByLabel('Outcome')).toContainText(/Delivered by pod\/kubia-/, { timeout: 15_000 })
  // The card sits above the canvas filters, never over them (both are anchored bottom-left).
  const cardBox = (await card.boundingBox())!
  const toolsBox = (await page.getByRole('toolbar', { name: 'Canvas filters' }).boundingBox())!
  expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(toolsBox.y)
})

test('externalTrafficPolicy Local (edited in the document): the packet stops at the drop on the node without a pod', async ({ page }) => {
  // `  selector:` / `    app: kubia` become the policy and a one-line selector.
  await setLine(page, 27, '  externalTrafficPolicy: Local')
  await setLine(page, 28, '  selector: {app: kubia}')
  // The pause in typing applies it (a Ctrl+S after that would report "no change").
  await expect(page.getByRole('status', { name: 'Last apply' })).toContainText('service/kubia configured')
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8')
  await send(page, { to: /node port on kind-control-plane/ })
  await expect(page.getByRole('status', { name: 'Outcome: Dropped' })).toBeVisible({ timeout: 15_000 })
  const card = hopCard(page)
  await expect(card.getByLabel('Outcome')).toContainText('Dropped')
  await expect(card.locator('.hop-card__action')).toHaveText('drop')
  await expect(card.getByLabel('Where')).toHaveText('node/kind-control-plane')
})

test('100 requests: the histogram bars match the served counts, with the expected share and the SNAT summary', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8').catch(() => {})
  await send(page, { count: '100' })
  const bars = page.getByRole('list', { name: 'Requests per pod' }).getByRole('listitem')
  await expect(bars).toHaveCount(3)
  await expect(bars.first()).toHaveAttribute('aria-label', /of 100 \(\d+%\), expected 33%/)
  const counts = await bars.evaluateAll((items) => items.map((li) => [li.getAttribute('aria-label')!.split(':')[0], Number(li.getAttribute('data-count'))] as const))
  expect(counts.reduce((n, [, c]) => n + c, 0)).toBe(100)
  // The same counts, independently, from the event list's one row per request.
  await page.getByRole('tab', { name: 'Events' }).click()
  const rows = await page.getByRole('list', { name: 'Requests' }).locator(':scope > li > button').allTextContents()
  expect(rows).toHaveLength(100)
  for (const [pod, count] of counts) expect(rows.filter((r) => r.endsWith(`pod/${pod}`)).length).toBe(count)
  await page.getByRole('tab', { name: 'Batch' }).click()
  await expect(page.getByRole('list', { name: 'Client IPs seen by the pods' })).toContainText(/172\.18\.0\.\d+ × \d+/)
  await expect(page.getByRole('list', { name: 'Requests per node' }).getByRole('listitem')).toHaveCount(2)
})

test('while a request plays, the canvas draws the boxes on a layer of their own, and a small cluster keeps every box (in the accessibility tree too); paused, painted as before', async ({ page }) => {
  const boxes = page.locator('.react-flow__node')
  const all = await boxes.count()
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.25')
  await send(page)
  await expect(page.locator('.topology-flow')).toHaveClass(/\bvp-layer\b/)
  // Zoomed in on the packet: boxes out of view are left out only on a big canvas (over CULL_FROM_BOXES).
  await page.waitForTimeout(500)
  expect(await boxes.count()).toBe(all)
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3) // every pod, off screen too
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(boxes).toHaveCount(all)
  await expect(page.locator('.topology-flow')).not.toHaveClass(/\bvp-layer\b/)
  await expect(hopCard(page)).toBeVisible()
})
