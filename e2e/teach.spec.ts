// A playground you can teach from: a NodePort request entering a node without the pod (DNAT there, SNAT on
// the way out), followed station by station: the dot sits on the station the trace's hop names, the component
// doing the work is lit, the packet's label strikes the rewritten address; and presenter mode keeps every
// visible text at 20 px or more at 1280×720 while a request plays.
import type { Page } from '@playwright/test'
import { app } from './app.ts'
import { expect, test } from './fixtures.ts'

const WORKER: Record<string, string> = { 'kube-proxy': 'kube-proxy', node: 'kernel', conntrack: 'conntrack', pod: 'container', client: 'client' }

/** Scales kubia to one pod and curls the node port of the other worker; returns that node's name. */
async function crossNodeRequest(page: Page, present = false): Promise<string> {
  const consoleButton = page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Console' })
  if (present) await consoleButton.click()
  await app(page).consoleInput.focus()
  await page.keyboard.type('kubectl scale deployment kubia --replicas=1 && sleep 5 && kubectl get pods -o wide\n')
  const rows = app(page).console.locator('.xterm-rows')
  await expect(rows).toContainText(/kubia-\S+\s+1\/1\s+Running/)
  const podNode = /kubia-\S+\s+1\/1\s+Running.*?(kind-worker2?)\b/.exec(await rows.innerText())![1]
  const [entry, ip] = podNode === 'kind-worker' ? ['kind-worker2', '172.18.0.4'] : ['kind-worker', '172.18.0.3']
  await app(page).consoleInput.focus()
  await page.keyboard.type(`curl -s http://${ip}:30123\n`)
  await expect(rows).toContainText("You've hit kubia-")
  if (present) await consoleButton.click()
  return entry
}

async function openRequests(page: Page, open: boolean) {
  const button = page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Requests' })
  if ((await button.getAttribute('aria-pressed')) !== String(open)) await button.click()
}

const center = async (page: Page, selector: string) => {
  const b = (await page.locator(selector).boundingBox())!
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 }
}

test('a NodePort request from another node, station by station: the dot, the lit component and the NAT label follow the trace', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1600, height: 900 })
  await page.goto('/')
  await expect(page.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(3)
  const entry = await crossNodeRequest(page)
  await page.getByRole('button', { name: 'Pause', exact: true }).click().catch(() => { /* already home */ })
  const hops = page.getByRole('list', { name: 'Hops' }).getByRole('button')
  const count = await hops.count()
  expect(count).toBeGreaterThan(20)
  const seen = new Set<string>()
  for (let i = 0; i < count; i++) {
    await hops.nth(i).click()
    const text = (await hops.nth(i).innerText()).trim().split(/\s+/) // "9 node/kind-worker DNAT"
    const [, at, action] = text
    const component = (await page.getByRole('region', { name: 'Hop card' }).locator('.hop-card__head .chip').first().innerText()).trim()
    const name = at === 'host' ? 'your machine' : at.slice(at.indexOf('/') + 1)
    const inside = page.getByRole('region', { name: `Inside ${name}` })
    if (!(await inside.isVisible())) continue // a box crossed in one hop stays a card
    seen.add(`${at} ${action}`)
    // The current station is the hop's row, and the followed dot sits on it (after the camera settles).
    const row = inside.locator('[aria-current="step"]')
    await expect(row).toHaveCount(1)
    await expect(async () => {
      const dot = await center(page, '.packet-dot.is-focus')
      const box = (await row.boundingBox())!
      expect(dot.y).toBeGreaterThanOrEqual(box.y)
      expect(dot.y).toBeLessThanOrEqual(box.y + box.height)
      expect(Math.abs(dot.x - box.x - 16 * (box.height / 34))).toBeLessThan(box.height)
    }).toPass({ timeout: 5000 })
    // The component doing the work is lit.
    if (WORKER[component]) await expect(inside.locator('.station-chip[aria-current="true"]')).toHaveText(WORKER[component])
    // The packet's label: the rewritten address struck, the new one shown.
    const tag = page.getByRole('status', { name: 'Packet addresses' })
    if (action === 'DNAT' && at === `node/${entry}`) {
      await expect(row).toContainText(/KUBE-SEP-\w+\s*DNAT → 10\.244\.\d+\.\d+:8080/)
      await expect(tag.getByLabel(/^destination 172\.18\.0\.\d:30123 rewritten to 10\.244\.\d+\.\d+:8080$/)).toBeVisible()
    }
    if (action === 'SNAT') {
      await expect(row).toContainText('KUBE-POSTROUTING')
      await expect(row).toContainText('MASQUERADE →')
      await expect(tag.getByLabel(/^source 172\.18\.0\.1:\d+ rewritten to /)).toBeVisible()
    }
    if (action === 'un-SNAT') await expect(inside.locator('.station-chip[aria-current="true"]')).toHaveText('conntrack')
  }
  // The stations the issue names were all visited: kube-proxy's chain, the DNAT, MASQUERADE, the route to the
  // other node, the veth into the pod, conntrack on the way back.
  expect([...seen]).toEqual(expect.arrayContaining([`node/${entry} jump`, `node/${entry} DNAT`, `node/${entry} SNAT`, `node/${entry} route`,
    `node/${entry} un-SNAT`, `node/${entry} un-DNAT`]))
  expect([...seen].some((s) => / deliver$/.test(s))).toBe(true)
})

