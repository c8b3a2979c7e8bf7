// The scenario gallery and guided steps, used like a person would: by role and accessible name. Every scenario
// of the gallery is walked through the Steps panel in a fresh page and must pass all its checks there, as it
// does through `bin/kubehop run` (issue 15: the browser runs scenarios exactly as the CLI does).
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { parseScenario } from '../src/scenarios/parse.ts'
import { app } from './app.ts'
import { expect, test } from './fixtures.ts'

const root = fileURLToPath(new URL('../scenarios', import.meta.url))
const gallery = readdirSync(root).filter((d) => existsSync(join(root, d, 'steps.sh'))).sort().map((id) => {
  const text = readFileSync(join(root, id, 'steps.sh'), 'utf8')
  const scenario = parseScenario({ id, files: { 'steps.sh': text } })
  return {
    id, title: scenario.meta.title, steps: scenario.steps.length, checks: scenario.steps.reduce((n, s) => n + s.checks.length, 0),
    // It builds its own cluster (kind create cluster, minikube start): "Replay from start" must rebuild that one.
    ownCluster: /^(kind create cluster|minikube start|gcloud container clusters create)/m.test(text),
  }
})

// The tests of this file are independent (a fresh page each): both workers share them.
test.describe.configure({ mode: 'parallel' })

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const steps = (page: Page) => page.getByRole('region', { name: 'Steps' })

async function openFromGallery(page: Page, title: string) {
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scenarios' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: new RegExp(`^${escapeRe(title)}`) }).click()
  await expect(dialog).toBeHidden()
  await expect(steps(page).getByRole('heading', { name: title })).toBeVisible()
}

test('open a scenario from the gallery and run its steps: console shows the commands, the engine grades the checks', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/')
  const ui = app(page)
  await expect(ui.clusterNode('kind-worker')).toBeVisible()
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await expect(page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^Every pod gets an IP/ })).toBeVisible()
  await page.screenshot({ path: '/tmp/shots/share-gallery.png' })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Scenarios' })).toBeHidden()
  await openFromGallery(page, 'NodePort from the host, and the SNAT on the extra hop')
  await expect(page.getByRole('tab', { name: 'app.yaml' })).toBeVisible()
  await expect(steps(page).getByRole('status', { name: 'Scenario progress' })).toHaveText('Step 1 of 4')
  // Nothing is applied before the first step runs: the steps apply the files.
  await expect(ui.pods('default/echo')).toHaveCount(0)
  const first = steps(page).getByRole('listitem', { name: /^Step 1:/ })
  await first.getByRole('button', { name: 'Run' }).click()
  await expect(steps(page).getByRole('status', { name: 'Scenario progress' })).toHaveText('Step 2 of 4 · 1 of 1 checks passed')
  await expect(first.getByRole('list', { name: 'Checks' })).toContainText('passed: ')
  await expect(ui.pods('default/echo')).toHaveCount(1)
  // The step's last command, typed at the prompt, and its output (the console shows its visible rows).
  await expect(ui.console.locator('.xterm-rows')).toContainText('$ kubectl get pods -o wide')
  await expect(ui.console.locator('.xterm-rows')).toContainText(/echo-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/)

  // The next two steps; the last one's checks say why they pass (the SNAT through the other node).
  await steps(page).getByRole('listitem', { name: /^Step 2:/ }).getByRole('button', { name: 'Run' }).click()
  await steps(page).getByRole('listitem', { name: /^Step 3:/ }).getByRole('button', { name: 'Run' }).click()
  const fourth = steps(page).getByRole('listitem', { name: /^Step 4:/ })
  await fourth.getByRole('button', { name: 'Run' }).click()
  await expect(steps(page).getByRole('status', { name: 'Scenario progress' })).toHaveText('All 4 steps run · 8 of 8 checks passed')
  await expect(fourth.getByRole('list', { name: 'Checks' })).toContainText('172.18.0.3')
  const pod = await ui.pods('default/echo').first().getAttribute('aria-label')

  // Replay from the start: the same seed gives the same pod (name and IP).
  await steps(page).getByRole('button', { name: 'Replay from start' }).click()
  await expect(steps(page).getByRole('status', { name: 'Scenario progress' })).toHaveText('Step 1 of 4')
  await expect(ui.pods('default/echo')).toHaveCount(0)
  await steps(page).getByRole('listitem', { name: /^Step 1:/ }).getByRole('button', { name: 'Run' }).click()
  await expect(ui.pods('default/echo')).toHaveCount(1)
  await expect.poll(async () => (await ui.pods('default/echo').first().getAttribute('aria-label'))?.replace(/, (Pending|ContainerCreating|Running).*$/, ''))
    .toBe(pod!.replace(/, (Pending|ContainerCreating|Running).*$/, ''))
  await page.screenshot({ path: '/tmp/shots/share-scenario-steps.png' })
})

/** The progress line once every step ran: all checks passed (or no checks at all). */
const allPassed = (steps: number, checks: number) => (checks ? `All ${steps} steps run · ${checks} of ${checks} checks passed` : `All ${steps} steps run`)

/** Clicks each step's Run button in turn, as a learner does, waiting for the engine to grade it. */
async function runEveryStep(page: Page, count: number) {
  const progress = steps(page).getByRole('status', { name: 'Scenario progress' })
  for (let i = 1; i <= count; i++) {
    await steps(page).getByRole('listitem', { name: new RegExp(`^Step ${i}:`) }).getByRole('button', { name: 'Run', exact: true }).click()
    const next = i < count ? `Step ${i + 1} of ${count}` : `All ${count} steps run`
    await expect(progress).toHaveText(new RegExp(`^${next}( · \\d+ of \\d+ checks passed)?$`), { timeout: 30_000 })
  }
  // The checks that failed, with the engine's reason, so a failure says which and why.
  const failed = await steps(page).getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: '— failed:' }).allInnerTexts()
  expect(failed).toEqual([])
  return progress
}

// One fresh page per scenario: nothing carries over from another scenario, as for a learner who follows a link.
for (const s of gallery) {
  test(`${s.id}: every step run from the Steps panel passes its checks${s.ownCluster ? ', and again after "Replay from start"' : ''}`, async ({ page }) => {
    test.setTimeout(s.ownCluster ? 120_000 : 60_000)
    await page.goto('/')
    await expect(app(page).clusterNode('kind-worker')).toBeVisible()
    await openFromGallery(page, s.title)
    const progress = await runEveryStep(page, s.steps)
    await expect(progress).toHaveText(allPassed(s.steps, s.checks))
    if (!s.ownCluster) return
    await steps(page).getByRole('button', { name: 'Replay from start' }).click()
    await expect(progress).toHaveText(`Step 1 of ${s.steps}`)
    await runEveryStep(page, s.steps)
    await expect(progress).toHaveText(allPassed(s.steps, s.checks))
  })
}

test('presenter mode: large type, arrows step through the scenario', async ({ page }) => {
  await page.goto('/?present')
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true')
  await openFromGallery(page, 'Every pod gets an IP from its node\'s subnet')
  await page.getByRole('region', { name: 'Steps' }).getByRole('heading').click() // focus outside editor and console
  await page.keyboard.press('ArrowRight')
  await expect(steps(page).getByRole('status', { name: 'Scenario progress' })).toHaveText(/^Step 2 of 4/)
  await page.keyboard.press('ArrowLeft')
  await expect(steps(page).getByRole('status', { name: 'Scenario progress' })).toHaveText('Step 1 of 4')
  await page.screenshot({ path: '/tmp/shots/share-presenter.png' })
})
