// minikube v1.35.0 with the docker driver on Linux: cmd/minikube/cmd/service.go, tunnel.go,
// pkg/minikube/service/service.go (PrintServiceList, CheckServicePods), pkg/minikube/tunnel/reporter.go.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'

const APP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kubia\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: kubia\n  template:\n    metadata:\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia\n        ports:\n        - containerPort: 8080\n'
const svc = (name: string, type: string, selector = 'kubia') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  selector:\n    app: ${selector}\n  ports:\n  - port: 80\n    targetPort: 8080\n`
const FILES: Record<string, string> = { 'app.yaml': APP, 'np.yaml': svc('kubia-np', 'NodePort'), 'cip.yaml': svc('kubia-cip', 'ClusterIP'), 'lb.yaml': svc('kubia-lb', 'LoadBalancer'), 'lonely.yaml': svc('lonely', 'NodePort', 'nobody') }

function sh(s: ShellSession, line: string) {
  const [r] = s.runScript(line)
  return { out: r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''), err: r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''), code: r.exitCode }
}

function cluster(): ShellSession {
  const s = new ShellSession({ seed: 1, readFile: (p) => FILES[p] })
  s.runScript('minikube start')
  for (const f of Object.keys(FILES)) s.runScript(`kubectl apply -f ${f}`)
  s.runScript('kubectl wait --for=condition=Ready pod -l app=kubia')
  return s
}

describe('minikube service', () => {
  it('prints the table then opens the node-port URL; --url prints only the URL on the node IP', () => {
    const s = cluster()
    const port = s.cluster!.store.get('Service', 'default', 'kubia-np')!.spec.ports[0].nodePort
    const table = sh(s, 'minikube service kubia-np')
    expect(table.out.split('\n')).toEqual([
      '|-----------|----------|-------------|---------------------------|',
      '| NAMESPACE |   NAME   | TARGET PORT |            URL            |',
      '|-----------|----------|-------------|---------------------------|',
      `| default   | kubia-np |          80 | http://192.168.49.2:${port} |`,
      '|-----------|----------|-------------|---------------------------|',
      '🎉  Opening service default/kubia-np in default browser...', ''])
    expect(sh(s, 'minikube service kubia-np --url')).toEqual({ out: `http://192.168.49.2:${port}\n`, err: '', code: 0 })
  })

  it('a ClusterIP Service has no node port; a missing one and one without running pods end with minikube\'s exit reasons', () => {
    const s = cluster()
    expect(sh(s, 'minikube service kubia-cip --url')).toEqual({ code: 0, out: '😿  service default/kubia-cip has no node port\n',
      err: '❗  Services [default/kubia-cip] have type "ClusterIP" not meant to be exposed, however for local development minikube allows you to access this !\n' })
    expect(sh(s, 'minikube service nope -n web')).toEqual({ out: '', code: 115,
      err: "\n❌  Exiting due to SVC_NOT_FOUND: Service 'nope' was not found in 'web' namespace.\nYou may select another namespace by using 'minikube service nope -n <namespace>'. Or list out all the services using 'minikube service list'\n\n" })
    const lonely = sh(s, 'minikube service lonely --url')
    expect(lonely.code).toBe(115)
    expect(lonely.err).toMatch(/^\n❌ {2}Exiting due to SVC_UNREACHABLE: service not available: no running pod for service lonely found\n\n╭─+╮\n/)
  })
})

describe('minikube tunnel', () => {
  it('reports its status, gives LoadBalancer Services their cluster IP, routes the service range, and refuses a second tunnel', () => {
    const s = cluster()
    const tunnel = sh(s, 'minikube tunnel &')
    expect(tunnel.out).toMatch(/^Status:\t\n\tmachine: minikube\n\tpid: \d+\n\troute: 10\.96\.0\.0\/12 -> 192\.168\.49\.2\n\tminikube: Running\n\tservices: \[kubia-lb\]\n {4}errors: \n\t\tminikube: no errors\n\t\trouter: no errors\n\t\tloadbalancer emulator: no errors\n$/)
    const lb = s.cluster!.store.get('Service', 'default', 'kubia-lb')!
    expect(lb.status.loadBalancer.ingress).toEqual([expect.objectContaining({ ip: lb.spec.clusterIP })])
    expect(sh(s, 'kubectl get svc kubia-lb').out).toContain(`${lb.spec.clusterIP}   ${lb.spec.clusterIP}`)
    const [curl] = s.runScript(`curl -s http://${lb.spec.clusterIP}/`)
    expect(curl.chunks.map((c) => c.text).join('')).toMatch(/^You've hit kubia-/)
    expect(JSON.stringify(curl.traces)).toContain('10.96.0.0/12 via 192.168.49.2')
    expect(sh(s, 'minikube tunnel').code).toBe(111)
  })
})
