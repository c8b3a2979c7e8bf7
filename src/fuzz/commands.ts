// Generators of what a learner types: command lines (kubectl verbs, exec touch/rm of a readiness file,
// sleep, curl) and whole sequences of them. A manifest travels as a host file or a quoted here-document.
import fc from 'fast-check'
import { APPS, IMAGES, NAMES, almostValid, anyManifest, appManifest, toManifest, validManifest, validObject } from './manifests.ts'

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
  { arbitrary: appManifest.map((m) => cmd('apply', 'kubectl apply -f @FILE@', { manifest: m })), weight: 2 },
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

const command: fc.Arbitrary<FuzzCommand> = fc.oneof(
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
  // Images take seconds to pull (kubia ~14 s): long sleeps let pods start and reach Ready.
  { arbitrary: fc.constantFrom(1, 2, 5, 10, 30, 30).map((s) => cmd('sleep', `sleep ${s}`)), weight: 5 },
  { arbitrary: fc.constant(cmd('wait', 'kubectl wait --for=condition=Ready pod --all --timeout=60s')), weight: 2 },
  // Processes that exit: Completed, and crash loops whose restart counts only grow.
  { arbitrary: fc.tuple(name, fc.constantFrom('exit 1', 'echo done', 'sleep 5; exit 2')).map(([n, script]) => cmd('run', `kubectl run ${n}-job --image=busybox -- sh -c '${script}'`)), weight: 1 },
  { arbitrary: fc.tuple(name, fc.constantFrom('{"spec":{"type":"NodePort"}}', '{"spec":{"type":"ClusterIP"}}', '{"spec":{"selector":{"app":"api"}}}', '{"spec":{"ports":[{"port":80,"nodePort":30123}]}}', '{"spec":{"replicas":2}}', '{"metadata":{"labels":{"app":"db"}}}', '{not json'))
    .map(([n, p]) => cmd('patch', `kubectl patch ${p.includes('replicas') ? 'deployment' : 'svc'} ${n} -p '${p}'`)), weight: 2 },
  { arbitrary: fc.constantFrom('kubectl get pods -o wide', 'kubectl get svc', 'kubectl get ep', 'kubectl get endpointslices', 'kubectl get all -A', 'kubectl describe svc web', 'kubectl get deploy,rs', 'kubectl get pods -l app=web -o yaml')
    .map((l) => cmd('get', l)), weight: 2 },
  { arbitrary: fc.tuple(name, fc.constantFrom('', ':80', ':8080')).map(([n, p]) => cmd('curl-pod', `kubectl exec ${podByApp('web')} -- curl -s -m 2 http://${n}${p}/`)), weight: 2 },
  { arbitrary: fc.constantFrom(30080, 30123, 30124).map((p) => cmd('curl-host', `curl -s -m 2 http://172.18.0.3:${p}/`)), weight: 1 },
  { arbitrary: name.map((n) => cmd('nslookup', `kubectl exec ${podByApp('web')} -- nslookup ${n}`)), weight: 1 },
  { arbitrary: fc.string({ maxLength: 40 }).filter((s) => !s.includes('<<')).map((s) => cmd('garbage', s.replace(/[\r\n]/g, ' '))), weight: 1 },
)

/** A session's worth of commands, starting from an apply so there is something to act on (often an app and its Service). */
const firstApply = fc.oneof(applyFile, appManifest.map((m) => cmd('apply', 'kubectl apply -f @FILE@', { manifest: m })))
export const commandSequence: fc.Arbitrary<FuzzCommand[]> = fc.tuple(firstApply, fc.array(command, { minLength: 1, maxLength: 10 }))
  .map(([first, rest]) => [first, ...rest])

// ---------------------------------------------------------------------------------------------------
// Stories: one app (`web`), a client pod with curl, a Service in front, and then random things done to
// them. Unlike fully random sequences, almost every command here hits something, so traffic flows.

