import { describe, expect, it } from 'vitest'
import { createAppStore } from '../store.ts'
import { MemoryBackend } from './memoryBackend.ts'
import { chooseStart } from './start.ts'
import { Session, beginWorkspace, flushWorkspace, keepMineAsCopy, startSession, takeTheirs, workspaceStore, type Channel, type KeyValue } from './workspaceSession.ts'

class Mem implements KeyValue {
  data = new Map<string, string>()
  getItem(k: string) { return this.data.get(k) ?? null }
  setItem(k: string, v: string) { this.data.set(k, v) }
  removeItem(k: string) { this.data.delete(k) }
}

const files = (text: string) => [{ name: 'app.yaml', text }]
const doc = (text: string) => ({ files: files(text), active: 'app.yaml', seed: 1 })

/** Two tabs' BroadcastChannels: what one posts, the other hears (asynchronously, as browsers deliver it). */
function channelPair() {
  const a: Channel = { onmessage: null, postMessage: (m: unknown) => setTimeout(() => b.onmessage?.({ data: m } as MessageEvent)) }
  const b: Channel = { onmessage: null, postMessage: (m: unknown) => setTimeout(() => a.onmessage?.({ data: m } as MessageEvent)) }
  return [a, b] as const
}

function tab(backend: MemoryBackend, local: Mem, text: string, id = 'ws-1', rev = 0, channel: ReturnType<typeof channelPair>[number] | null = null) {
  const store = createAppStore({ files: files(text), theme: 'light' })
  const session = new Session({ store, backend: Promise.resolve(backend), current: { id, name: 'My workspace', origin: 'mine' }, baseRev: rev,
    saved: rev ? doc(text) : null, local, tab: new Mem(), channel, delayMs: 10_000 })
  return { store, session }
}

describe('workspaces', () => {
  it('save the document as a new revision with a version each time, and set the marker the head script reads', async () => {
    const backend = new MemoryBackend()
    const local = new Mem()
    const { store, session } = tab(backend, local, 'kind: Pod\n')
    await session.flush()
    store.getState().setText('kind: Service\n')
    await session.flush()
    expect(backend.records.get('ws-1')).toMatchObject({ rev: 2, files: files('kind: Service\n'), name: 'My workspace' })
    expect((await backend.versions('ws-1')).map((v) => v.files[0].text)).toEqual(['kind: Service\n', 'kind: Pod\n'])
    expect(local.getItem('kubehop.workspaces')).toBe('1')
    await session.flush() // nothing changed: no new revision
    expect(backend.records.get('ws-1')?.rev).toBe(2)
  })

  it('a full disk is reported at once and the saved revision stays as it was', async () => {
    const backend = new MemoryBackend()
    const { store, session } = tab(backend, new Mem(), 'kind: Pod\n')
    await session.flush()
    backend.failWith = new DOMException('full', 'QuotaExceededError')
    store.getState().setText('kind: Service\n')
    await session.flush()
    expect(workspaceStore.getState().problem?.kind).toBe('quota')
    expect(workspaceStore.getState().problem?.message).toMatch(/storage is full.*last saved version is safe/)
    expect(backend.records.get('ws-1')?.files).toEqual(files('kind: Pod\n'))
    backend.failWith = null
    await session.flush()
    expect(workspaceStore.getState().problem).toBeNull()
    expect(backend.records.get('ws-1')?.files).toEqual(files('kind: Service\n'))
  })

  it('a document over the cap is not saved, and says so', async () => {
    const backend = new MemoryBackend()
    const { store, session } = tab(backend, new Mem(), 'a: 1\n')
    await session.flush()
    store.getState().setText('x'.repeat(4_000_001))
    await session.flush()
    expect(workspaceStore.getState().problem?.kind).toBe('size')
    expect(backend.records.get('ws-1')?.files).toEqual(files('a: 1\n'))
  })

  it('two tabs: the later writer is told instead of overwriting, and can take theirs or keep a copy', async () => {
    const backend = new MemoryBackend()
    const local = new Mem()
    const first = tab(backend, local, 'a: 1\n')
    await first.session.flush()
    const [ca, cb] = channelPair()
    const one = tab(backend, local, 'a: 1\n', 'ws-1', 1, ca)
    const two = tab(backend, local, 'a: 1\n', 'ws-1', 1, cb)
    one.store.getState().setText('a: one\n')
    await one.session.flush()
    two.store.getState().setText('a: two\n')
    await two.session.flush()
    expect(workspaceStore.getState().conflict?.files).toEqual(files('a: one\n'))
    expect(backend.records.get('ws-1')?.files).toEqual(files('a: one\n'))
    // "Keep mine as a copy" (through the tab's session): a new workspace, the other one untouched.
    startSession({ ...two.session.o })
    await keepMineAsCopy()
    expect(workspaceStore.getState().conflict).toBeNull()
    const copy = [...backend.records.values()].find((r) => r.name === 'My workspace (copy)')
    expect(copy?.files).toEqual(files('a: two\n'))
    expect(backend.records.get('ws-1')?.files).toEqual(files('a: one\n'))
  })

  it('a tab with nothing unsaved follows the other tab’s saves; with unsaved edits it is asked', async () => {
    const backend = new MemoryBackend()
    const local = new Mem()
    await tab(backend, local, 'a: 1\n').session.flush()
    const [ca, cb] = channelPair()
    const one = tab(backend, local, 'a: 1\n', 'ws-1', 1, ca)
    const two = tab(backend, local, 'a: 1\n', 'ws-1', 1, cb)
    one.store.getState().setText('a: 2\n')
    await one.session.flush()
    await expect.poll(() => two.store.getState().text).toBe('a: 2\n')
    two.store.getState().setText('a: mine\n') // unsaved (the debounce is 10 s)
    one.store.getState().setText('a: 3\n')
    await one.session.flush()
    await expect.poll(() => workspaceStore.getState().conflict?.rev).toBe(3)
    expect(two.store.getState().text).toBe('a: mine\n')
    startSession({ ...two.session.o, baseRev: two.session.baseRev })
    takeTheirs()
    expect(two.store.getState().text).toBe('a: 3\n')
  })

  it('a new workspace (link, import, scenario) saves the current one first and never writes over it', async () => {
    const backend = new MemoryBackend()
    const store = createAppStore({ files: files('mine: 1\n'), theme: 'light' })
    startSession({ store, backend: Promise.resolve(backend), current: { id: 'mine', name: 'My workspace', origin: 'mine' }, baseRev: 0, saved: null, local: new Mem(), tab: new Mem(), delayMs: 10_000 })
    store.getState().setText('mine: 2\n')
    const id = await beginWorkspace('scenario', 'Every pod gets an IP')
    store.getState().replaceDocument({ files: files('scenario: 1\n'), seed: 7, autoApply: false })
    await flushWorkspace()
    expect(workspaceStore.getState()).toMatchObject({ problem: null, conflict: null })
    expect(backend.records.get('mine')?.files).toEqual(files('mine: 2\n'))
    expect(backend.records.get(id)).toMatchObject({ origin: 'scenario', returnTo: 'mine', seed: 7, files: files('scenario: 1\n') })
  })
})

