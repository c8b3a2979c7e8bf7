// minikube addons list (v1.35, minikube cmd/minikube/cmd/config/addons_list.go): the table as minikube prints it.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'

describe('minikube addons list', () => {
  it('prints every addon with its status, wrapping long maintainers, and shows ingress once enabled', () => {
    const s = new ShellSession({ seed: 1 })
    s.runScript('minikube start')
    const out = () => s.runScript('minikube addons list')[0].chunks.map((c) => c.text).join('')
    const lines = out().split('\n')
    expect(lines.slice(0, 4)).toEqual([
      '|-----------------------------|----------|--------------|--------------------------------|',
      '|         ADDON NAME          | PROFILE  |    STATUS    |           MAINTAINER           |',
      '|-----------------------------|----------|--------------|--------------------------------|',
      '| ambassador                  | minikube | disabled     | 3rd party (Ambassador)         |',
    ])
    expect(lines).toContain('| default-storageclass        | minikube | enabled ✅   | Kubernetes                     |')
    expect(lines).toContain('|                             |          |              | [info@inaccel.com])            |')
    expect(lines).toContain('| ingress                     | minikube | disabled     | Kubernetes                     |')
    expect(lines.length).toBe(3 + 39 + 2 + 1 + 1) // rules and header, 39 addons, 2 wrapped rows, closing rule, final newline
    s.runScript('minikube addons enable ingress')
    expect(out().split('\n')).toContain('| ingress                     | minikube | enabled ✅   | Kubernetes                     |')
  })
})
