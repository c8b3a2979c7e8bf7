import { describe, expect, it } from 'vitest'
import { defaultFiles, defaultManifest } from '../ui/fixtures/defaultDocument.ts'
import { EngineHost } from './engineHost.ts'

const withManifest = (text: string) => defaultFiles.map((f) => (f.name === 'app.yaml' ? { ...f, text } : f))

function lintOf(text: string) {
  const host = new EngineHost()
  const outcome = host.apply({ files: withManifest(text), seed: 1 })
  return outcome.markers.filter((m) => m.source === 'lint')
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('lint: a port that nothing listens on', () => {
  it('the default scenario (kubia listens on 8080) has no lint', () => {
    expect(lintOf(defaultManifest)).toEqual([])
  })

  it('a numeric targetPort the image does not listen on is a warning at the targetPort line', () => {
    const text = defaultManifest.replace('targetPort: 8080', 'targetPort: 8081')
    const markers = lintOf(text)
    expect(markers).toHaveLength(1)
    expect(markers[0]).toMatchObject({ file: 'app.yaml', severity: 'warning', line: lineOf(text, 'targetPort: 8081') })
    expect(markers[0].message).toMatch(/Nothing listens on TCP port 8081 in the selected pods: their containers listen on 8080\/TCP/)
  })

  it('a declared containerPort does not make the image listen there (named targetPort resolved through it)', () => {
    const text = defaultManifest.replace('- containerPort: 8080', '- containerPort: 9090\n              name: web').replace('targetPort: 8080', 'targetPort: web')
    const markers = lintOf(text)
    expect(markers).toHaveLength(1)
    expect(markers[0].line).toBe(lineOf(text, 'targetPort: web'))
    expect(markers[0].message).toContain('port 9090 ("web")')
  })

  it('without a targetPort the port itself is checked, at the port line', () => {
    const text = defaultManifest.replace('      targetPort: 8080\n', '')
    const markers = lintOf(text)
    expect(markers).toHaveLength(1)
    expect(markers[0].line).toBe(lineOf(text, '- port: 80'))
    expect(markers[0].message).toContain('TCP port 80 ')
  })
})

describe('lint: images the catalog does not know', () => {
  it('an image kubehop does not know is an info at its image line; one the registry cannot have is a warning', () => {
    const unknown = defaultManifest.replace('image: luksa/kubia:1.0', 'image: example/shop:1.0')
    const m1 = lintOf(unknown).filter((m) => m.message.includes('example/shop'))
    expect(m1).toHaveLength(1)
    expect(m1[0]).toMatchObject({ severity: 'info', line: lineOf(unknown, 'image: example/shop:1.0') })
    expect(m1[0].message).toContain('kubehop does not know what the image "example/shop:1.0" serves')
    const typo = defaultManifest.replace('image: luksa/kubia:1.0', 'image: nginxx:doesnotexist')
    const m2 = lintOf(typo).filter((m) => m.message.includes('nginxx'))
    expect(m2).toHaveLength(1)
    expect(m2[0]).toMatchObject({ severity: 'warning', line: lineOf(typo, 'image: nginxx:doesnotexist') })
  })
})

describe('lint: the cluster changes under unchanged pods', () => {
  const nginx = (listen: number) => `apiVersion: v1
kind: ConfigMap
metadata: {name: web-conf}
data:
  default.conf: |
    server { listen ${listen}; location / { return 200 "ok"; } }
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
      volumes: [{name: conf, configMap: {name: web-conf}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`

  it('a ConfigMap edit that moves nginx off the targetPort is linted at the next apply, though its pods are the same objects', () => {
    const host = new EngineHost()
    const lint = (text: string) => host.apply({ files: withManifest(text), seed: 1 }).markers.filter((m) => m.source === 'lint' && m.message.startsWith('Nothing listens'))
    expect(lint(nginx(8080))).toEqual([])
    const pods = host.snapshot()!.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-'))
    const moved = lint(nginx(9090))
    expect(host.snapshot()!.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-'))).toEqual(pods)
    expect(moved).toHaveLength(1)
    expect(moved[0].message).toContain('their containers listen on 9090/TCP')
    expect(lint(nginx(8080))).toEqual([])
  })
})
