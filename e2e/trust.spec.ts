// Careless and unlucky use, with saved work present: two tabs on one workspace, a full disk, 1 MB and 20 MB pastes,
// a scenario opened and closed, an import, a reload that must bring back the versions, and a user from before
// workspaces. A heartbeat in the page checks that nothing holds the main thread for more than 200 ms.
import type { Page } from '@playwright/test'
import { app, replaceLine } from './app.ts'
import { expect, test } from './fixtures.ts'
import { clipboardReadMs, heartbeatGap, mine, saveWork, settle, startHeartbeat, workspaces } from './trust-helpers.ts'

const MAX_GAP_MS = 200
// The machine is shared (load 20+ on 2 cores): a blip of starvation can pass 200 ms once; a real freeze fails twice.
test.describe.configure({ retries: 1 })

/**
 * No main-thread gap over 200 ms apart from the browser's own clipboard read, which no page can skip (Chromium copies
 * the whole text from its browser process when the paste event's data is read); both figures go to the report.
 */
async function expectNoStall(page: Page, what: string): Promise<void> {
  const gap = await heartbeatGap(page)
  const read = await clipboardReadMs(page)
  test.info().annotations.push({ type: 'heartbeat', description: `${what}: longest gap ${Math.round(gap)} ms, of which the browser's clipboard read ${Math.round(read)} ms` })
  console.log(`${what}: longest gap ${Math.round(gap)} ms, clipboard read ${Math.round(read)} ms`)
  expect(gap - read, `${what}: main-thread gap beyond the clipboard read`).toBeLessThan(MAX_GAP_MS)
}

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' })
const saveAlert = (page: Page) => page.getByRole('alert', { name: 'Save status' })

