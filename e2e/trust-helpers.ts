// Helpers for the hostile- and careless-use suites: links built by hand, a main-thread heartbeat, and the saved
// workspaces read straight from IndexedDB (what survives, whatever the page shows).
import type { Page } from '@playwright/test'
import { deflateSync, strToU8 } from 'fflate'
import { app, replaceLine } from './app.ts'
import { expect } from './fixtures.ts'

export const toB64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
export const rawLink = (json: string) => `/#kh1:${toB64url(deflateSync(strToU8(json)))}`
export const linkOf = (doc: unknown) => rawLink(JSON.stringify(doc))

interface Beat { __khBeat?: { max: number; last: number; timer: number } }

/** Starts a probe that ticks every 10 ms; heartbeatGap() says the longest pause between two ticks since. */
export async function startHeartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as Beat & { setInterval(f: () => void, ms: number): number; clearInterval(id: number): void; performance: { now(): number } }
    if (g.__khBeat) g.clearInterval(g.__khBeat.timer)
    const beat = { max: 0, last: g.performance.now(), timer: 0 }
    beat.timer = g.setInterval(() => { const now = g.performance.now(); beat.max = Math.max(beat.max, now - beat.last); beat.last = now }, 10)
    g.__khBeat = beat
  })
}

/** Waits (up to 15 s) until the page has been quiet for a second: the measured action starts after start-up work. */
export async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 15; i++) {
    await startHeartbeat(page)
    await page.waitForTimeout(1000)
    if (await heartbeatGap(page) < 100) return
  }
}

/** The longest main-thread gap (ms) since startHeartbeat, counting the pause up to now. */
export const heartbeatGap = (page: Page) => page.evaluate(() => {
  const g = globalThis as unknown as Beat & { performance: { now(): number } }
  const beat = g.__khBeat
  return beat ? Math.max(beat.max, g.performance.now() - beat.last) : Infinity
})

export interface SavedWorkspace { id: string; name: string; origin: string; rev: number; files: { name: string; text: string }[] }

/** Every saved workspace, read from IndexedDB in the page. */
export const workspaces = (page: Page) => page.evaluate(() => new Promise<SavedWorkspace[]>((resolve) => {
  type Req<T> = { result: T; onsuccess: (() => void) | null; onerror: (() => void) | null }
  type Db = { objectStoreNames: { contains(name: string): boolean }; transaction(name: string): { objectStore(name: string): { getAll(): Req<SavedWorkspace[]> } }; close(): void }
  const open = (globalThis as unknown as { indexedDB: { open(name: string): Req<Db> } }).indexedDB.open('kubehop')
  open.onerror = () => resolve([])
  open.onsuccess = () => {
    const db = open.result
    if (!db.objectStoreNames.contains('workspaces')) { db.close(); resolve([]); return }
    const all = db.transaction('workspaces').objectStore('workspaces').getAll()
    all.onsuccess = () => { db.close(); resolve(all.result) }
    all.onerror = () => { db.close(); resolve([]) }
  }
}))

export const mine = async (page: Page) => (await workspaces(page)).find((w) => w.origin === 'mine')

/** The default document with 4 replicas, typed and saved as the user's own workspace. */
export async function saveWork(page: Page): Promise<void> {
  await page.goto('/')
  await expect(app(page).editor).toBeVisible()
  await replaceLine(page, 6, 'replicas: 4')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('saved in “My workspace”')
  await expect.poll(async () => (await mine(page))?.files[0].text).toContain('replicas: 4')
}

/** How long the browser's own clipboard reads took since the last call (ms): measured by the page around getData. */
export const clipboardReadMs = (page: Page) => page.evaluate(() => {
  const perf = (globalThis as unknown as { performance: { getEntriesByName(n: string): { duration: number }[]; clearMeasures(n: string): void } }).performance
  const total = perf.getEntriesByName('kubehop:clipboard-read').reduce((n, e) => n + e.duration, 0)
  perf.clearMeasures('kubehop:clipboard-read')
  return total
})
