// A page fixture that fails the test on console errors, page errors or any request leaving 127.0.0.1.
import { test as base, expect } from '@playwright/test'

const LOCAL = new RegExp(`^(http://127\\.0\\.0\\.1:${Number(process.env.E2E_PORT ?? 4173)}/|data:|blob:)`)

export const test = base.extend<{ problems: string[] }>({
  // auto: every test fails on console errors or outside requests, not only those that ask for `problems`.
  problems: [async ({ page }, use) => {
    const problems: string[] = []
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`) })
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
    page.on('request', (req) => { if (!LOCAL.test(req.url())) problems.push(`request left 127.0.0.1: ${req.url()}`) })
    page.on('worker', (worker) => { if (!LOCAL.test(worker.url())) problems.push(`worker from elsewhere: ${worker.url()}`) })
    await use(problems)
    expect(problems, 'console errors or outside requests').toEqual([])
  }, { auto: true }],
})

export { expect }
