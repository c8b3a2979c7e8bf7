// The console behaves like a terminal: output without a final newline stays, multi-line input gets `> `.
import { app, deploymentPod } from './app.ts'
import { consoleRows, paste, screenOf, typeLine } from './console-terminal.ts'
import { expect, test } from './fixtures.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
})

test('output without a trailing newline stays visible, the prompt after it on the same row', async ({ page }) => {
  const pod = (await page.getByRole('group', { name: deploymentPod('kubia') }).first().getAttribute('aria-label'))!
  const [, name, ip] = /^Pod default\/(\S+), (10\.244\.\d+\.\d+),/.exec(pod)!
  await typeLine(page, `kubectl get pod ${name} -o jsonpath='{.status.podIP}'`)
  await expect(screenOf(page)).toContainText(`${ip}$`)
  const rows = await consoleRows(page)
  expect(rows).toContain(`${ip}$`) // bash: the IP, then the prompt on the same row
})

test('a pasted here-document gets the continuation prompt and runs as one command', async ({ page }) => {
  const screen = screenOf(page)
  await app(page).consoleInput.evaluate(paste, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pasted\ndata:\n  a: "1"\nEOF\n')
  await expect(screen).toContainText('configmap/pasted created')
  const rows = await consoleRows(page)
  expect(rows).toContain('> apiVersion: v1')
  expect(rows).toContain('> EOF')
  expect(rows.filter((r) => r.includes('command not found'))).toEqual([])
  await typeLine(page, 'for i in 1 2')
  await typeLine(page, 'do echo "round $i"')
  await typeLine(page, 'done')
  await expect(screen).toContainText('round 2')
  expect(await consoleRows(page)).toContain('> do echo "round $i"')
})

test('Ctrl+R finds an earlier command as readline shows it', async ({ page }) => {
  const screen = screenOf(page)
  await typeLine(page, 'kubectl get pods')
  await typeLine(page, 'echo unrelated')
  await page.keyboard.press('Control+R')
  await page.keyboard.type('kub')
  await expect(screen).toContainText("(reverse-i-search)`kub': kubectl get pods")
  await page.keyboard.press('Enter')
  await expect(screen).toContainText(/unrelated\s*\$ kubectl get pods\s*NAME/)
})

test('cat > file.yaml <<EOF makes an editor tab; create -f of an editor file says when the editor applied it', async ({ page }) => {
  const screen = screenOf(page)
  const toggle = app(page).console.getByRole('checkbox', { name: 'Apply from the console only' })
  await toggle.check()
  await app(page).consoleInput.evaluate(paste, 'cat > web.yaml <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: "1"\nEOF\n')
  await expect(page.getByRole('tab', { name: /^web\.yaml/ })).toBeVisible()
  await typeLine(page, 'kubectl get configmap web')
  await expect(screen).toContainText('Error from server (NotFound): configmaps "web" not found') // console only: not applied
  await typeLine(page, 'kubectl create -f web.yaml')
  await expect(screen).toContainText('configmap/web created')
  await toggle.uncheck()
  await typeLine(page, 'kubectl create -f app.yaml')
  await expect(screen).toContainText('Error from server (AlreadyExists)')
  await expect(screen).toContainText('kubehop: the editor already applied app.yaml')
})

test("kubectl exec -it opens a shell in the pod: its prompt, its hostname, then exit back to $", async ({ page }) => {
  const pod = (await page.getByRole('group', { name: deploymentPod('kubia') }).first().getAttribute('aria-label'))!
  const [, name, ip] = /^Pod default\/(\S+), (10\.244\.\d+\.\d+),/.exec(pod)!
  const screen = screenOf(page)
  await typeLine(page, `kubectl exec -it ${name} -- bash`)
  await expect(screen).toContainText(`root@${name}:/#`)
  await typeLine(page, 'hostname -I')
  await expect.poll(async () => (await consoleRows(page)).filter(Boolean).slice(-3)).toEqual([`root@${name}:/# hostname -I`, ip, `root@${name}:/#`])
  await typeLine(page, 'exit')
  await expect.poll(async () => (await consoleRows(page)).filter(Boolean).slice(-3)).toEqual([`root@${name}:/# exit`, 'exit', '$'])
})
