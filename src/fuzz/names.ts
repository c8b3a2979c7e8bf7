// Generators of user text that names things (label and annotation keys, ConfigMap and Secret keys, env names,
// patch keys, file names, object names) drawn from the names JavaScript objects already hold: every map keyed by
// user text must treat `__proto__`, `constructor`, `toString` or `hasOwnProperty` as ordinary keys. And shell
// nesting deep enough to find the interpreter's limits.
import fc from 'fast-check'

/** Keys an ordinary JavaScript object already "has". */
const OBJECT_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__', 'length', 'then'] as const

const hostile = fc.constantFrom(...OBJECT_NAMES)
/** A DNS-1123 name a kubectl command accepts as an object name (lower-cased forms of the same words). */
const objectName = fc.constantFrom('constructor', 'tostring', 'hasownproperty', 'valueof', 'prototype', 'then', 'length')
const value = fc.constantFrom('x', '1', 'true', '', 'a.b')

/** One command that puts a hostile name where a key or name goes. Names of objects it creates: `web`, `cm1`, `sec1`. */
export const namedCommand: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(hostile, value).map(([k, v]) => `kubectl label pod web ${k}=${v} --overwrite`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl annotate pod web ${k}=${v} --overwrite`),
  hostile.map((k) => `kubectl label pod web ${k}-`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl get pods -l ${k}=${v}`),
  fc.tuple(hostile, hostile).map(([a, b]) => `kubectl create configmap cm1 --from-literal=${a}=1 --from-literal=${b}=2`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl create secret generic sec1 --from-literal=${k}=${v}`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl patch configmap cm1 -p '{"data":{"${k}":"${v}"}}'`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl patch configmap cm1 --type=merge -p '{"data":{"${k}":"${v}"},"${k}":{"${k}":"${v}"}}'`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl patch pod web -p '{"metadata":{"labels":{"${k}":"${v}"},"annotations":{"${k}":"${v}"}},"${k}":{"${k}":"${v}"}}'`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"${k}","value":"${v}"}]}]}}}}'`),
  hostile.map((k) => `kubectl patch svc web --type=json -p '[{"op":"add","path":"/metadata/labels/${k}","value":"x"}]'`),
  fc.tuple(hostile, value).map(([k, v]) => `kubectl set selector svc web ${k}=${v}`),
  objectName.map((n) => `kubectl create deployment ${n} --image=nginx`),
  objectName.map((n) => `kubectl expose deployment ${n} --port=80`),
  objectName.map((n) => `kubectl get svc ${n} -o jsonpath='{.spec.ports[0].port}'`),
  objectName.map((n) => `kubectl delete deployment ${n}`),
  hostile.map((k) => `kubectl exec web -- printenv ${k}`),
  hostile.map((k) => `kubectl exec web -- sh -c 'echo \${${k}}'`),
  hostile.map((k) => `kubectl exec web -- cat /etc/config/${k}`),
  hostile.map((k) => `kubectl get cm cm1 -o jsonpath='{.data.${k}}'`),
  hostile.map((k) => `${k}=1; echo $${k}`),
  hostile.map((k) => `kubectl apply -f ${k}`),
  hostile.map((k) => `alias ${k}=echo; ${k} hi`),
  fc.constant('kubectl get cm cm1 -o yaml'),
  fc.constant('kubectl describe pod web'),
)

/** A manifest with hostile keys in every map a user writes (labels, selector, data, env, volumes' items). */
export const namedManifest: fc.Arbitrary<string> = fc.tuple(hostile, hostile, value).map(([a, b, v]) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm1
  labels: {"${a}": "${v}", app: web}
  annotations: {"${b}": "${v}"}
data: {"${a}": "${v}", "${b}": "2"}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web, "${b}": "${v}"}
spec:
  containers:
  - name: web
    image: nginx
    env: [{name: "${a}", value: "${v}"}, {name: X, valueFrom: {configMapKeyRef: {name: cm1, key: "${b}"}}}]
    volumeMounts: [{name: config, mountPath: /etc/config}]
  volumes:
  - name: config
    configMap: {name: cm1, items: [{key: "${a}", path: "${b}"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web, "${a}": "${v}"}
  ports: [{port: 80}]
`)

/** A compound command nested `depth` deep (if, while, for, braces, subshells, $( )), with `echo after` behind it. */
export const nestedLine: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('if', 'while', 'for', 'brace', 'subshell', 'subst', 'arith'),
  fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 300, max: 3000 })),
).map(([kind, depth]) => {
  if (kind === 'arith') return `echo $((${'('.repeat(depth)}1${')'.repeat(depth)}))\necho after`
  const open = { if: 'if true; then ', while: 'while true; do ', for: 'for i in 1; do ', brace: '{ ', subshell: '( ', subst: 'echo $(', arith: '' }[kind]
  const body = { if: 'echo deep; ', while: 'echo deep; ', for: 'echo deep; ', brace: 'echo deep; ', subshell: 'echo deep ', subst: 'echo deep', arith: '1' }[kind]
  const close = { if: 'fi; ', while: 'break; done; ', for: 'done; ', brace: '}; ', subshell: '); ', subst: ')', arith: '+1))' }[kind]
  return `${open.repeat(depth)}${body}${close.repeat(depth)}\necho after`
})
