// helm's messages as helm v3.16 prints them (pkg/cmd, pkg/action), the release record, and the apisix chart's objects.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from '../net/test-helpers.ts'
import { decodeBase64 } from '../../engine/util/base64.ts'

const INSTALL = 'helm install apisix apisix/apisix --set gateway.type=NodePort --set gateway.http.nodePort=30800 --set ingress-controller.enabled=true --namespace ingress-apisix --set ingress-controller.config.apisix.serviceNamespace=ingress-apisix'

function session() {
  return new ShellSession({ seed: 3 })
}

const err = (r: { chunks: { stream: string; text: string }[] }) => r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('')
const out = (r: { chunks: { stream: string; text: string }[] }) => r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')

describe('helm repo', () => {
  it('adds a known repository, refuses an unknown URL as an unreachable host, lists and updates', () => {
    const s = session()
    const { records } = run(s, 'helm repo list\nhelm repo update\nhelm repo add apisix https://charts.example.org\nhelm repo add apisix https://charts.apiseven.com\nhelm repo add apisix https://charts.apiseven.com\nhelm repo add apisix https://charts.apiseven.com/x\nhelm repo list\nhelm repo update\nhelm repo add a/b https://charts.apiseven.com')
    expect(err(records[0])).toBe('Error: no repositories to show\n')
    expect(err(records[1])).toBe('Error: no repositories found. You must add one before updating\n')
    expect(err(records[2])).toBe('Error: looks like "https://charts.example.org" is not a valid chart repository or cannot be reached: Get "https://charts.example.org/index.yaml": dial tcp: lookup charts.example.org on 127.0.0.53:53: no such host\n')
    expect(records[2].exitCode).toBe(1)
    expect(out(records[3])).toBe('"apisix" has been added to your repositories\n')
    expect(out(records[4])).toBe('"apisix" already exists with the same configuration, skipping\n')
    expect(err(records[5])).toBe('Error: repository name (apisix) already exists, please specify a different name\n')
    expect(out(records[6])).toBe('NAME  \tURL                        \napisix\thttps://charts.apiseven.com\n')
    expect(out(records[7])).toBe('Hang tight while we grab the latest from your chart repositories...\n...Successfully got an update from the "apisix" chart repository\nUpdate Complete. ⎈Happy Helming!⎈\n')
    expect(err(records[8])).toBe("Error: repository name (a/b) contains '/', please specify a different name without '/'\n")
    expect(s.hostFiles.get('/root/.config/helm/repositories.yaml')).toContain('url: https://charts.apiseven.com')
  })
})