describe('start-up', () => {
  const defaultDoc = doc('default: 1\n')
  it('migrates the one-slot save into the first workspace, then drops the old key', async () => {
    const backend = new MemoryBackend()
    const local = new Mem()
    local.setItem('kubehop.document.v2', JSON.stringify({ v: 2, ...doc('old: 1\n') }))
    const start = await chooseStart({ link: null, hash: '', local, tab: new Mem(), backend: async () => backend, defaultDoc })
    expect(start.doc?.files).toEqual(files('old: 1\n'))
    expect([...backend.records.values()]).toMatchObject([{ name: 'My workspace', origin: 'mine', rev: 1, files: files('old: 1\n') }])
    expect(local.getItem('kubehop.document.v2')).toBeNull()
    expect(local.getItem('kubehop.workspaces')).toBe('1')
  })

  it('keeps the old key when the migration cannot be stored', async () => {
    const backend = new MemoryBackend()
    backend.failWith = new DOMException('full', 'QuotaExceededError')
    const local = new Mem()
    local.setItem('kubehop.document.v1', JSON.stringify({ v: 1, text: 'old: 1\n' }))
    const start = await chooseStart({ link: null, hash: '', local, tab: new Mem(), backend: async () => backend, defaultDoc })
    expect(start.doc?.files).toEqual(files('old: 1\n'))
    expect(local.getItem('kubehop.document.v1')).not.toBeNull()
  })

  it('a first visit asks nothing of IndexedDB and shows the default document', async () => {
    let asked = false
    const start = await chooseStart({ link: null, hash: '', local: new Mem(), tab: new Mem(), backend: async () => { asked = true; return null }, defaultDoc })
    expect(asked).toBe(false)
    expect(start.doc).toBeNull()
    expect(start.saved).toEqual(defaultDoc)
  })

  it('a link opens as a new workspace that returns to the last one; a reload of the same tab reopens it', async () => {
    const backend = new MemoryBackend()
    const local = new Mem()
    const tabStore = new Mem()
    local.setItem('kubehop.workspace.last', 'mine')
    const link = { v: 2 as const, files: files('link: 1\n'), seed: 3 }
    const start = await chooseStart({ link, hash: '#kh1:abc', local, tab: tabStore, backend: async () => backend, defaultDoc })
    expect(start.current).toMatchObject({ origin: 'link', returnTo: 'mine' })
    expect(start.current.id).not.toBe('mine')
    expect(start.saved).toBeNull()
    await backend.commit({ ...start.current, ...start.doc!, rev: 1, updated: 1, writer: 't' }, 0, 20)
    tabStore.setItem('kubehop.tab', JSON.stringify({ id: start.current.id, hash: '#kh1:abc' }))
    const reload = await chooseStart({ link, hash: '#kh1:abc', local, tab: tabStore, backend: async () => backend, defaultDoc })
    expect(reload.current.id).toBe(start.current.id)
    local.setItem('kubehop.workspaces', '1')
    const again = await chooseStart({ link, hash: '#kh1:abc', local, tab: new Mem(), backend: async () => backend, defaultDoc })
    expect(again.current.id).toBe(start.current.id) // the same link, unchanged: no second workspace
    await backend.commit({ ...start.current, ...start.doc!, files: files('link: 2\n'), rev: 2, updated: 2, writer: 't' }, 1, 20)
    const other = await chooseStart({ link, hash: '#kh1:abc', local, tab: new Mem(), backend: async () => backend, defaultDoc })
    expect(other.current.id).not.toBe(start.current.id) // edited there: the link opens fresh beside it
  })
})
