import { describe, expect, it } from 'vitest'
import { isValidReference, referenceError } from './reference.ts'

describe('image references (distribution/reference)', () => {
  it('accepts what registries name, with tags and digests', () => {
    for (const ok of ['nginx', 'nginx:1.27', 'luksa/kubia:v1', 'registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', 'localhost:5000/app', 'Example.com/team/app:1.0', `nginx@sha256:${'ab'.repeat(32)}`, 'nginx:Latest']) {
      expect([ok, isValidReference(ok), referenceError(ok)]).toEqual([ok, true, undefined])
    }
  })

  it('refuses upper case in the repository with its own reason, and any other malformed name', () => {
    expect(referenceError('NGINX')).toBe('invalid reference format: repository name (library/NGINX) must be lowercase')
    expect(referenceError('acme/App-Server:1')).toBe('invalid reference format: repository name (acme/App-Server) must be lowercase')
    for (const bad of ['registry.hub.docker.com/library//nginx:latest', ':sha-1', 'nginx:', 'ghcr.io/${{ github.repository }}:latest', 'nginx latest']) {
      expect([bad, isValidReference(bad), referenceError(bad)]).toEqual([bad, false, 'invalid reference format'])
    }
  })
})
