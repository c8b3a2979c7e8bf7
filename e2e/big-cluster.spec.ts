// A 1,000-pod cluster (20 nodes) opened from a link: the canvas summarises it in workload boxes, "fit view"
// shows every node, and Ctrl+K finds a pod and flies to it (its card drawn beside its box).
import { bigLink } from '../bench/big-document.ts'
import { expect, test } from './fixtures.ts'

test('1,000 pods: grouped boxes, fit view shows all nodes, Ctrl+K finds a pod', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(await bigLink(1000, 20))
  const boxes = page.getByRole('group', { name: /^Deployment default\/kubia on kind-(worker\d*|control-plane): \d+ pods, \d+ ready/ })
  await expect(boxes.first()).toBeVisible({ timeout: 60_000 })
  // Every kubia pod is counted in a box (480 = 1,000 × 0.48), none drawn as its own card.
  await expect.poll(() => boxes.evaluateAll((els) => els.reduce((n, e) => n + Number(/: (\d+) pods/.exec(e.getAttribute('aria-label') ?? '')?.[1] ?? 0), 0)),
    { timeout: 60_000 }).toBe(480)
  await expect(page.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(0)

  await page.getByRole('button', { name: 'Fit View' }).click()
  await page.waitForTimeout(400)
  const pane = (await page.locator('.react-flow').boundingBox())!
  const nodes = page.getByRole('group', { name: /^Node kind-/ })
  await expect(nodes).toHaveCount(20)
  for (const box of await nodes.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height } }))) {
    expect(box.x).toBeGreaterThanOrEqual(pane.x - 1)
    expect(box.y).toBeGreaterThanOrEqual(pane.y - 1)
    expect(box.x + box.w).toBeLessThanOrEqual(pane.x + pane.width + 1)
    expect(box.y + box.h).toBeLessThanOrEqual(pane.y + pane.height + 1)
  }

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+K')
  const search = page.getByRole('dialog', { name: 'Search the cluster' })
  await search.getByRole('combobox', { name: 'Find a pod or Service' }).fill('default/web-')
  const hit = search.getByRole('option').first()
  const name = (await hit.locator('span').first().textContent())!
  await page.keyboard.press('Enter')
  const card = page.getByRole('group', { name: new RegExp(`^Pod ${name}, `) })
  await expect(card).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(name.split('/')[1])
  await expect.poll(async () => {
    const r = (await card.boundingBox())!
    return r.x >= pane.x && r.y >= pane.y && r.x + r.width <= pane.x + pane.width && r.y + r.height <= pane.y + pane.height
  }).toBe(true)
})