const nth = (i: number) => `$(kubectl get pods -l app=web -o jsonpath='{.items[${i}].metadata.name}')`
const readyProbeDeployment = (image: string, replicas: number, delay: number, probe = true) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: ${image.includes('kubia') ? 8080 : 80}, name: http}]
${probe ? `        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
          periodSeconds: 1
          initialDelaySeconds: ${delay}
` : ''}`

const storySetup: fc.Arbitrary<FuzzCommand[]> = fc.record({
  image: fc.constantFrom('nginx', 'luksa/kubia', 'registry.k8s.io/echoserver:1.10'),
  replicas: fc.integer({ min: 1, max: 4 }),
  probe: fc.boolean(),
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
  targetPort: fc.constantFrom('right', 'right', 'right', 'wrong', 'named'),
  policy: fc.constantFrom('Cluster', 'Local'),
}).map((r) => {
  const port = r.image.includes('kubia') ? 8080 : r.image.includes('echoserver') ? 8080 : 80
  const target = r.targetPort === 'right' ? port : r.targetPort === 'named' ? 'http' : 9999
  // A named target port needs a container that names it: `kubectl create deployment --port` gives an unnamed one.
  const deploy = r.probe || r.targetPort === 'named'
    ? cmd('apply', 'kubectl apply -f @FILE@', { manifest: readyProbeDeployment(r.image, r.replicas, 0, r.probe) })
    : cmd('create-deployment', `kubectl create deployment web --image=${r.image} --replicas=${r.replicas} --port=${port}`)
  const svc = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ${r.type}
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: ${typeof target === 'number' ? target : `"${target}"`}}]
${r.type === 'ClusterIP' ? '' : `  externalTrafficPolicy: ${r.policy}\n`}`
  // As a person would, wait for the images to be pulled and the containers to start before sending traffic.
  return [deploy, cmd('apply', 'kubectl apply -f @FILE@', { manifest: svc }), cmd('run', 'kubectl run client --image=nginx --labels=app=client'), cmd('sleep', 'sleep 30')]
})

const storyCommand: fc.Arbitrary<FuzzCommand> = fc.oneof(
  { arbitrary: fc.constantFrom('http://web/', 'http://web.default.svc.cluster.local/', 'http://web:80/', 'http://web/ http://web/').map((u) => cmd('curl-pod', `kubectl exec client -- curl -s -m 2 ${u}`)), weight: 6 },
  { arbitrary: fc.constant(cmd('curl-ip', `kubectl exec client -- curl -s -m 2 http://$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')/`)), weight: 2 },
  { arbitrary: fc.constantFrom('172.18.0.2', '172.18.0.3', '172.18.0.4').map((ip) => cmd('curl-nodeport', `curl -s -m 2 http://${ip}:$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')/`)), weight: 3 },
  { arbitrary: fc.constant(cmd('curl-lb', `curl -s -m 2 http://$(kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/`)), weight: 1 },
  { arbitrary: fc.constantFrom('web', 'web.default', 'nope').map((n) => cmd('nslookup', `kubectl exec client -- nslookup ${n}`)), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('touch', 'rm')).map(([i, v]) => cmd('exec', `kubectl exec ${nth(i)} -- ${v} /tmp/ready`)), weight: 5 },
  { arbitrary: fc.integer({ min: 0, max: 5 }).map((n) => cmd('scale', `kubectl scale deployment web --replicas=${n}`)), weight: 3 },
  { arbitrary: fc.constantFrom(1, 2, 5, 30).map((s) => cmd('sleep', `sleep ${s}`)), weight: 4 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('', ' --wait=false', ' --wait=false', ' --now')).map(([i, f]) => cmd('delete-pod', `kubectl delete pod ${nth(i)}${f}`)), weight: 3 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('app=other --overwrite', 'app-', 'app=web --overwrite', 'tier=x')).map(([i, l]) => cmd('label', `kubectl label pod ${nth(i)} ${l}`)), weight: 2 },
  { arbitrary: fc.constantFrom('{"spec":{"type":"NodePort"}}', '{"spec":{"type":"ClusterIP"}}', '{"spec":{"type":"LoadBalancer"}}', '{"spec":{"selector":{"app":"client"}}}', '{"spec":{"selector":{"app":"web"}}}',
    '{"spec":{"externalTrafficPolicy":"Local"}}', '{"spec":{"sessionAffinity":"ClientIP"}}', '{"spec":{"publishNotReadyAddresses":true}}', '{"spec":{"ports":[{"name":"http","port":80,"targetPort":9999}]}}',
    '{"spec":{"ports":[{"name":"http","port":80,"targetPort":"http"}]}}')
    .map((p) => cmd('patch', `kubectl patch svc web -p '${p}'`)), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom('nginx', 'luksa/kubia'), fc.integer({ min: 0, max: 4 }), fc.constantFrom(0, 5)).map(([img, r, d]) => cmd('apply', 'kubectl apply -f @FILE@', { manifest: readyProbeDeployment(img, r, d) })), weight: 2 },
  { arbitrary: fc.constantFrom('kubectl delete svc web', 'kubectl expose deployment web --port=80 --type=NodePort', 'kubectl delete deployment web', 'kubectl create deployment web --image=nginx --replicas=2',
    'cloud-provider-kind', 'kubectl get ep web', 'kubectl get endpointslices', 'docker exec kind-worker iptables-save -t nat', 'docker exec kind-worker conntrack -L', 'kubectl get pods -o wide')
    .map((l) => cmd('misc', l)), weight: 2 },
)

