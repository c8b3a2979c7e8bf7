// docker pull and kind load docker-image as seed 001 types them before creating its Deployment.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from '../net/test-helpers.ts'

const text = (r: ReturnType<typeof run>['records'][number]) => r.chunks.map((c) => c.text).join('')

describe('local images', () => {
  it('kind load needs the image pulled first, then loads it into every node once', () => {
    const s = new ShellSession({ seed: 1 })
    const r = run(s, 'kind create cluster\nkind load docker-image nginx:1.23\ndocker pull nginx:1.23\nkind load docker-image nginx:1.23\nkind load docker-image nginx:1.23\ndocker pull nginx:1.23')
    // kind v0.27 pkg/cmd/kind/load/docker-image/docker-image.go.
    expect(text(r.records[1])).toBe('ERROR: image: "nginx:1.23" not present locally\n')
    expect(r.records[1].exitCode).toBe(1)
    const pull = text(r.records[2])
    expect(pull.startsWith('1.23: Pulling from library/nginx\n')).toBe(true)
    expect(pull).toMatch(/\nStatus: Downloaded newer image for nginx:1\.23\ndocker\.io\/library\/nginx:1\.23\n$/)
    expect(text(r.records[3])).toMatch(/^Image: "nginx:1\.23" with ID "sha256:[0-9a-f]{64}" not yet present on node "kind-control-plane", loading\.\.\.\n/)
    expect(text(r.records[3]).split('\n').filter(Boolean)).toHaveLength(1)
    expect(text(r.records[4])).toContain('found to be already present on all nodes.')
    expect(text(r.records[5])).toContain('Status: Image is up to date for nginx:1.23')
  })

  it('docker pull without a tag says it uses latest; kind load without a kind cluster fails', () => {
    const s = new ShellSession({ seed: 1 })
    const r = run(s, 'minikube start\ndocker pull busybox\nkind load docker-image busybox')
    expect(text(r.records[1]).startsWith('Using default tag: latest\nlatest: Pulling from library/busybox\n')).toBe(true)
    expect(text(r.records[2])).toBe('ERROR: no nodes found for cluster "kind"\n')
  })
})
