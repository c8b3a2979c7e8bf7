// Issue 19 point 2 in the browser: on the default scenario the "Proxy modes" view traces the node-port request
// through kube-proxy's iptables rules and its nftables table side by side: both DNAT to the same pod, through
// a KUBE-SVC- chain in one column and a service- chain in the other; the cost chart comes from the worker.
import { app } from './app.ts'
import { expect, test } from './fixtures.ts'

test('proxy modes: the same request through iptables and nftables, side by side', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/')
  await expect(app(page).clusterNode('kind-worker')).toBeVisible()
  await page.getByRole('toolbar', { name: 'Request playback' }).getByRole('button', { name: 'Proxy modes' }).click()
  await expect(page.getByRole('tab', { name: 'Proxy modes' })).toHaveAttribute('aria-selected', 'true')
  const table = page.getByRole('table', { name: 'Hops in both modes' })
  const column = (n: number) => table.locator(`tbody td:nth-child(${n})`)
  const dnatTo = (n: number) => column(n).filter({ hasText: 'DNAT' }).locator('.pm-hop__nat b')
  await expect(dnatTo(1)).toHaveText(/^10\.244\.\d+\.\d+:8080$/)
  const pod = await dnatTo(1).textContent()
  await expect(dnatTo(2)).toHaveText(pod!)
  await expect(column(1).filter({ hasText: /in KUBE-SVC-/ })).not.toHaveCount(0)
  await expect(column(2).filter({ hasText: /in service-/ })).not.toHaveCount(0)
  await expect(column(1).filter({ hasText: /in service-/ })).toHaveCount(0)
  await expect(table.getByRole('columnheader', { name: 'iptables mode' })).toContainText('rules tested for this packet')
  await expect(page.getByRole('table', { name: 'Rules per mode and Service count' })).toContainText('1,000')
  await page.screenshot({ path: '/tmp/proxyview-shots/proxy-modes.png' })
})