export const storySequence: fc.Arbitrary<FuzzCommand[]> = fc.tuple(storySetup, fc.array(storyCommand, { minLength: 2, maxLength: 14 }))
  .map(([setup, rest]) => [...setup, ...rest])

/**
 * Graceful deletions: a Deployment of kubia (whose PID 1 ignores SIGTERM, so a deleted pod stays Terminating and
 * Ready for its 30 s) behind a Service, then deletions without waiting, scale-downs, rollouts and time passing.
 */
export const terminationSequence: fc.Arbitrary<FuzzCommand[]> = fc.tuple(
  fc.integer({ min: 1, max: 4 }),
  fc.array(fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(' --wait=false', ' --wait=false --grace-period=5', ' --now --wait=false', ' --grace-period=0 --force', ''))
      .map(([i, f]) => cmd('delete-pod', `kubectl delete pod ${nth(i)}${f}`)),
    fc.integer({ min: 0, max: 5 }).map((n) => cmd('scale', `kubectl scale deployment web --replicas=${n}`)),
    fc.constantFrom('v1', 'v2', 'v3').map((tag) => cmd('rollout', `kubectl set image deployment/web kubia=luksa/kubia:${tag}`)),
    fc.constantFrom(1, 5, 20, 31).map((s) => cmd('sleep', `sleep ${s}`)),
    fc.constantFrom('{"spec":{"publishNotReadyAddresses":true}}', '{"spec":{"publishNotReadyAddresses":false}}').map((p) => cmd('patch', `kubectl patch svc web -p '${p}'`)),
  ), { minLength: 2, maxLength: 12 }),
).map(([replicas, rest]) => [
  cmd('create-deployment', `kubectl create deployment web --image=luksa/kubia --replicas=${replicas} --port=8080`),
  cmd('expose', 'kubectl expose deployment web --port=80 --target-port=8080'),
  // The pods pull luksa/kubia before they run: wait for them, as a user would, so the deletions hit Ready pods.
  cmd('rollout-status', 'kubectl rollout status deployment web'),
  ...rest,
])

// ---------------------------------------------------------------------------------------------------
// Hostile shell lines: what a shared script can make the interpreter do (loops, aliases, expansions,
// arithmetic, nesting). `maxSize` bounds the sizes asked for; the unbounded form finds known bugs.

export const hostileShellLine = (maxSize: number): fc.Arbitrary<string> => fc.oneof(
  fc.integer({ min: 1, max: maxSize }).map((n) => `echo {1..${n}} | wc -c`),
  fc.integer({ min: 1, max: maxSize }).map((n) => `for i in $(seq 1 ${n}); do echo $i; done | tail -1`),
  fc.integer({ min: 1, max: maxSize }).map((n) => `for i in {1..${n}}; do kubectl get pods >/dev/null; done`),
  fc.integer({ min: 1, max: maxSize }).map((n) => `printf "%${n}d" 1 | wc -c`),
  fc.integer({ min: 0, max: Math.min(maxSize, 100) }).map((n) => `printf "%.${n}f" 1`),
  fc.integer({ min: 1, max: Math.max(1, Math.floor(Math.log2(maxSize))) }).map((n) => `x=ab; for i in $(seq 1 ${n}); do x=$x$x; done; echo \${#x}`),
  fc.constantFrom(
    'while true; do :; done', 'while true; do kubectl get nodes; done | wc -l', 'until false; do sleep 1; done',
    'alias kubectl=kubectl; kubectl get pods', 'alias a=b; alias b=a; a', 'alias k=kubectl; k get no',
    'echo $((2**63)) $((1/0)) $((-2**63/-1))', 'echo $(( 9223372036854775807 + 1 ))', 'echo $((1<<64))',
    'x=$(x=$(x=$(echo hi))); echo $x', 'echo ${x:?boom}', 'echo ${#}', 'echo "$(echo "$(echo "$(echo deep)")")"',
    'echo $(seq 1 3) ${HOME} ~ *', 'cat <<EOF\n$(kubectl get nodes -o name)\nEOF', 'kubectl get pods -o jsonpath="{range .items[*]}{.metadata.name}{end}"',
    'echo a | grep -E "(a|" ', 'echo "unterminated', 'if then fi', 'case x in', '((', '$((', '${', '`echo hi`', 'exec kubectl get nodes',
    'exit 3', 'kubectl get pods -A | awk "{print \\$1}" | sort | uniq -c', 'seq 1 1e3 | wc -l', 'sleep 0.5', 'sleep 3600', 'kubectl get --raw /',
  ),
)