describe('helm install', () => {
  it('fails as helm does before the repository is added and when the namespace is missing; --create-namespace makes it', () => {
    const s = session()
    const { records } = run(s, `${INSTALL}\nhelm repo add apisix https://charts.apiseven.com\n${INSTALL}\nkubectl get crd -o name\n${INSTALL} --create-namespace\nhelm install apisix apisix/apisix --set a.b -n ingress-apisix`)
    expect(err(records[0])).toBe('Error: INSTALLATION FAILED: repo apisix not found\n')
    expect(records[0].exitCode).toBe(1)
    expect(err(records[2])).toBe('Error: INSTALLATION FAILED: create: failed to create: namespaces "ingress-apisix" not found\n')
    // The crds/ folder was installed before the release record failed.
    expect(out(records[3])).toContain('customresourcedefinition.apiextensions.k8s.io/apisixroutes.apisix.apache.org')
    expect(out(records[4])).toMatch(/^NAME: apisix\nLAST DEPLOYED: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\nNAMESPACE: ingress-apisix\nSTATUS: deployed\nREVISION: 1\nTEST SUITE: None\nNOTES:\n1\. Get the application URL/)
    expect(out(records[4])).toContain('services apisix-gateway)')
    // Values are parsed before the name's use is checked (runInstall's MergeValues, then availableName).
    expect(err(records[5])).toBe('Error: INSTALLATION FAILED: failed parsing --set data: key "a.b" has no value\n')
  })

  it('creates the Services the post lists, with --set values the chart knows; unknown values change nothing', () => {
    const s = session()
    const { records } = run(s, `helm repo add apisix https://charts.apiseven.com\nkubectl create namespace ingress-apisix\n${INSTALL} --set no.such.value=1\nkubectl get svc -n ingress-apisix\nkubectl get secrets -n ingress-apisix\nkubectl get deploy,sts -n ingress-apisix`)
    expect(records[2].exitCode).toBe(0)
    const svc = out(records[3])
    expect(svc).toMatch(/apisix-admin +ClusterIP .* 9180\/TCP/)
    expect(svc).toMatch(/apisix-etcd +ClusterIP .* 2379\/TCP,2380\/TCP/)
    expect(svc).toMatch(/apisix-etcd-headless +ClusterIP +None .* 2379\/TCP,2380\/TCP/)
    expect(svc).toMatch(/apisix-gateway +NodePort .* 80:30800\/TCP/)
    expect(svc).toMatch(/apisix-ingress-controller +ClusterIP .* 80\/TCP/)
    expect(out(records[4])).toMatch(/sh\.helm\.release\.v1\.apisix\.v1 +helm\.sh\/release\.v1 +1/)
    expect(out(records[5])).toMatch(/deployment\.apps\/apisix +0\/1/)
    expect(out(records[5])).toContain('statefulset.apps/apisix-etcd')
    const secret = s.cluster!.store.get('Secret', 'ingress-apisix', 'sh.helm.release.v1.apisix.v1')!
    expect(secret.type).toBe('helm.sh/release.v1')
    expect(secret.metadata.labels).toMatchObject({ name: 'apisix', owner: 'helm', status: 'deployed', version: '1' })
    const record = JSON.parse(decodeBase64(decodeBase64(String((secret.data as Record<string, string>).release))))
    expect(record.config).toMatchObject({ gateway: { type: 'NodePort', http: { nodePort: 30800 } }, no: { such: { value: 1 } } })
    // Without the ingress controller the chart makes no controller, no CRDs.
    const t = session()
    const other = run(t, 'helm repo add apisix https://charts.apiseven.com\nhelm install gw apisix/apisix -n edge --create-namespace --set gateway.type=ClusterIP\nhelm uninstall gw -n edge\nhelm install gw apisix/apisix -n edge --set gateway.type=LoadBalancer').records
    // Chart 0.11.2 sets externalTrafficPolicy whatever the type, which the API server refuses for a ClusterIP Service.
    expect(err(other[1])).toBe('Error: INSTALLATION FAILED: Service "gw-apisix-gateway" is invalid: spec.externalTrafficPolicy: Invalid value: "Cluster": may only be set for externally-accessible services\n')
    expect(out(other[3])).toContain("You can watch the status of by running 'kubectl get --namespace edge svc -w gw-apisix-gateway'")
    expect(t.cluster!.store.get('Service', 'edge', 'gw-apisix-gateway')?.spec?.type).toBe('LoadBalancer')
    expect(t.cluster!.store.get('Deployment', 'edge', 'gw-ingress-controller')).toBeUndefined()
    expect(t.cluster!.store.get('CustomResourceDefinition', undefined, 'apisixroutes.apisix.apache.org')).toBeUndefined()
  })

  it('records a failed release when an object is refused, and refuses to reuse its name', () => {
    const s = session()
    const { records } = run(s, `helm repo add apisix https://charts.apiseven.com\nkubectl create namespace ingress-apisix\nkubectl create service nodeport taken --tcp=80 --node-port=30800\n${INSTALL}\nhelm list -n ingress-apisix\n${INSTALL}\nhelm uninstall apisix -n ingress-apisix\nhelm list -A`)
    expect(err(records[3])).toBe('Error: INSTALLATION FAILED: Service "apisix-gateway" is invalid: spec.ports[0].nodePort: Invalid value: 30800: provided port is already allocated\n')
    expect(out(records[4])).toMatch(/^NAME {2}\tNAMESPACE {5}\tREVISION\tUPDATED +\tSTATUS\tCHART {8}\tAPP VERSION\napisix\tingress-apisix\t1 {7}\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC\tfailed\tapisix-0\.11\.2\t2\.15\.0 {5}\n$/)
    expect(err(records[5])).toBe('Error: INSTALLATION FAILED: cannot re-use a name that is still in use\n')
    expect(out(records[6])).toBe('release "apisix" uninstalled\n')
    expect(out(records[7])).toBe('NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\n')
    expect(s.cluster!.store.list('Deployment', 'ingress-apisix')).toEqual([])
    expect(s.cluster!.store.list('Secret', 'ingress-apisix').filter((x) => x.type === 'helm.sh/release.v1')).toEqual([])
  })
})

describe('helm uninstall while the pods still pull', () => {
  it('lets the same names come up again (the kubelet does not skip a pull that ends while a pod looks steady)', () => {
    const s = session()
    const { records } = run(s, `helm repo add apisix https://charts.apiseven.com\nkubectl create namespace ingress-apisix\nkubectl create service nodeport taken --tcp=80 --node-port=30800\n${INSTALL}\nhelm uninstall apisix -n ingress-apisix\nkubectl delete service taken\n${INSTALL}\nkubectl wait -n ingress-apisix --for=condition=ready pod --all --timeout=120s`)
    expect(records[7].exitCode).toBe(0)
    expect(out(records[7]).match(/condition met/g)).toHaveLength(5)
  })
})

describe('helm command line', () => {
  it('parses like cobra: unknown commands and flags, argument counts, help, version', () => {
    const { records } = run(session(), 'helm instal\nhelm install --foo x y\nhelm status\nhelm uninstall nope\nhelm version\nhelm\nhelm install --help\nhelm upgrade a b\nhelm list extra')
    expect(err(records[0])).toBe('Error: unknown command "instal" for "helm"\n\nDid you mean this?\n\tinstall\n\nRun \'helm --help\' for usage.\n')
    expect(err(records[1])).toBe('Error: unknown flag: --foo\n')
    expect(err(records[2])).toBe('Error: "helm status" requires 1 argument\n\nUsage:  helm status RELEASE_NAME [flags]\n')
    expect(err(records[3])).toBe('Error: uninstall: Release not loaded: nope: release: not found\n')
    expect(out(records[4])).toBe('version.BuildInfo{Version:"v3.16.3", GitCommit:"cfd07493f46efc9debd9cc1b02a0961186df7fdf", GitTreeState:"clean", GoVersion:"go1.22.7"}\n')
    expect(out(records[5])).toContain('Usage:\n  helm [command]')
    expect(out(records[6])).toContain('helm install [NAME] [CHART] [flags]')
    expect(records[7].exitCode).toBe(1)
    expect(err(records[8])).toBe('Error: "helm list" accepts no arguments\n\nUsage:  helm list [flags]\n')
    expect(records.map((r) => r.exitCode)).toEqual([1, 1, 1, 1, 0, 0, 0, 1, 1])
  })
})
