// DefaultIngressClass (plugin/pkg/admission/network/defaultingressclass/admission.go): what minikube's ingress
// addon relies on, since its IngressClass `nginx` is the annotated default and the book's Ingress names no class.
import { describe, expect, it } from 'vitest'
import { admitCreate } from './index.ts'
import { testContext } from './testing.ts'
import type { KubeObject } from '../api/types.ts'

const ingress = (extra: Partial<KubeObject['metadata']> = {}, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'kubia', namespace: 'default', ...extra },
  spec: { rules: [{ host: 'kubia.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } } }] } }], ...spec },
})
const cls = (name: string, isDefault: boolean, created: string): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', spec: { controller: 'k8s.io/ingress-nginx' },
  metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
})

describe('DefaultIngressClass admission', () => {
  it('gives an Ingress without a class the default IngressClass, the newest when several are default', () => {
    expect(admitCreate(ingress(), testContext(1, [cls('nginx', true, '2026-01-01T09:00:00Z')])).object!.spec.ingressClassName).toBe('nginx')
    const two = [cls('old', true, '2026-01-01T09:00:00Z'), cls('new', true, '2026-01-01T10:00:00Z'), cls('plain', false, '2026-01-01T11:00:00Z')]
    expect(admitCreate(ingress(), testContext(1, two)).object!.spec.ingressClassName).toBe('new')
  })

  it('leaves an Ingress alone when no class is default or it names one itself', () => {
    expect(admitCreate(ingress(), testContext(1, [cls('nginx', false, '2026-01-01T09:00:00Z')])).object!.spec.ingressClassName).toBeUndefined()
    const classes = [cls('nginx', true, '2026-01-01T09:00:00Z')]
    expect(admitCreate(ingress({}, { ingressClassName: 'other' }), testContext(1, classes)).object!.spec.ingressClassName).toBe('other')
    expect(admitCreate(ingress({ annotations: { 'kubernetes.io/ingress.class': 'nginx' } }), testContext(1, classes)).object!.spec.ingressClassName).toBeUndefined()
  })
})
