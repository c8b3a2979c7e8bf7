// kubectl get -o go-template / --template: Go text/template over the object (cli-runtime printers/template.go).
import { describe, expect, it } from 'vitest'
import { renderGoTemplate } from './go-template.ts'
import { ShellSession } from '../../session.ts'

const pod = { metadata: { name: 'web', labels: { run: 'web', app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx' }, { name: 'd', image: 'busybox' }] }, status: { podIP: '10.244.1.2', phase: 'Running' } }

describe('go-template', () => {
  it('prints fields, ranges, conditions and Go-formatted maps', () => {
    expect(renderGoTemplate('{{.status.podIP}}', pod)).toBe('10.244.1.2')
    expect(renderGoTemplate('{{range .spec.containers}}{{.name}}={{.image}}{{"\\n"}}{{end}}', pod)).toBe('c=nginx\nd=busybox\n')
    expect(renderGoTemplate('{{if eq .status.phase "Running"}}up{{else}}down{{end}}', pod)).toBe('up')
    expect(renderGoTemplate('{{if eq .status.phase "Pending"}}p{{else if .status.podIP}}ip{{else}}none{{end}}', pod)).toBe('ip')
    // Go prints a map[string]interface{} with sorted keys; a missing key is <no value> (allow-missing-template-keys).
    expect(renderGoTemplate('{{.metadata.labels}} {{.spec.nodeName}}', pod)).toBe('map[app:a run:web] <no value>')
    expect(renderGoTemplate('{{index .metadata.labels "run"}} {{len .spec.containers}}', pod)).toBe('web 2')
    expect(renderGoTemplate('{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}} {{end}}', pod)).toBe('0:c 1:d ')
    expect(renderGoTemplate('a  {{- .metadata.name -}}  b', pod)).toBe('awebb')
    expect(renderGoTemplate('{{with .status}}{{.phase}}{{end}}', pod)).toBe('Running')
  })

  it('kubectl get --template alone means -o go-template (seed 001: `k get pod NAME --template {{.status.podIP}}`)', () => {
    const s = new ShellSession({ seed: 1 })
    s.runScript('kubectl run web --image=nginx\nkubectl wait --for=condition=Ready pod/web')
    const ip = s.runScript("kubectl get pod web -o jsonpath='{.status.podIP}'")[0].chunks[0].text
    const r = s.runScript("kubectl get pod web --template '{{.status.podIP}}'")[0]
    expect(r).toMatchObject({ exitCode: 0, chunks: [{ stream: 'stdout', text: ip }] })
    const bad = s.runScript("kubectl get pod web -o go-template='{{.x'")[0]
    expect(bad).toMatchObject({ exitCode: 1, chunks: [{ stream: 'stderr', text: 'error: error parsing template {{.x, template: output:1: unclosed action\n' }] })
  })
})
