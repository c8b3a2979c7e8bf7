import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'

function run(session: ShellSession, command: string) {
  const [record] = session.runScript(command) as any[]
  const text = (stream: string) => record.chunks.filter((c: any) => c.stream === stream).map((c: any) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: record.exitCode as number }
}

describe('kubectl get on the default kind cluster', () => {
  const s = new ShellSession({ seed: 1 })

  it('prints the nodes as a kind cluster does', () => {
    expect(run(s, 'kubectl get nodes')).toEqual({
      out: 'NAME                 STATUS   ROLES           AGE   VERSION\n' +
        'kind-control-plane   Ready    control-plane   2m    v1.32.2\n' +
        'kind-worker          Ready    <none>          2m    v1.32.2\n' +
        'kind-worker2         Ready    <none>          2m    v1.32.2\n',
      err: '', code: 0,
    })
    expect(run(s, 'kubectl get nodes -o wide').out.split('\n')[1]).toBe(
      'kind-control-plane   Ready    control-plane   2m    v1.32.2   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-49-generic   containerd://2.0.2')
  })

  it('says so when nothing is found, on stderr', () => {
    expect(run(s, 'kubectl get pods')).toEqual({ out: '', err: 'No resources found in default namespace.\n', code: 0 })
    expect(run(s, 'kubectl get pods -n nowhere')).toEqual({ out: '', err: 'No resources found in nowhere namespace.\n', code: 0 })
    expect(run(s, 'kubectl get ingress -A')).toEqual({ out: '', err: 'No resources found\n', code: 0 })
  })

  it('reports NotFound per name, printing the ones it found', () => {
    expect(run(s, 'kubectl get pods nope')).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 })
    const r = run(s, 'kubectl get svc kubernetes nope')
    expect(r.out).toBe('NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2m\n')
    expect(r.err).toBe('Error from server (NotFound): services "nope" not found\n')
    expect(r.code).toBe(1)
    expect(run(s, 'kubectl get pods nope --ignore-not-found')).toEqual({ out: '', err: '', code: 0 })
    expect(run(s, 'kubectl get deploy nope').err).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
  })

  it('rejects unknown types and a missing type', () => {
    expect(run(s, 'kubectl get foo')).toEqual({ out: '', err: 'error: the server doesn\'t have a resource type "foo"\n', code: 1 })
    expect(run(s, 'kubectl get').err).toContain('error: Required resource not specified.')
  })

  it('prints several kinds with kind/ prefixes and a blank line between them', () => {
    expect(run(s, 'kubectl get svc,ep').out).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2m\n\n' +
      'NAME                   ENDPOINTS         AGE\nendpoints/kubernetes   172.18.0.2:6443   2m\n')
    expect(run(s, 'kubectl get all -n kube-system').out).toContain('\n\nNAME                      READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/coredns   2/2     2            2           2m\n')
    // The all category also holds DaemonSets (before Deployments), StatefulSets and Jobs.
    const kinds = run(s, 'kubectl get all -n kube-system').out.split("\n\n").map((block: string) => block.split('\n')[1].split('/')[0])
    expect(kinds).toEqual(['pod', 'service', 'daemonset.apps', 'deployment.apps', 'replicaset.apps'])
  })

  it('adds NAMESPACE with -A and filters by label and field', () => {
    expect(run(s, 'kubectl get svc -A').out).toBe(
      'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\n' +
      'default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  2m\n' +
      'kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   2m\n')
    expect(run(s, 'kubectl get pods -n kube-system -l k8s-app=kube-dns -o name').out).toMatch(/^pod\/coredns-\S+\npod\/coredns-\S+\n$/)
    expect(run(s, 'kubectl get po -A --field-selector spec.nodeName=kind-worker --no-headers -o custom-columns=N:.spec.nodeName').out).toBe('kind-worker\nkind-worker\n')
    expect(run(s, 'kubectl get po -A --field-selector foo=bar').err).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n')
  })

  it('prints one named object as itself, several as a List', () => {
    expect(run(s, 'kubectl get ns default -o yaml').out).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n {2}creationTimestamp: "2026-01-01T09:00:00Z"\n/)
    const list = run(s, 'kubectl get ns -o yaml').out
    expect(list).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Namespace\n/)
    expect(list).toMatch(/\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/)
    expect(JSON.parse(run(s, 'kubectl get pods -o json').out)).toEqual({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } })
  })

  it('evaluates JSONPath the way scripts use it', () => {
    expect(run(s, `kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}'`).out).toBe('172.18.0.2 172.18.0.3 172.18.0.4')
    expect(run(s, `kubectl get svc kubernetes -o jsonpath='{.spec.clusterIP}'`).out).toBe('10.96.0.1')
    expect(run(s, `kubectl get nodes -o jsonpath='{.foo'`)).toEqual({ out: '', err: 'error: error parsing jsonpath {.foo, unclosed action\n', code: 1 })
    const bad = run(s, `kubectl get nodes -o jsonpath='{.items[9].metadata.name}'`)
    expect(bad.err).toMatch(/^error: error executing jsonpath "\{\.items\[9\]\.metadata\.name\}": Error executing template: array index out of bounds: index 9, length 3\. Printing more information/)
  })

  it('sorts, shows labels and rejects unknown output formats', () => {
    expect(run(s, 'kubectl get ns --sort-by=.metadata.name --no-headers -o custom-columns=N:.metadata.name').out).toBe('default\nkube-node-lease\nkube-public\nkube-system\nlocal-path-storage\n')
    expect(run(s, 'kubectl get ns default --show-labels').out).toBe('NAME      STATUS   AGE   LABELS\ndefault   Active   2m    kubernetes.io/metadata.name=default\n')
    expect(run(s, 'kubectl get ns -o foo').err).toBe('error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n')
  })
})

