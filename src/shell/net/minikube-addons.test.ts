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

function sh(s: ShellSession, line: string) {
  const [r] = s.runScript(line)
  return { out: r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''), err: r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''), code: r.exitCode }
}

// minikube v1.35.0 cmd/minikube/cmd/config/enable.go, disable.go, pkg/addons/addons.go, deploy/addons/ingress.
describe('minikube addons enable|disable', () => {
  it('enable ingress prints minikube\'s lines and installs the addon: completed admission Jobs, the default IngressClass', () => {
    const ing = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: kubia\nspec:\n  rules:\n  - host: kubia.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: kubia\n            port:\n              number: 80\n'
    const s = new ShellSession({ seed: 1, readFile: (p) => (p === 'ing.yaml' ? ing : undefined) })
    s.runScript('minikube start')
    expect(sh(s, 'minikube addons enable ingress')).toEqual({ err: '', code: 0, out: [
      '💡  ingress is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.',
      'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
      '    ▪ Using image registry.k8s.io/ingress-nginx/controller:v1.11.3',
      '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4',
      '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4',
      '🔎  Verifying ingress addon...',
      '🌟  The \'ingress\' addon is enabled', ''].join('\n') })
    const pods = sh(s, 'kubectl get pods -n ingress-nginx').out
    expect(pods).toMatch(/ingress-nginx-admission-create-\w{5} +0\/1 +Completed/)
    expect(pods).toMatch(/ingress-nginx-admission-patch-\w{5} +0\/1 +Completed/)
    expect(pods).toMatch(/ingress-nginx-controller-\w+-\w{5} +1\/1 +Running/)
    // The IngressClass is the default one, so an Ingress that names no class gets `nginx` (DefaultIngressClass).
    expect(sh(s, 'kubectl create -f ing.yaml').out).toBe('ingress.networking.k8s.io/kubia created\n')
    expect(s.cluster!.store.get('Ingress', 'default', 'kubia')!.spec.ingressClassName).toBe('nginx')
  })

  it('disable removes what enable installed, with minikube\'s stray quote; unknown names fail as minikube does', () => {
    const s = new ShellSession({ seed: 1 })
    s.runScript('minikube start')
    s.runScript('minikube addons enable ingress')
    expect(sh(s, 'minikube addons disable ingress')).toEqual({ out: '🌑  "The \'ingress\' addon is disabled\n', err: '', code: 0 })
    expect(s.cluster!.store.get('Namespace', undefined, 'ingress-nginx')).toBeUndefined()
    expect(s.cluster!.store.get('IngressClass', undefined, 'nginx')).toBeUndefined()
    expect(sh(s, 'minikube addons disable foo')).toEqual({ out: '', err: '\n❌  Exiting due to SVC_ADDON_UNSUPPORTED: "\'foo\' is not a valid minikube addon\n\n', code: 116 })
    const bad = sh(s, 'minikube addons enable foo')
    expect(bad.code).toBe(10)
    expect(bad.err.split('\n').slice(0, 5)).toEqual(['', '❌  Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: foo is not a valid addon', '',
      '╭───────────────────────────────────────────────────────────────────────────────────────────╮',
      '│                                                                                           │'])
    expect(bad.err).toContain('│    Please run `minikube logs --file=logs.txt` and attach logs.txt to the GitHub issue.    │')
    expect(sh(s, 'minikube addons enable').err).toBe('\n❌  Exiting due to MK_USAGE: usage: minikube addons enable ADDON_NAME\n\n')
  })
})
