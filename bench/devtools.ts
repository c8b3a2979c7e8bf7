// What the browser profiling tools (profile-big, profile-5k, long-tasks-5k) share: a `vite preview` of a build with
// a headless Chromium page and its DevTools session on it, and self/total time by function from a V8 CPU profile.
import { spawn } from 'node:child_process'
import { chromium, type CDPSession, type Page } from '@playwright/test'

export interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
export interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Serves `dist` on `port`, runs `body` on a 1440×900 page with its DevTools session, then closes both. */
export async function withPreviewPage(dist: string, port: string, body: (page: Page, cdp: CDPSession, url: string) => Promise<void>): Promise<void> {
  const url = `http://127.0.0.1:${port}/`
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true })
  try {
    for (let i = 0; i < 100; i++) { try { if ((await fetch(url)).ok) break } catch { /* not yet */ } await new Promise((r) => setTimeout(r, 100)) }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    await body(page, await page.context().newCDPSession(page), url)
    await browser.close()
  } finally {
    if (server.pid) process.kill(-server.pid)
  }
}

/** Self and total (inclusive) ms by function, over every sample or those taken in [from, to] (µs, the trace's clock). */
export function profileTimes(profile: Profile, from = -Infinity, to = Infinity): { self: [string, number][]; total: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (id: number) => { const f = byId.get(id)!.callFrame; return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}` }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let t = profile.startTime
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    if (t < from || t > to) return
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    self.set(name(id), (self.get(name(id)) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(at)
      if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + ms) }
    }
  })
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])
  return { self: sorted(self), total: sorted(total) }
}
