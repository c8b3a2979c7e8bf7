import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../scenarios/parse.ts'
import { runScenario } from '../../scenarios/run.ts'
import { encodeShare } from '../../share/index.ts'
import { defaultFiles } from '../fixtures/defaultDocument.ts'
import { exportFiles, stepsFor, zipFolder } from './exportZip.ts'
import { importText, mergeFiles, tabName } from './importFiles.ts'

const listYaml = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    uid: 1234
    resourceVersion: "99"
    creationTimestamp: "2024-01-01T00:00:00Z"
    annotations:
      deployment.kubernetes.io/revision: "1"
  spec:
    replicas: 2
  status:
    readyReplicas: 2
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-abc
    ownerReferences: [{ kind: ReplicaSet, name: web-abc }]
- apiVersion: v1
  kind: Service
  metadata: { name: web }
  spec: { clusterIP: 10.96.0.10, clusterIPs: [10.96.0.10], ports: [{ port: 80 }] }
`

describe('import', () => {
  it('turns a kubectl get -o yaml List into clean manifests', () => {
    const r = importText('dump.yaml', listYaml)
    if (r.kind !== 'files') throw new Error('expected files')
    const text = r.files[0].text
    expect(r.files[0].name).toBe('dump.yaml')
    expect(text).toContain('kind: Deployment')
    expect(text).toContain('kind: Service')
    expect(text).not.toMatch(/uid|resourceVersion|creationTimestamp|status|revision|clusterIP|web-abc/)
    expect(r.notes[0]).toMatch(/1 object/)
  })

  it('recognises a kind config and replaces the current one', () => {
    const r = importText('cluster.yaml', 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n')
    if (r.kind !== 'files') throw new Error('expected files')
    const merged = mergeFiles(defaultFiles, r.files)
    expect(merged.map((f) => f.name)).toEqual(['app.yaml', 'kind-config.yaml'])
    expect(merged[1].text).toContain('- role: control-plane\n')
    expect(merged[1].text).not.toContain('worker')
  })

  it('opens a downloaded share document, and refuses a broken one', () => {
    const doc = { v: 2, files: [{ name: 'a.yaml', text: 'kind: Pod\n' }], seed: 3 }
    expect(importText('x.kubehop.json', JSON.stringify(doc))).toEqual({ kind: 'shared', doc })
    expect(() => importText('x.json', '{"v": 2, "files": 1}')).toThrow(/x.json: files must be a list/)
    expect(encodeShare(doc as never)).toMatch(/^kh1:/)
  })

  it('makes safe tab names', () => {
    expect(tabName('../../etc/passwd')).toBe('passwd.yaml')
    expect(tabName('my app (1).yml')).toBe('my-app-1-.yml')
    expect(tabName('')).toBe('imported.yaml')
  })
})

describe('export', () => {
  it('writes a steps.sh in the gallery format that runs through the scenario runner and passes', () => {
    const files = exportFiles({ files: defaultFiles, seed: 1, request: 'curl -s http://172.18.0.3:30123/' })
    expect(Object.keys(files).sort()).toEqual(['app.yaml', 'kind-config.yaml', 'steps.sh'])
    expect(files['steps.sh']).toContain('kind create cluster --config kind-config.yaml\n')
    const run = runScenario(parseScenario({ id: 'exported', files }))
    expect(run.steps.flatMap((s) => s.checks).filter((c) => !c.pass).map((c) => c.reason)).toEqual([])
    expect(run.steps).toHaveLength(3)
  })

  it('zips one folder, deterministically, steps.sh executable', () => {
    const files = exportFiles({ files: defaultFiles, seed: 1 })
    const zip = zipFolder('kubehop-export', files)
    expect(zipFolder('kubehop-export', files)).toEqual(zip)
    const back = unzipSync(zip)
    expect(Object.keys(back).sort()).toEqual(['kubehop-export/app.yaml', 'kubehop-export/kind-config.yaml', 'kubehop-export/steps.sh'])
    expect(strFromU8(back['kubehop-export/steps.sh'])).toBe(stepsFor(defaultFiles, 1))
  })
})
