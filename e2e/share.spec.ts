// Share links, used like a person would: share, open in a fresh browser, same cluster and same packet path;
// broken, oversized and hostile links show the error view; ?embed hides the editing UI.
import type { Browser, Page } from '@playwright/test'
import { deflateSync, strToU8 } from 'fflate'
import { app, deploymentPod, replaceLine } from './app.ts'
import { expect, test } from './fixtures.ts'

const podNames = async (page: Page) => (await page.getByRole('group', { name: /^Pod default\// }).evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(name: string): string | null }).getAttribute('aria-label') ?? '')))
  .map((label) => label.split(',').slice(0, 2).join(',')).sort() // name and IP
const hops = (page: Page) => page.getByRole('region', { name: 'Packet path' }).getByRole('listitem').allTextContents()
const toB64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const linkOf = (doc: unknown) => `/#kh1:${toB64url(deflateSync(strToU8(JSON.stringify(doc))))}`

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await expect(dialog.getByRole('status', { name: 'Link length' })).toContainText('KB')
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue()
  await dialog.getByRole('button', { name: 'Close Share' }).click()
  return link
}

async function openFresh(browser: Browser, link: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`recipient console error: ${msg.text()}`) })
  page.on('pageerror', (err) => problems.push(`recipient page error: ${err.message}`))
  await page.goto(link)
  return page
}

