// Generators of what a learner types: command lines (kubectl verbs, exec touch/rm of a readiness file,
// sleep, curl) and whole sequences of them. A manifest travels as a host file or a quoted here-document.
import fc from 'fast-check'
import { APPS, IMAGES, NAMES, almostValid, anyManifest, toManifest, validManifest, validObject } from './manifests.ts'

/** One command: a script line, plus the manifest text it applies when it is an apply of a file. */
export interface FuzzCommand {
  kind: string
  /** The line, with `@FILE@` where the manifest's host path goes. */
  line: string
  manifest?: string
  /** The manifest holds exactly one object: a rejected apply of it must leave the store as it was. */
  single?: boolean
}

const name = fc.constantFrom(...NAMES)
const app = fc.constantFrom(...APPS)
const image = fc.constantFrom(...IMAGES)
const kindWord = fc.constantFrom('deployment', 'deploy', 'svc', 'service', 'pod', 'po', 'rs', 'ep', 'endpoints', 'cm', 'ingress', 'endpointslices')
const podByApp = (a: string) => `$(kubectl get pods -l app=${a} -o jsonpath='{.items[0].metadata.name}')`
const podRef = fc.oneof(app.map(podByApp), name.map((n) => `${n}-pod`))

const cmd = (kind: string, line: string, extra: Partial<FuzzCommand> = {}): FuzzCommand => ({ kind, line, ...extra })

const applyFile: fc.Arbitrary<FuzzCommand> = fc.oneof(
  { arbitrary: validManifest.map((m) => cmd('apply', 'kubectl apply -f @FILE@', { manifest: m })), weight: 5 },
  { arbitrary: validObject.map((o) => cmd('apply', 'kubectl apply -f @FILE@', { manifest: toManifest([o]), single: true })), weight: 3 },
  { arbitrary: almostValid.map((a) => cmd('apply-invalid', 'kubectl apply -f @FILE@', { manifest: toManifest([a.object]), single: true })), weight: 3 },
  { arbitrary: anyManifest.map((m) => cmd('apply', 'kubectl apply -f @FILE@', { manifest: m })), weight: 1 },
  { arbitrary: validObject.map((o) => cmd('create', 'kubectl create -f @FILE@', { manifest: toManifest([o]), single: true })), weight: 1 },
  { arbitrary: validManifest.map((m) => cmd('delete-f', 'kubectl delete -f @FILE@', { manifest: m })), weight: 1 },
)

/** A quoted here-document: the body is not expanded, as `kubectl apply -f - <<'EOF'` in a tutorial. */
const applyHeredoc: fc.Arbitrary<FuzzCommand> = validManifest
  .filter((m) => !/^FUZZ_EOF$/m.test(m))
  .map((m) => cmd('apply-heredoc', `kubectl apply -f - <<'FUZZ_EOF'\n${m.endsWith('\n') ? m : m + '\n'}FUZZ_EOF`))

export const command: fc.Arbitrary<FuzzCommand> = fc.oneof(
  { arbitrary: applyFile, weight: 8 },
  { arbitrary: applyHeredoc, weight: 1 },
  { arbitrary: fc.tuple(name, image, fc.integer({ min: 0, max: 4 })).map(([n, i, r]) => cmd('create-deployment', `kubectl create deployment ${n} --image=${i} --replicas=${r} --port=80`)), weight: 2 },
  { arbitrary: fc.tuple(name, fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'), fc.constantFrom(80, 8080)).map(([n, t, p]) => cmd('expose', `kubectl expose deployment ${n} --port=${p} --type=${t}`)), weight: 2 },
  { arbitrary: fc.tuple(name, image, app).map(([n, i, a]) => cmd('run', `kubectl run ${n}-pod --image=${i} --labels=app=${a} --port=80`)), weight: 1 },
  { arbitrary: fc.tuple(name, fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-1, 100000))).map(([n, r]) => cmd('scale', `kubectl scale deployment ${n} --replicas=${r}`)), weight: 3 },
  { arbitrary: fc.tuple(kindWord, name).map(([k, n]) => cmd('delete', `kubectl delete ${k} ${n}`)), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom('pods', 'svc', 'deploy'), app).map(([k, a]) => cmd('delete-l', `kubectl delete ${k} -l app=${a}`)), weight: 1 },
  { arbitrary: fc.constantFrom('pods', 'deployments', 'services').map((k) => cmd('delete-all', `kubectl delete ${k} --all`)), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('pod', 'svc', 'deployment'), fc.oneof(name, name.map((n) => `${n}-pod`)), app, fc.boolean()).map(([k, n, a, overwrite]) => cmd('label', `kubectl label ${k} ${n} app=${a}${overwrite ? ' --overwrite' : ''}`)), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('pod', 'svc'), name).map(([k, n]) => cmd('label', `kubectl label ${k} ${n} app-`)), weight: 1 },
  { arbitrary: fc.tuple(podRef, fc.constantFrom('touch', 'rm')).map(([p, verb]) => cmd('exec', `kubectl exec ${p} -- ${verb} /tmp/ready`)), weight: 4 },
  { arbitrary: fc.constantFrom(1, 2, 5, 10, 30).map((s) => cmd('sleep', `sleep ${s}`)), weight: 3 },
  { arbitrary: fc.tuple(name, fc.constantFrom('{"spec":{"type":"NodePort"}}', '{"spec":{"type":"ClusterIP"}}', '{"spec":{"selector":{"app":"api"}}}', '{"spec":{"ports":[{"port":80,"nodePort":30123}]}}', '{"spec":{"replicas":2}}', '{"metadata":{"labels":{"app":"db"}}}', '{not json'))
    .map(([n, p]) => cmd('patch', `kubectl patch ${p.includes('replicas') ? 'deployment' : 'svc'} ${n} -p '${p}'`)), weight: 2 },
  { arbitrary: fc.constantFrom('kubectl get pods -o wide', 'kubectl get svc', 'kubectl get ep', 'kubectl get endpointslices', 'kubectl get all -A', 'kubectl describe svc web', 'kubectl get deploy,rs', 'kubectl get pods -l app=web -o yaml')
    .map((l) => cmd('get', l)), weight: 2 },
  { arbitrary: fc.tuple(name, fc.constantFrom('', ':80', ':8080')).map(([n, p]) => cmd('curl-pod', `kubectl exec ${podByApp('web')} -- curl -s -m 2 http://${n}${p}/`)), weight: 2 },
  { arbitrary: fc.constantFrom(30080, 30123, 30124).map((p) => cmd('curl-host', `curl -s -m 2 http://172.18.0.3:${p}/`)), weight: 1 },
  { arbitrary: name.map((n) => cmd('nslookup', `kubectl exec ${podByApp('web')} -- nslookup ${n}`)), weight: 1 },
  { arbitrary: fc.string({ maxLength: 40 }).filter((s) => !s.includes('<<')).map((s) => cmd('garbage', s.replace(/[\r\n]/g, ' '))), weight: 1 },
)

/** A session's worth of commands, usually starting from an apply so there is something to act on. */
export const commandSequence: fc.Arbitrary<FuzzCommand[]> = fc.tuple(applyFile, fc.array(command, { minLength: 1, maxLength: 10 }))
  .map(([first, rest]) => [first, ...rest])
