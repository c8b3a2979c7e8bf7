import { describe, expect, it } from 'vitest'
import { defaultFiles, defaultManifest } from '../ui/fixtures/defaultDocument.ts'
import { EngineHost } from './engineHost.ts'

// An invalid edit never removes a live object: the document's apply is all-or-nothing per object.
const doc = (text: string) => ({ seed: 1, files: [{ name: 'app.yaml', text }, defaultFiles[1]] })
const edited = (from: string, to: string) => doc(defaultManifest.replace(from, to))
const deployment = defaultManifest.slice(0, defaultManifest.indexOf('---\n'))
const service = defaultManifest.slice(defaultManifest.indexOf('---\n'))

function started(): EngineHost {
  const host = new EngineHost()
  expect(host.apply(doc(defaultManifest)).applied).toBe(true)
  return host
}

const live = (host: EngineHost, kind: string, name: string) => host.snapshot()!.objects.find((o) => o.kind === kind && o.metadata.name === name && !o.metadata.deletionTimestamp)
const pods = (host: EngineHost) => host.snapshot()!.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-') && !o.metadata.deletionTimestamp)

describe('an invalid edit keeps the last good version of its object', () => {
  it.each([
    ['apiVersion: apps/v9', 'apiVersion: apps/v1\nkind: Deployment', 'apiVersion: apps/v9\nkind: Deployment'],
    ['kind: Deploymnet', 'kind: Deployment', 'kind: Deploymnet'],
    ['name: Kubia_Bad', 'metadata:\n  name: kubia\nspec:\n  replicas', 'metadata:\n  name: Kubia_Bad\nspec:\n  replicas'],
  ])('%s: the Deployment stays, marked stale, its pods keep running', (_, from, to) => {
    const host = started()
    const outcome = host.apply(edited(from, to))
    expect(outcome.changes.filter((c) => c.includes('pruned'))).toEqual([])
    expect(outcome.stale).toEqual(['Deployment/default/kubia'])
    expect(live(host, 'Deployment', 'kubia')).toBeDefined()
    expect(pods(host)).toHaveLength(3)
    // The editor says why at the broken text, and that the live object is kept.
    expect(outcome.markers.some((m) => m.file === 'app.yaml' && (m.severity === 'error' || m.severity === 'warning'))).toBe(true)
    expect(outcome.markers.find((m) => m.message.startsWith('deployment.apps/kubia keeps its last good version'))).toMatchObject({ file: 'app.yaml', line: 1, severity: 'info' })
    // Fixing the text applies it again (nothing to change: it is the version that stayed).
    const fixed = host.apply(doc(defaultManifest))
    expect(fixed.stale).toEqual([])
    expect(fixed.changes).toEqual([])
    expect(pods(host)).toHaveLength(3)
  })

  it('a fix that also changes the object applies the change', () => {
    const host = started()
    host.apply(edited('kind: Deployment', 'kind: Deploymnet'))
    const outcome = host.apply(edited('replicas: 3', 'replicas: 2'))
    expect(outcome).toMatchObject({ stale: [], changes: ['deployment.apps/kubia configured'] })
    expect(pods(host)).toHaveLength(2)
  })

  it('deleting the text prunes the object', () => {
    const host = started()
    const outcome = host.apply(doc(service))
    expect(outcome.changes).toEqual(['deployment.apps/kubia pruned'])
    expect(outcome.stale).toEqual([])
    expect(live(host, 'Deployment', 'kubia')).toBeUndefined()
  })

  it('deleting the text of a broken object prunes it too', () => {
    const host = started()
    host.apply(edited('kind: Deployment', 'kind: Deploymnet'))
    expect(host.apply(doc(service)).changes).toEqual(['deployment.apps/kubia pruned'])
  })

  it('a valid rename prunes the old name and creates the new one, as kubectl apply --prune does', () => {
    const host = started()
    const outcome = host.apply(edited('metadata:\n  name: kubia\nspec:\n  replicas', 'metadata:\n  name: kubia2\nspec:\n  replicas'))
    expect(outcome.changes).toEqual(['deployment.apps/kubia2 created', 'deployment.apps/kubia pruned'])
    expect(outcome.stale).toEqual([])
    expect(live(host, 'Deployment', 'kubia')).toBeUndefined()
    expect(live(host, 'Deployment', 'kubia2')).toBeDefined()
  })

  it('a broken object keeps its place even when another object moves: the Service text broken after the Deployment was removed', () => {
    const host = started()
    const outcome = host.apply(doc(service.replace('kind: Service', 'kind: Servise')))
    expect(outcome.stale).toEqual(['Service/default/kubia'])
    expect(outcome.changes).toEqual(['deployment.apps/kubia pruned'])
    expect(live(host, 'Service', 'kubia')).toBeDefined()
  })

  it('a YAML syntax error applies nothing and reports every object of the file as stale', () => {
    const host = started()
    const outcome = host.apply(edited('replicas: 3', 'replicas: [3'))
    expect(outcome.applied).toBe(false)
    expect(outcome.stale.sort()).toEqual(['Deployment/default/kubia', 'Service/default/kubia'])
    expect(pods(host)).toHaveLength(3)
    expect(deployment.length).toBeGreaterThan(0)
  })

  it('a refused edit of an object (a field the API server rejects) keeps the live version', () => {
    const host = started()
    const outcome = host.apply(edited('replicas: 3', 'replicas: -1'))
    expect(outcome.stale).toEqual(['Deployment/default/kubia'])
    expect(outcome.markers.some((m) => m.source === 'api' && m.severity === 'error' && m.message.includes('spec.replicas'))).toBe(true)
    expect(pods(host)).toHaveLength(3)
  })
})
