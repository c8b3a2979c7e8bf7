// The ways into the cluster on the topology: a LoadBalancer Service's load balancer box (<pending>, then its
// IP once cloud-provider-kind runs) and an Ingress box (inert until an ingress controller serves it).
import type { Page } from '@playwright/test'
import { app, deploymentPod } from './app.ts'
import { expect, test } from './fixtures.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('group', { name: deploymentPod('kubia') })).toHaveCount(3)
})

/** Adds a file tab and types flow-style YAML into it (Monaco's auto-indent would re-indent nested block YAML). */
async function addFile(page: Page, name: string, text: string) {
  await page.getByRole('button', { name: 'New file' }).click()
  await page.getByRole('textbox', { name: /^Rename untitled/ }).fill(name)
  await page.keyboard.press('Enter')
  await app(page).editor.focus()
  await page.keyboard.insertText(text)
}

async function shell(page: Page, line: string, expectText: string | RegExp) {
  const ui = app(page)
  await ui.consoleInput.focus()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  await expect(ui.console.locator('.xterm-rows')).toContainText(expectText)
}

test('a LoadBalancer Service gets a load balancer box: <pending>, then its IP with routes to the node ports', async ({ page }) => {
  await addFile(page, 'web.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: LoadBalancer, selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}\n')
  const lb = page.getByRole('group', { name: /^Load balancer for default\/web, / })
  await expect(lb).toHaveAccessibleName(/<pending>, cloud-provider-kind/)
  await expect(lb).toContainText('<pending>')
  await page.screenshot({ path: '/tmp/shots/topo-lb-pending.png' })
  await shell(page, 'cloud-provider-kind &', 'Starting cloud controller')
  await expect(lb).toHaveAccessibleName(/172\.18\.0\.\d+, cloud-provider-kind/)
  await expect(lb).toContainText('2/2 nodes healthy')
  await page.screenshot({ path: '/tmp/shots/topo-lb-ip.png' })
  // A request to the LB's address: the packet's track runs client → LB box → a node (the loadbalancer/<ip> hop).
  await page.getByRole('button', { name: 'Send request' }).click()
  const form = page.getByRole('dialog', { name: 'Send request' })
  const to = form.getByRole('combobox', { name: 'To' })
  await to.selectOption({ label: (await to.locator('option').allTextContents()).find((t) => /^web load balancer /.test(t))! })
  await form.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('list', { name: 'Hops' })).toContainText(/loadbalancer\/172\.18\.0\.\d+\s*proxy/)
  const tracks = () => page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
  await expect.poll(tracks).toEqual(expect.arrayContaining(['pkt:LoadBalancer/default/web|client', expect.stringMatching(/^pkt:LoadBalancer\/default\/web\|Node\/\/kind-worker2?$/)]))
})

test('an Ingress is inert without a controller, then shows its ADDRESS once ingress-nginx serves it', async ({ page }) => {
  await addFile(page, 'ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: kubia}\n' +
    'spec: {ingressClassName: nginx, rules: [{host: kubia.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: kubia, port: {number: 80}}}}]}}]}\n')
  const ingress = page.getByRole('group', { name: /^Ingress default\/kubia, / })
  await expect(ingress).toHaveAccessibleName(/no ingress controller serves it/)
  await expect(ingress).toContainText('kubia.example.com/ → kubia:80')
  await page.screenshot({ path: '/tmp/shots/topo-ingress-inert.png' })
  await shell(page, 'kubectl label node kind-worker ingress-ready=true', 'node/kind-worker labeled')
  await shell(page, 'kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/kind/deploy.yaml', 'ingressclass.networking.k8s.io/nginx created')
  await expect(ingress).toHaveAccessibleName(/address localhost, served by 1 controller pod/, { timeout: 20_000 })
  await expect(page.getByRole('group', { name: /^Pod ingress-nginx\/ingress-nginx-controller-/ })).toHaveAccessibleName(/Running, ready/)
  await page.screenshot({ path: '/tmp/shots/topo-ingress-served.png' })
})
