// Thirty-odd broken and hostile links, each opened in a new tab while the visitor has saved work: the saved work
// is never touched, a bad link says what is wrong (never a blank page), a link's request runs only when it is one
// plain request, and nothing holds the main thread for more than 200 ms once the page is up.
import type { Page } from '@playwright/test'
import { deflateSync } from 'fflate'
import { app } from './app.ts'
import { expect, test } from './fixtures.ts'
import { heartbeatGap, linkOf, mine, rawLink, saveWork, startHeartbeat, toB64url, workspaces } from './trust-helpers.ts'

const app1 = (text = 'kind: Namespace\napiVersion: v1\nmetadata: {name: linked}\n') => [{ name: 'app.yaml', text }]
const valid = { v: 2, files: app1(), seed: 1 }
const MAX_GAP_MS = 200

/** Links the codec or the document check refuses: the error view says why. */
const broken: [string, string, RegExp][] = [
  ['unknown codec', '/#kh2:abc', /unknown link format \(codec “kh2”/],
  ['no codec', '/#hello', /unknown link format \(codec none/],
  ['codec without colon', '/#kh1', /unknown link format/],
  ['not base64url', '/#kh1:@@@@!!', /characters base64url does not use/],
  ['truncated by half', linkOf(valid).slice(0, Math.floor(linkOf(valid).length / 2)), /cut short|damaged/],
  ['truncated by one character', linkOf(valid).slice(0, -1), /cut short|damaged/],
  ['deflated garbage', `/#kh1:${toB64url(new Uint8Array([255, 1, 2, 3, 4, 5, 6, 7]))}`, /damaged|cut short/],
  ['not JSON', rawLink('{v: 2, files'), /not JSON/],
  ['a JSON array', rawLink('[]'), /no version|does not hold a document/],
  ['JSON null', rawLink('null'), /does not hold a document/],
  ['a newer version', linkOf({ ...valid, v: 99 }), /made by a newer kubehop \(document version 99/],
  ['version 0', linkOf({ ...valid, v: 0 }), /no version/],
  ['no version', linkOf({ files: app1(), seed: 1 }), /no version/],
  ['no files', linkOf({ ...valid, files: [] }), /has no files/],
  ['a path as file name', linkOf({ ...valid, files: [{ name: '../../etc/passwd', text: '' }] }), /unusable file name/],
  ['a hidden file name', linkOf({ ...valid, files: [{ name: '.bashrc.yaml', text: '' }] }), /unusable file name/],
  ['a file twice', linkOf({ ...valid, files: [...app1(), ...app1()] }), /names "app.yaml" twice/],
  ['a file text that is a number', linkOf({ ...valid, files: [{ name: 'a.yaml', text: 5 }] }), /must have a name and a text/],
  ['a negative seed', linkOf({ ...valid, seed: -1 }), /seed must be a non-negative integer/],
  ['a huge seed', rawLink(JSON.stringify(valid).replace('"seed":1', '"seed":1e300')), /seed must be a non-negative integer/],
  ['an active tab that is not a file', linkOf({ ...valid, active: 'other.yaml' }), /active tab is not one of the files/],
  ['an unknown profile', linkOf({ ...valid, profile: 'aws' }), /unknown cluster profile/],
  ['a scenario id with markup', linkOf({ ...valid, scenario: { id: '<script>', steps: '', step: 0 } }), /scenario id is not a plain name/],
  ['a scenario step far away', linkOf({ ...valid, scenario: { id: 'x', steps: '', step: 99_999 } }), /scenario step must be/],
  ['a request of two lines', linkOf({ ...valid, request: 'curl http://x/\nkubectl delete deploy --all' }), /request must be one short console line/],
  ['a request of 600 characters', linkOf({ ...valid, request: `curl http://${'x'.repeat(600)}/` }), /request must be one short console line/],
  ['25 files', linkOf({ ...valid, files: Array.from({ length: 25 }, (_, i) => ({ name: `f${i}.yaml`, text: '' })) }), /at most 24/],
  ['1.2 million characters of text', linkOf({ ...valid, files: app1(`a: ${'x'.repeat(1_200_000)}\n`) }), /unpacks to more than|at most 1000000/],
  ['a decompression bomb', `/#kh1:${toB64url(deflateSync(new Uint8Array(20 * 1024 * 1024), { level: 9 }))}`, /unpacks to more than 1024 KB/],
  ['70 KB long', `/#kh1:${'A'.repeat(70_000)}`, /KB long \(at most 64 KB\)/],
  ['a scenario that does not parse', linkOf({ ...valid, scenario: { id: 'x', steps: '# title: t\n', step: 0 } }), /its scenario cannot be used/],
]

/** Links that open (in their own workspace) but whose request is not a plain request: it is refused, and said so. */
const hostileRequests: [string, string][] = [
  ['kubectl delete deploy --all', /only curl, wget, ping, nslookup, dig/.source],
  ['curl -s http://172.18.0.3:30123/; kubectl delete deploy --all', /more than one command/.source],
  ['curl -s http://172.18.0.3:30123/ && kubectl delete svc kubia', /more than one command/.source],
  ['curl -s $(kubectl delete deploy kubia)', /expands variables or runs commands/.source],
  ['curl -s http://172.18.0.3:30123/ | sh', /pipes into another command/.source],
  ['wget -O /tmp/x http://172.18.0.3:30123/', /reads or writes files/.source],
  ['curl -s http://172.18.0.3:30123/ > kind-config.yaml', /redirects input or output/.source],
]

async function openInNewTab(page: Page, link: string): Promise<Page> {
  const tab = await page.context().newPage()
  tab.on('pageerror', (err) => { throw err })
  await tab.goto(link)
  return tab
}

async function expectSavedWorkUntouched(page: Page): Promise<void> {
  const own = await mine(page)
  expect(own?.files[0].text).toContain('replicas: 4')
  expect(own?.rev).toBe(1)
}

test.describe.configure({ retries: 1 }) // the shared machine's load can starve one probe; a real freeze fails twice

test('31 broken links: each says why in the error view, nothing freezes, the saved work stays', async ({ page }) => {
  test.setTimeout(240_000)
  await saveWork(page)
  expect(broken.length).toBeGreaterThanOrEqual(30)
  for (const [what, link, why] of broken) {
    const tab = await openInNewTab(page, link)
    await expect(tab.getByRole('main', { name: 'This link could not be opened' }), what).toBeVisible()
    await expect(tab.getByRole('alert'), what).toContainText(why)
    await startHeartbeat(tab)
    await tab.waitForTimeout(300)
    expect(await heartbeatGap(tab), `${what}: main-thread gap`).toBeLessThan(MAX_GAP_MS)
    await tab.close()
  }
  await expectSavedWorkUntouched(page)
  expect((await workspaces(page)).map((w) => w.origin)).toEqual(['mine']) // a broken link makes no workspace
  // A new tab without a link opens the user's own workspace.
  const fresh = await openInNewTab(page, '/')
  await expect(app(fresh).editorRegion.getByText('replicas: 4')).toBeVisible()
  await expect(fresh.getByRole('button', { name: 'Workspace: My workspace' })).toBeVisible()
})

test('hostile requests in a link are shown refused and never run; the link opens beside the saved work', async ({ page }) => {
  test.setTimeout(180_000)
  await saveWork(page)
  for (const [request, why] of hostileRequests) {
    const tab = await openInNewTab(page, linkOf({ v: 2, files: [{ name: 'app.yaml', text: (await mine(page))!.files[0].text }], seed: 1, request }))
    const panel = tab.getByRole('region', { name: 'Request from the link' })
    await expect(panel.getByRole('alert'), request).toContainText(new RegExp(`was not run: .*${why}`))
    await expect(tab.getByRole('group', { name: /^Pod default\/kubia-/ }), request).toHaveCount(4) // nothing was deleted
    await expect(tab.getByRole('button', { name: /^Workspace: Link · / })).toBeVisible()
    await tab.close()
  }
  await expectSavedWorkUntouched(page)
  const links = (await workspaces(page)).filter((w) => w.origin === 'link')
  expect(links).toHaveLength(1) // beside the user's own; links with the same unedited document share one workspace, not one each
})

test('a plain request from a link is shown, then played, in the link’s own workspace', async ({ page }) => {
  test.setTimeout(90_000)
  await saveWork(page)
  const tab = await openInNewTab(page, linkOf({ v: 2, files: [{ name: 'app.yaml', text: (await mine(page))!.files[0].text }], seed: 1, request: 'curl -s http://172.18.0.3:30123/' }))
  // Shown before it plays (the cluster is still being built), then replaced by its packet path.
  await expect(tab.getByRole('region', { name: 'Request from the link' }).or(tab.getByRole('region', { name: 'Packet path' }))).toContainText('curl -s http://172.18.0.3:30123/')
  await expect(tab.getByRole('region', { name: 'Packet path' }).getByRole('status', { name: 'Request outcome' })).toContainText(/delivered · served by pod\/kubia-/, { timeout: 30_000 })
  await expect(tab.getByRole('region', { name: 'Packet path' })).toContainText('curl -s http://172.18.0.3:30123/')
  await expectSavedWorkUntouched(page)
})

test('a merge-key bomb in a link: the editor keeps it away from its YAML worker and the page never freezes', async ({ page }) => {
  test.setTimeout(90_000)
  await saveWork(page)
  // 472 characters: each level merges the one before it seven times (7^9 maps once expanded).
  const lines = ['a0: &a0 {k: v}']
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 7 }, () => `*a${i - 1}`).join(',')}]`)
  lines.push('b: {<<: *a9}')
  const bomb = `${lines.join('\n')}\n`
  expect(bomb.length).toBeLessThan(500)
  const tab = await openInNewTab(page, linkOf({ v: 2, files: [{ name: 'app.yaml', text: bomb }], seed: 1 }))
  await expect(app(tab).editor).toBeVisible({ timeout: 20_000 })
  await startHeartbeat(tab) // from the editor's start: the bomb froze the page right after it, for 10–17 s
  await expect(tab.getByRole('alert', { name: 'Editor notice' })).toContainText('aliases expand to too many nodes')
  await tab.waitForTimeout(3000)
  expect(await heartbeatGap(tab), 'main-thread gap after the editor opened the bomb').toBeLessThan(MAX_GAP_MS)
  await app(tab).editor.focus()
  await tab.keyboard.press('Control+End')
  await tab.keyboard.insertText('# still typing\n')
  await expect(app(tab).editorRegion.getByText('# still typing')).toBeVisible()
  await expectSavedWorkUntouched(page)
})

test('a link whose steps delete everything runs them in its own workspace only', async ({ page }) => {
  test.setTimeout(90_000)
  await saveWork(page)
  const steps = '# title: Hostile steps\n# group: Services\n# summary: deletes what it finds\n\n## Step: delete\nkubectl delete deploy --all\n'
  const tab = await openInNewTab(page, linkOf({ v: 2, files: [{ name: 'app.yaml', text: (await mine(page))!.files[0].text }], seed: 1, scenario: { id: 'hostile', steps, step: 1 } }))
  await expect(tab.getByRole('status', { name: 'Scenario progress' })).toHaveText('All 1 steps run', { timeout: 20_000 })
  await expect(tab.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(0) // the link's own cluster lost them
  await expectSavedWorkUntouched(page)
  const fresh = await openInNewTab(page, '/')
  await expect(fresh.getByRole('group', { name: /^Pod default\/kubia-/ })).toHaveCount(4)
})