/** Visible text under 20 px on screen (flow text counts with the canvas's zoom). */
const SMALL_TEXT = `() => {
  const out = []
  const vp = document.querySelector('.react-flow__viewport')
  const scale = vp ? new DOMMatrix(getComputedStyle(vp).transform).a : 1
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue
    const el = n.parentElement
    if (!el || el.closest('[aria-hidden="true"], .monaco-editor, .xterm-helpers, .xterm-accessibility')) continue
    const style = getComputedStyle(el)
    if (style.visibility !== 'visible' || style.display === 'none' || Number(style.opacity) === 0) continue
    const range = document.createRange(); range.selectNodeContents(n)
    const r = range.getBoundingClientRect()
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) continue
    let hidden = false
    for (let p = el; p && !hidden; p = p.parentElement) { const s = getComputedStyle(p); if (s.visibility === 'hidden' || s.display === 'none') hidden = true }
    if (hidden) continue
    const size = parseFloat(style.fontSize) * (vp && vp.contains(el) ? scale : 1)
    if (size < 19.9) out.push(Math.round(size * 10) / 10 + 'px ' + el.className + ': ' + n.textContent.trim().slice(0, 40))
  }
  return out
}`

test('presenter mode at 1280×720: every visible text is 20 px or more while a request plays, panels collapse by key', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?present')
  await expect(page.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(3)
  // Presenter mode gave the canvas the room: editor, console and requests panel collapsed.
  const panels = page.getByRole('group', { name: 'Panels' })
  await expect(panels.getByRole('button', { name: 'Editor' })).toHaveAttribute('aria-pressed', 'false')
  await expect(panels.getByRole('button', { name: 'Console' })).toHaveAttribute('aria-pressed', 'false')
  await crossNodeRequest(page, true)
  await openRequests(page, true)
  const hops = page.getByRole('list', { name: 'Hops' }).getByRole('button')
  await page.getByRole('button', { name: 'Pause', exact: true }).click().catch(() => { /* already home */ })
  const dnat = hops.filter({ hasText: /DNAT$/ }).first()
  await dnat.click()
  await openRequests(page, false)
  await expect(page.getByRole('region', { name: /^Inside kind-worker/ })).toBeVisible()
  // The camera has zoomed to a readable scale on the station.
  await expect.poll(async () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)).toBeGreaterThanOrEqual(1.34)
  await page.waitForTimeout(600)
  expect(await page.evaluate(`(${SMALL_TEXT})()`)).toEqual([])
  // Alt+Shift+1 brings the editor back (its text at the projector size), and hides it again.
  await page.keyboard.press('Alt+Shift+Digit1')
  await expect(panels.getByRole('button', { name: 'Editor' })).toHaveAttribute('aria-pressed', 'true')
  await expect(app(page).editorRegion).toBeVisible()
  await expect.poll(async () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.monaco-editor .view-lines')!).fontSize))).toBeGreaterThanOrEqual(20)
  await page.keyboard.press('Alt+Shift+Digit1')
  await expect(panels.getByRole('button', { name: 'Editor' })).toHaveAttribute('aria-pressed', 'false')
})

