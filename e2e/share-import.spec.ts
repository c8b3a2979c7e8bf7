// Import (paste a `kubectl get -o yaml` List) and Export (a zip that runs on a real kind cluster).
import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { app } from './app.ts'
import { expect, test } from './fixtures.ts'

const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: imported-web
    uid: 5b1f
    resourceVersion: "812"
    labels: { app: imported }
  spec:
    containers: [{ name: web, image: nginx:1.27 }]
  status: { phase: Running }
`

test('paste a kubectl List into Import: it becomes a tab and its pod appears; Export downloads a runnable folder', async ({ page }) => {
  await page.goto('/')
  await expect(app(page).editor).toBeVisible()
  await page.getByRole('button', { name: 'Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.getByRole('textbox', { name: 'YAML to import' }).fill(list)
  await dialog.getByRole('button', { name: 'Import pasted YAML' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('tab', { name: 'imported.yaml' })).toHaveAttribute('aria-selected', 'true')
  await expect(app(page).pods('default/imported-web')).toHaveCount(1)
  await expect(app(page).editorRegion.getByText('resourceVersion')).toHaveCount(0)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()])
  expect(download.suggestedFilename()).toBe('kubehop-export.zip')
  const files = unzipSync(readFileSync(await download.path()))
  expect(Object.keys(files).sort()).toEqual(['kubehop-export/app.yaml', 'kubehop-export/imported.yaml', 'kubehop-export/kind-config.yaml', 'kubehop-export/steps.sh'])
  const steps = strFromU8(files['kubehop-export/steps.sh'])
  expect(steps).toContain('kind create cluster --config kind-config.yaml\n')
  expect(steps).toContain('kubectl apply -f imported.yaml\n')
})