test('share a modified document with a request: a fresh browser sees the same pods, IPs and packet path', async ({ page, browser, problems }) => {
  test.setTimeout(60_000)
  await page.goto('/')
  await expect(app(page).editor).toBeVisible()
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
  await replaceLine(page, 6, 'replicas: 4')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(4)

  await page.getByRole('button', { name: 'Share' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await dialog.getByRole('textbox', { name: 'Request to replay' }).fill('curl -s http://172.18.0.3:30123/')
  await expect(dialog.getByRole('status', { name: 'Link length' })).toContainText('fits anywhere')
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#kh1:[\w-]+$/)
  await page.screenshot({ path: '/tmp/shots/share-dialog.png' })
  // What recipients get, here: a fresh replay of the link's document, then the request.
  await dialog.getByRole('button', { name: 'Replay here' }).click()
  await expect(page.getByRole('region', { name: 'Packet path' })).toBeVisible()
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(4)
  const authorPods = await podNames(page)
  const authorHops = await hops(page)
  expect(authorHops.length).toBeGreaterThan(2)
  await expect(page.getByRole('status', { name: 'Request outcome' })).toContainText(/delivered · served by pod\/kubia-/)
  const authorOutcome = await page.getByRole('status', { name: 'Request outcome' }).textContent()
  expect(page.url()).toBe(link) // the address bar is the link

  const recipient = await openFresh(browser, link, problems)
  await expect(recipient.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(4)
  // The link's own apply is the status (no second apply of the same files follows): not "applying…" forever.
  await expect(recipient.getByRole('status', { name: 'Last apply' })).toContainText('applied: deployment.apps/kubia created')
  await expect(recipient.getByRole('region', { name: 'Packet path' })).toBeVisible()
  // While the link's request plays, only the boxes in view are drawn (TopologyCanvas): every pod is back once it stops.
  await expect.poll(() => podNames(recipient), { timeout: 30_000 }).toEqual(authorPods)
  expect(await hops(recipient)).toEqual(authorHops)
  await expect(recipient.getByRole('status', { name: 'Request outcome' })).toHaveText(authorOutcome!)
  await expect(app(recipient).editorRegion.getByText('replicas: 4')).toBeVisible()
  await recipient.screenshot({ path: '/tmp/shots/share-recipient.png' })
  await recipient.context().close()
})

test('share a scenario in the middle: the link replays its steps up to the same point', async ({ page, browser, problems }) => {
  test.setTimeout(60_000)
  await page.goto('/')
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^Every pod gets an IP/ }).click()
  const steps = page.getByRole('region', { name: 'Steps' })
  await steps.getByRole('listitem', { name: /^Step 1:/ }).getByRole('button', { name: 'Run' }).click()
  await steps.getByRole('listitem', { name: /^Step 2:/ }).getByRole('button', { name: 'Run' }).click()
  await expect(steps.getByRole('status', { name: 'Scenario progress' })).toHaveText('Step 3 of 4 · 2 of 2 checks passed')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
  const authorPods = await podNames(page)
  await page.screenshot({ path: '/tmp/shots/share-scenario-author.png' })
  const link = await shareLink(page)

  const recipient = await openFresh(browser, link, problems)
  const theirSteps = recipient.getByRole('region', { name: 'Steps' })
  await expect(theirSteps.getByRole('status', { name: 'Scenario progress' })).toHaveText('Step 3 of 4 · 2 of 2 checks passed', { timeout: 20_000 })
  await expect(recipient.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
  // While the link's request plays, only the boxes in view are drawn (TopologyCanvas): every pod is back once it stops.
  await expect.poll(() => podNames(recipient), { timeout: 30_000 }).toEqual(authorPods)
  await recipient.context().close()
})

test('a corrupted link shows the error view, not a blank page', async ({ page }) => {
  await page.goto('/#kh1:eJzLSM3JyVcozy_KSQEAGgQEXQ!!')
  await expect(page.getByRole('main', { name: 'This link could not be opened' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('damaged')
  await page.screenshot({ path: '/tmp/shots/share-error.png' })
  await page.goto('/#zz9:abc')
  await page.reload()
  await expect(page.getByRole('alert')).toContainText('unknown link format (codec “zz9”')
  await page.goto(linkOf({ v: 2, files: [{ name: 'a.yaml', text: '' }], seed: 1, scenario: { id: 'x', steps: '# title: only a title\n', step: 0 } }))
  await page.reload()
  await expect(page.getByRole('alert')).toContainText('its scenario cannot be used')
  await expect(page.getByRole('alert')).toContainText('missing "# group:" header')
  await page.getByRole('button', { name: 'Open the playground instead' }).click()
  await expect(app(page).topology).toBeVisible()
})

test('an oversized link and a decompression bomb show the error view', async ({ page }) => {
  await page.goto(`/#kh1:${'A'.repeat(70_000)}`)
  await expect(page.getByRole('main', { name: 'This link could not be opened' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('KB long')
  const bomb = `/#kh1:${toB64url(deflateSync(new Uint8Array(20 * 1024 * 1024), { level: 9 }))}`
  await page.goto('about:blank')
  await page.goto(bomb)
  await expect(page.getByRole('alert')).toContainText('unpacks to more than 1024 KB')
})

test('names and narration from a link are shown as text, never run as script', async ({ page }) => {
  const steps = '# title: <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\n# group: Services\n# summary: x\n\n'
    + '## Step: <b onmouseover="window.__xss=3">hi</b>\n# <img src=x onerror="window.__xss=4"> [click](javascript:window.__xss=5)\nkubectl get nodes\n'
  await page.goto(linkOf({ v: 2, files: [{ name: 'app.yaml', text: '# <script>window.__xss=6</script>\n' }], seed: 1, scenario: { id: 'x', steps, step: 0 } }))
  const panel = page.getByRole('region', { name: 'Steps' })
  await expect(panel.getByRole('heading', { name: /<img src=x onerror=/ })).toBeVisible()
  await expect(panel).toContainText('<b onmouseover="window.__xss=3">hi</b>')
  await expect(panel.getByRole('link')).toHaveCount(0)
  expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined()
})

test('?embed shows the topology and steps only: no editor, no console, no document controls', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^NodePort from the host/ }).click()
  const link = await shareLink(page)
  await page.goto(link.replace('/#', '/?embed#'))
  await expect(app(page).topology).toBeVisible()
  await expect(page.getByRole('region', { name: 'Steps' })).toBeVisible()
  await expect(app(page).editorRegion).toHaveCount(0)
  await expect(app(page).console).toHaveCount(0)
  for (const name of ['Share', 'Import', 'Export', 'Scenarios', 'Close scenario']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)
  await page.getByRole('region', { name: 'Steps' }).getByRole('listitem', { name: /^Step 1:/ }).getByRole('button', { name: 'Run' }).click()
  await expect(page.getByRole('status', { name: 'Scenario progress' })).toHaveText('Step 2 of 4 · 1 of 1 checks passed')
  await expect(app(page).pods('default/echo')).toHaveCount(1)
  await page.screenshot({ path: '/tmp/shots/share-embed.png' })
})