test('the clock runs with wall time, speeds up, pauses and skips ahead; the pods age while you watch', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(3)
  const time = page.getByRole('timer', { name: 'Simulated time' })
  await expect(time).toHaveText(/^\d\d:\d\d:\d\d$/)
  const seconds = async () => { const [h, m, s] = (await time.innerText()).split(':').map(Number); return h * 3600 + m * 60 + s }
  const t0 = await seconds()
  await expect.poll(seconds, { timeout: 5000 }).toBeGreaterThan(t0)
  await page.getByRole('button', { name: 'Clock speed 60×' }).click()
  const t1 = await seconds()
  await expect.poll(seconds, { timeout: 5000 }).toBeGreaterThanOrEqual(t1 + 60)
  await page.getByRole('button', { name: 'Pause the clock' }).click()
  const paused = await time.innerText()
  await page.waitForTimeout(1500)
  await expect(time).toHaveText(paused)
  await page.getByRole('button', { name: 'Skip ahead 30 seconds' }).click()
  const t2 = (() => { const [h, m, s] = paused.split(':').map(Number); return h * 3600 + m * 60 + s })()
  await expect.poll(seconds).toBe(t2 + 30)
  // kubectl sees the same clock: the pods are minutes old now.
  await app(page).consoleInput.focus()
  await page.keyboard.type('kubectl get pods\n')
  await expect(app(page).console.locator('.xterm-rows')).toContainText(/kubia-\S+\s+1\/1\s+Running\s+0\s+(\d{2,3}s|\d+m)/)
})

test('one truth on screen: opening a scenario clears the requests, marks and "applied" line of the document before', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(3)
  await expect(page.getByRole('status', { name: 'Last apply' })).toContainText('applied: deployment.apps/kubia created')
  await app(page).consoleInput.focus()
  await page.keyboard.type('curl -s http://172.18.0.3:30123\n')
  await expect(page.getByRole('complementary', { name: 'Requests panel' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Hop card' })).toBeVisible()
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scenarios' })
  await dialog.getByRole('button', { name: /^NodePort from the host, and the SNAT on the extra hop/ }).click()
  await expect(dialog).toBeHidden()
  // The old cluster's request, its hop card and its outcome marks are gone; the header no longer claims kubia.
  await expect(page.getByRole('complementary', { name: 'Requests panel' })).toBeHidden()
  await expect(page.getByRole('region', { name: 'Hop card' })).toBeHidden()
  await expect(page.getByRole('status', { name: 'Answer' })).toHaveCount(0)
  await expect(page.getByRole('status', { name: 'Last apply' })).not.toContainText('kubia')
  // The scenario holds the clock: its steps move time as the CLI does.
  await expect(page.getByRole('button', { name: 'Skip ahead 30 seconds' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Clock speed 10×' })).toBeDisabled()
})

test('side by side on the canvas: two stacked paths, stepped in lockstep, the hops where they part marked', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(3)
  await page.getByRole('button', { name: 'Send request' }).click()
  await page.getByRole('dialog', { name: 'Send request' }).getByRole('button', { name: 'Send' }).click()
  await page.getByRole('tab', { name: 'Side by side' }).click()
  await page.getByRole('button', { name: 'Compare side by side' }).click()
  const stage = page.getByRole('region', { name: 'Side by side paths' })
  await expect(stage).toBeVisible()
  const cluster = stage.getByRole('group', { name: /externalTrafficPolicy: Cluster/ })
  const local = stage.getByRole('group', { name: /externalTrafficPolicy: Local/ })
  await expect(cluster).toBeVisible()
  await expect(local).toBeVisible()
  // As large as the canvas: each path takes about half of it.
  const canvas = (await page.locator('.topology-canvas').boundingBox())!
  expect((await cluster.boundingBox())!.width).toBeGreaterThan(canvas.width * 0.9)
  // Lockstep: stepping moves both paths to the same hop.
  await stage.getByRole('button', { name: 'Step forward' }).click()
  await stage.getByRole('button', { name: 'Step forward' }).click()
  await expect(cluster.locator('[aria-current="step"]')).toHaveAttribute('data-step', '2')
  await expect(local.locator('[aria-current="step"]')).toHaveAttribute('data-step', '2')
  // Cluster marks the packet for masquerading; Local does not: that hop is marked on the Cluster side.
  await expect(cluster.locator('.compare-hop.is-different').filter({ hasText: 'mark for SNAT' })).toHaveCount(1)
  await stage.getByRole('button', { name: 'Close' }).click()
  await expect(stage).toBeHidden()
})
