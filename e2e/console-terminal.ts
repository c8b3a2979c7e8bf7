// Helpers for the console specs: type a line, read the screen, and in-page probes (a main-thread heartbeat and the
// worker's apply round trip), written self-contained because page.evaluate serializes them.
import type { Page } from '@playwright/test'
import { app } from './app.ts'

export const screenOf = (page: Page) => app(page).console.locator('.xterm-rows')

export async function typeLine(page: Page, line: string): Promise<void> {
  await app(page).consoleInput.focus()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

/** The console's text, row by row (xterm renders one div per row). */
export async function consoleRows(page: Page): Promise<string[]> {
  return (await screenOf(page).locator(':scope > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd())
}

interface Probe { maxGap: number; applies: { sent: number; answered?: number; snapshot?: number }[] }
type ProbeGlobals = { __probe?: Probe; Worker: { prototype: { postMessage(m: unknown): void; addEventListener: unknown } }; performance: { now(): number }; setInterval(f: () => void, ms: number): void }

/** Installed before the app loads: records when each `apply` is posted to the engine worker, when its `applied`
 * answer and the next snapshot arrive, and the longest gap between 20 ms ticks of the main thread. */
export const installProbe = () => {
  const g = globalThis as unknown as ProbeGlobals
  const probe: Probe = { maxGap: 0, applies: [] }
  g.__probe = probe
  const proto = g.Worker.prototype as unknown as { postMessage(this: { __probed?: boolean; addEventListener(t: string, l: (e: { data: { type: string } }) => void): void }, m: { type?: string }): void }
  const post = proto.postMessage
  proto.postMessage = function (m) {
    if (!this.__probed) {
      this.__probed = true
      this.addEventListener('message', (e) => {
        const open = probe.applies[probe.applies.length - 1]
        if (!open) return
        if (e.data.type === 'applied' && open.answered === undefined) open.answered = g.performance.now()
        if ((e.data.type === 'snapshot' || e.data.type === 'snapshotDiff') && open.snapshot === undefined) open.snapshot = g.performance.now()
      })
    }
    if (m && m.type === 'apply') probe.applies.push({ sent: g.performance.now() })
    return post.call(this, m)
  }
  let last = g.performance.now()
  g.setInterval(() => {
    const now = g.performance.now()
    probe.maxGap = Math.max(probe.maxGap, now - last - 20)
    last = now
  }, 20)
}

export const readProbe = () => (globalThis as unknown as ProbeGlobals).__probe!
export const resetGap = () => { (globalThis as unknown as ProbeGlobals).__probe!.maxGap = 0 }

type PasteGlobals = { DataTransfer: new () => { setData(type: string, text: string): void }; ClipboardEvent: new (type: string, init: object) => unknown }

/** Pastes `text` into the console's input as the browser does (xterm turns newlines into Enter). */
export const paste = (input: { dispatchEvent(e: unknown): boolean }, text: string) => {
  const g = globalThis as unknown as PasteGlobals
  const data = new g.DataTransfer()
  data.setData('text/plain', text)
  input.dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
}