describe('kubectl describe and the small read verbs', () => {
  const s = new ShellSession({ seed: 1 })

  it('describes by name, by prefix, and reports NotFound', () => {
    const svc = run(s, 'kubectl describe svc kubernetes')
    expect(svc.out).toBe('Name:                     kubernetes\nNamespace:                default\nLabels:                   component=apiserver\n' +
      '                          provider=kubernetes\nAnnotations:              <none>\nSelector:                 <none>\nType:                     ClusterIP\n' +
      'IP Family Policy:         SingleStack\nIP Families:              IPv4\nIP:                       10.96.0.1\nIPs:                      10.96.0.1\n' +
      'Port:                     https  443/TCP\nTargetPort:               6443/TCP\nEndpoints:                172.18.0.2:6443\nSession Affinity:         None\n' +
      'Internal Traffic Policy:  Cluster\nEvents:                   <none>\n')
    expect(run(s, 'kubectl describe pods -n kube-system coredns').out.match(/^Name: +coredns-/gm)).toHaveLength(2)
    expect(run(s, 'kubectl describe pod nope')).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 })
    expect(run(s, 'kubectl describe pods')).toEqual({ out: '', err: 'No resources found in default namespace.\n', code: 0 })
  })

  it('describes a kind node with its pods', () => {
    const node = run(s, 'kubectl describe node kind-worker').out
    expect(node).toMatch(/^Name: {15}kind-worker\nRoles: {14}<none>\n/)
    expect(node).toContain('ProviderID:                   kind://docker/kind/kind-worker\nNon-terminated Pods:          (2 in total)\n')
  })

  it('prints versions, cluster-info, contexts', () => {
    expect(run(s, 'kubectl version').out).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n')
    expect(run(s, 'kubectl cluster-info').out).toMatch(/^Kubernetes control plane is running at https:\/\/127\.0\.0\.1:(\d+)\nCoreDNS is running at https:\/\/127\.0\.0\.1:\1\/api\/v1\/namespaces\/kube-system\/services\/kube-dns:dns\/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'\.\n$/)
    expect(run(s, 'kubectl config current-context').out).toBe('kind-kind\n')
    const resources = run(s, 'kubectl api-resources').out.split('\n')
    expect(resources[0]).toBe('NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND')
    // The Gateway API kinds are listed only once their CRDs are installed (cloud-provider-kind does it).
    expect(resources).toContain('customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1   false        CustomResourceDefinition')
    expect(resources.some((l: string) => l.startsWith('gateways'))).toBe(false)
  })

  it('logs: NotFound for a missing pod', () => {
    expect(run(s, 'kubectl logs nope')).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 })
  })
})

describe('kubectl logs with a workload', () => {
  it('picks one of the Deployment\'s pods and names it', () => {
    const s = new ShellSession({ seed: 1 })
    const c = s.cluster!
    c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'kubia' } },
      template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } } } } as any)
    c.converge()
    c.advance(30)
    const r = run(s, 'kubectl logs deploy/kubia')
    expect(r.err).toMatch(/^Found 2 pods, using pod\/kubia-[a-z0-9]+-[a-z0-9]{5}\n$/)
    expect(r.out).toBe('Kubia server starting...\n')
    expect(run(s, 'kubectl get deploy kubia').out).toBe('NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nkubia   2/2     2            2           30s\n')
  })
})
