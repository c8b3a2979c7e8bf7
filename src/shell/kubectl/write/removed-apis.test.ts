// API removals follow the cluster's Kubernetes version (k8s-version.ts): from v1.22 the API server serves no
// extensions/v1beta1 or networking.k8s.io/v1beta1 Ingress, so kubectl's REST mapping fails before any request
// (cli-runtime pkg/resource/mapper.go infoForData: "resource mapping not found ... ensure CRDs are installed first").
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'
import { servesApi } from '../../../engine/cluster/k8s-version.ts'
import { parseManifests } from '../../../engine/manifest/parse-manifests.ts'

const LEGACY = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: kubia\nspec:\n  rules:\n  - host: kubia.example.com\n    http:\n      paths:\n      - path: /\n        backend:\n          serviceName: kubia-nodeport\n          servicePort: 80\n'
const FILES: Record<string, string> = {
  'kubia-ingress.yaml': LEGACY,
  'beta.yaml': LEGACY.replace('extensions/v1beta1', 'networking.k8s.io/v1beta1'),
}

function sh(s: ShellSession, line: string) {
  const [r] = s.runScript(line)
  return { out: r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''), err: r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''), code: r.exitCode }
}

describe('removed API versions', () => {
  it('are served before their removal release and not from it on', () => {
    expect(servesApi('v1.21.14', 'extensions/v1beta1', 'Ingress')).toBe(true)
    expect(servesApi('v1.22.0', 'extensions/v1beta1', 'Ingress')).toBe(false)
    expect(servesApi('v1.32.2-gke.1182003', 'networking.k8s.io/v1beta1', 'Ingress')).toBe(false)
    expect(servesApi('v1.32.0', 'networking.k8s.io/v1', 'Ingress')).toBe(true)
  })

  it('kubectl create and apply of the book\'s extensions/v1beta1 Ingress fail with kubectl\'s mapping error, creating nothing', () => {
    const s = new ShellSession({ seed: 1, readFile: (p) => FILES[p] })
    s.runScript('minikube start')
    expect(sh(s, 'kubectl create -f kubia-ingress.yaml')).toEqual({ out: '', code: 1,
      err: 'error: resource mapping not found for name: "kubia" namespace: "" from "kubia-ingress.yaml": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n' })
    expect(sh(s, 'kubectl apply -f beta.yaml').err).toContain('no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"')
    expect(s.cluster!.store.list('Ingress')).toEqual([])
  })

  it('a manifest read without a cluster (the editor) is checked against the oldest version kubehop runs', () => {
    const parsed = parseManifests(LEGACY, 'kubia-ingress.yaml')
    expect(parsed.docs).toEqual([])
    expect(parsed.errors.map((e) => e.kind)).toEqual(['mapping'])
  })
})