test('two tabs on one workspace: an idle tab follows, a tab that missed a save is asked and never overwrites', async ({ page }) => {
  test.setTimeout(120_000)
  await saveWork(page)
  const other = await page.context().newPage()
  await other.goto('/')
  await expect(app(other).editorRegion.getByText('replicas: 4')).toBeVisible()
  // An idle tab follows the other's saves.
  await replaceLine(page, 6, 'replicas: 5')
  await expect(app(other).editorRegion.getByText('replicas: 5')).toBeVisible()
  await expect(other.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(5)
  await other.close()

  // A third tab that hears nothing from the others (as when both save in the same instant) edits an old revision.
  const deaf = await page.context().newPage()
  await deaf.addInitScript(() => {
    (globalThis as unknown as { BroadcastChannel: unknown }).BroadcastChannel = class { postMessage() {} close() {} onmessage = null }
  })
  await deaf.goto('/')
  await expect(app(deaf).editorRegion.getByText('replicas: 5')).toBeVisible()
  await replaceLine(page, 6, 'replicas: 2')
  await expect.poll(async () => (await mine(page))?.files[0].text).toContain('replicas: 2')
  await replaceLine(deaf, 6, 'replicas: 7')
  await expect(saveAlert(deaf)).toContainText('was changed in another tab')
  expect((await mine(page))?.files[0].text).toContain('replicas: 2') // not overwritten
  await deaf.getByRole('button', { name: 'Keep mine as a copy' }).click()
  await expect(saveStatus(deaf)).toHaveText('saved in “My workspace (copy)”')
  const all = await workspaces(page)
  expect(all.find((w) => w.name === 'My workspace')?.files[0].text).toContain('replicas: 2')
  expect(all.find((w) => w.name === 'My workspace (copy)')?.files[0].text).toContain('replicas: 7')

  // Again, and this time take theirs.
  const late = await page.context().newPage()
  await late.addInitScript(() => {
    (globalThis as unknown as { BroadcastChannel: unknown }).BroadcastChannel = class { postMessage() {} close() {} onmessage = null }
  })
  await late.goto('/')
  await late.getByRole('button', { name: /^Workspace: / }).click()
  await late.getByRole('dialog', { name: 'Workspaces' }).getByRole('listitem', { name: 'Workspace My workspace' }).getByRole('button', { name: 'Open' }).click()
  await expect(app(late).editorRegion.getByText('replicas: 2')).toBeVisible()
  await replaceLine(page, 6, 'replicas: 1')
  await expect.poll(async () => (await mine(page))?.files[0].text).toContain('replicas: 1')
  await replaceLine(late, 6, 'replicas: 9')
  await expect(saveAlert(late)).toContainText('was changed in another tab')
  await late.getByRole('button', { name: 'Take theirs' }).click()
  await expect(app(late).editorRegion.getByText('replicas: 1')).toBeVisible()
  expect((await mine(page))?.files[0].text).toContain('replicas: 1')
})

test('a full disk: the status bar says so at once with a way out, and the last save survives a reload', async ({ page }) => {
  test.setTimeout(90_000)
  await saveWork(page)
  await page.evaluate(() => {
    type Put = (...args: unknown[]) => unknown
    const store = (globalThis as unknown as { IDBObjectStore: { prototype: { put: Put; add: Put } } }).IDBObjectStore.prototype
    const full = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError') }
    store.put = full
    store.add = full
    const nav = (globalThis as unknown as { navigator: { storage?: { estimate?: () => Promise<unknown> } } }).navigator
    if (nav.storage) nav.storage.estimate = async () => ({ usage: 10 * 1024 * 1024, quota: 10 * 1024 * 1024 })
  })
  await settle(page)
  await startHeartbeat(page)
  await replaceLine(page, 6, 'replicas: 6')
  await expect(saveAlert(page)).toContainText('storage is full. Your last saved version is safe.')
  await expect(saveAlert(page).getByRole('button', { name: 'Export' })).toBeVisible()
  await expect(saveAlert(page).getByRole('button', { name: 'Free space' })).toBeVisible()
  expect(await heartbeatGap(page)).toBeLessThan(MAX_GAP_MS)
  const download = page.waitForEvent('download')
  await saveAlert(page).getByRole('button', { name: 'Export' }).click()
  expect((await download).suggestedFilename()).toBe('kubehop-export.zip')
  expect((await mine(page))?.files[0].text).toContain('replicas: 4')
  await page.reload() // the stub is gone with the page: what was saved before the disk filled comes back
  await expect(app(page).editorRegion.getByText('replicas: 4')).toBeVisible()
})

for (const [label, size] of [['1 MB', 1024 * 1024], ['20 MB', 20 * 1000 * 1000]] as const) {
  test(`a ${label} paste into the editor is refused at once, and the page never stalls`, async ({ page, context }) => {
    test.setTimeout(90_000)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await saveWork(page)
    await page.evaluate((n) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText('a: b\n'.repeat(Math.ceil(n / 5))), size)
    await app(page).editor.focus()
    await page.keyboard.press('Control+End')
    await settle(page)
    await startHeartbeat(page)
    await page.keyboard.press('Control+V')
    await expect(page.getByRole('alert', { name: 'Editor notice' })).toContainText(`Paste refused: ${(Math.ceil(size / 5) * 5 / 1e6).toFixed(1)} MB`)
    await page.waitForTimeout(500)
    await expectNoStall(page, label)
    await expect(app(page).docStatus).toHaveText('32 lines, 2 documents')
    expect((await mine(page))?.files[0].text).toContain('replicas: 4')
  })
}

test('a 20 MB paste into Import is refused before the text area takes it', async ({ page, context }) => {
  test.setTimeout(90_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await expect(app(page).editor).toBeVisible()
  await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText('x'.repeat(20_000_000)))
  await page.getByRole('button', { name: 'Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.getByRole('textbox', { name: 'YAML to import' }).focus()
  await settle(page)
  await startHeartbeat(page)
  await page.keyboard.press('Control+V')
  await expect(dialog.getByRole('alert')).toContainText('Paste refused: 20.0 MB of text')
  await page.waitForTimeout(500)
  await expectNoStall(page, '20 MB into Import')
  await expect(dialog.getByRole('textbox', { name: 'YAML to import' })).toHaveValue('')
})

test('a gallery scenario opens as its own workspace and “Close scenario” returns to the user’s, as it was', async ({ page }) => {
  test.setTimeout(90_000)
  await saveWork(page)
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^Every pod gets an IP/ }).click()
  const steps = page.getByRole('region', { name: 'Steps' })
  await steps.getByRole('listitem', { name: /^Step 1:/ }).getByRole('button', { name: 'Run' }).click()
  await expect(steps.getByRole('status', { name: 'Scenario progress' })).toHaveText(/^Step 2 of 4/)
  await expect(page.getByRole('button', { name: /^Workspace: Scenario: Every pod gets an IP/ })).toBeVisible()
  expect((await mine(page))?.files[0].text).toContain('replicas: 4')
  await steps.getByRole('button', { name: 'Close scenario' }).click()
  await expect(page.getByRole('button', { name: 'Workspace: My workspace' })).toBeVisible()
  await expect(app(page).editorRegion.getByText('replicas: 4')).toBeVisible()
  await expect(page.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(4)
  await expect(steps).toHaveCount(0)
  // The scenario's workspace kept its place: reopening it replays its step.
  await page.getByRole('button', { name: 'Workspace: My workspace' }).click()
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('listitem', { name: /^Workspace Scenario: Every pod gets an IP/ }).getByRole('button', { name: 'Open' }).click()
  await expect(steps.getByRole('status', { name: 'Scenario progress' })).toHaveText(/^Step 2 of 4/, { timeout: 20_000 })
})

test('an import opens as a new workspace; versions survive a reload and restore', async ({ page }) => {
  test.setTimeout(90_000)
  await saveWork(page)
  await replaceLine(page, 6, 'replicas: 2')
  await expect.poll(async () => (await mine(page))?.rev).toBe(2)
  await page.getByRole('button', { name: 'Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.getByRole('textbox', { name: 'YAML to import' }).fill('apiVersion: v1\nkind: Namespace\nmetadata: {name: imported}\n')
  await dialog.getByRole('button', { name: 'Import pasted YAML' }).click()
  await expect(page.getByRole('button', { name: 'Workspace: Import: imported.yaml' })).toBeVisible()
  await expect.poll(async () => (await workspaces(page)).map((w) => w.origin).sort()).toEqual(['import', 'mine'])
  expect((await mine(page))?.files.map((f) => f.name)).toEqual(['app.yaml', 'kind-config.yaml'])
  // Back to the user's own, reload, and restore the version from before “replicas: 2”.
  await page.getByRole('button', { name: 'Workspace: Import: imported.yaml' }).click()
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('listitem', { name: 'Workspace My workspace' }).getByRole('button', { name: 'Open' }).click()
  await expect(app(page).editorRegion.getByText('replicas: 2')).toBeVisible()
  await page.reload()
  await expect(app(page).editorRegion.getByText('replicas: 2')).toBeVisible()
  await page.getByRole('button', { name: 'Workspace: My workspace' }).click()
  const versions = page.getByRole('dialog', { name: 'Workspaces' }).getByRole('region', { name: 'Versions' })
  await expect(versions.getByRole('listitem')).toHaveCount(2)
  await versions.getByRole('listitem', { name: 'Version 1' }).getByRole('button', { name: 'Restore' }).click()
  await expect(app(page).editorRegion.getByText('replicas: 4')).toBeVisible()
  await expect.poll(async () => (await mine(page))?.files[0].text).toContain('replicas: 4')
})

test('a user from before workspaces finds the localStorage document in “My workspace”', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/')
  await page.evaluate(() => {
    const ls = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void; clear(): void } }).localStorage
    ls.clear()
    ls.setItem('kubehop.document.v2', JSON.stringify({ v: 2, files: [{ name: 'old.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: from-before}\n' }], active: 'old.yaml', seed: 3 }))
  })
  await page.reload()
  await expect(page.getByRole('tab', { name: 'old.yaml' })).toHaveAttribute('aria-selected', 'true')
  await expect(app(page).editorRegion.getByText('name: from-before')).toBeVisible()
  await expect.poll(async () => (await mine(page))?.files[0].name).toBe('old.yaml')
  expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('kubehop.document.v2'))).toBeNull()
  await page.reload()
  await expect(app(page).editorRegion.getByText('name: from-before')).toBeVisible()
})
