// `helm install NAME CHART [flags]`, as helm v3 runs it (pkg/cmd/install.go runInstall, pkg/action/install.go
// RunWithContext): the name and chart are checked, the chart is located through the repositories `helm repo add`
// recorded (`repo apisix not found` before that), the crds/ folders are installed, the release record is stored
// first (so a missing namespace fails here: `create: failed to create: namespaces "x" not found`), then every
// object is created; the first error marks the release failed. Order: name and chart, values, then the name's use. Errors are wrapped `INSTALLATION FAILED`.
import type { Cluster } from '../../engine/cluster/cluster.ts'
import { ApiError } from '../../engine/api/api-server.ts'
import { kindInfo } from '../../engine/api/kinds.ts'
import type { ShellHost } from '../command.ts'
import { readRepos } from './repo-file.ts'
import { repoCharts } from './charts/index.ts'
import type { Values } from './values.ts'
import { coalesce, parseSet } from './values.ts'
import { findRelease, nanosFor, statusText, storeRelease } from './releases.ts'
import type { Release } from './releases.ts'

const HELM_INSTALL_SECONDS = 1

export class HelmError extends Error {}

export interface InstallOptions {
  args: string[]
  namespace: string
  createNamespace: boolean
  sets: string[]
  version?: string
  dryRun: boolean
}

/** Release names: DNS-1123 labels of at most 53 characters (pkg/chartutil/validate_name.go). */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

function apiMessage(err: unknown): string {
  if (err instanceof ApiError) return err.status.message
  throw err
}

/** Runs the install; returns the text helm prints on success, or throws HelmError with the text after `Error: `. */
export function install(host: ShellHost, cluster: Cluster, o: InstallOptions): string {
  const fail = (m: string): never => { throw new HelmError(`INSTALLATION FAILED: ${m}`) }
  if (o.args.length > 2) fail(`expected at most two arguments, unexpected arguments: ${o.args.slice(2).join(', ')}`)
  if (o.args.length < 2) fail('must either provide a name or specify --generate-name')
  const [name, ref] = o.args
  // LocateChart: a local path first, then `repo/chart`.
  if (ref.startsWith('.') || ref.startsWith('/')) fail(`path "${ref}" not found`)
  const slash = ref.indexOf('/')
  if (slash < 0) fail(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`)
  const repoName = ref.slice(0, slash)
  const chartName = ref.slice(slash + 1)
  const repo = readRepos(host).find((r) => r.name === repoName)
  if (!repo) fail(`repo ${repoName} not found`)
  const chart = (repoCharts(repo!.url) ?? []).find((c) => c.name === chartName)
  if (!chart) fail(`chart "${chartName}" matching ${o.version ?? ''} not found in ${repoName} index. (try 'helm repo update'): no chart name found`)
  if (o.version && o.version.replace(/^v/, '') !== chart!.version && !/^[~^>=<*]/.test(o.version)) {
    fail(`chart "${chartName}" matching ${o.version} not found in ${repoName} index. (try 'helm repo update'): no chart version found for ${chartName}-${o.version}`)
  }
  const user: Values = {}
  for (const s of o.sets) {
    const err = parseSet(s, user)
    if (err) fail(err)
  }
  // RunWithContext's availableName, after the chart and values are loaded: the name's form, then the history.
  if (!RELEASE_NAME.test(name) || name.length > 53) fail(`release name "${name}": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`)
  if (!o.dryRun && findRelease(cluster, o.namespace, name)) fail('cannot re-use a name that is still in use')
  // Loading the chart, the API server's discovery and the dry-run validation take helm about a second on kind, so
  // what a previous command deleted has time to finish its graceful termination (pod-termination.ts).
  cluster.advance(HELM_INSTALL_SECONDS)
  const values = coalesce(chart!.defaults, user)
  const rendered = chart!.render(name, o.namespace, values)
  const now = cluster.clock.now()
  const rel: Release = {
    name, namespace: o.namespace, version: 1, status: 'pending-install', lastDeployed: now, nanos: nanosFor(name, 1), description: 'Initial install underway',
    notes: rendered.notes, chart: { name: chart!.name, version: chart!.version, appVersion: chart!.appVersion }, repoURL: repo!.url, config: user,
  }
  if (o.dryRun) return statusText({ ...rel, status: 'pending-install', description: 'Dry run complete' })
  // installCRDs: the crds/ folders, create-if-absent, before the release exists.
  for (const crd of rendered.crds) if (!cluster.store.get('CustomResourceDefinition', undefined, crd.metadata.name)) cluster.api.create(crd)
  if (o.createNamespace && !cluster.store.get('Namespace', undefined, o.namespace)) {
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.namespace, labels: { name: o.namespace } } })
  }
  try {
    storeRelease(cluster, rel)
  } catch (err) {
    fail(`create: failed to create: ${apiMessage(err)}`)
  }
  const annotations = { 'meta.helm.sh/release-name': name, 'meta.helm.sh/release-namespace': o.namespace }
  let firstError: string | undefined
  for (const obj of rendered.objects) {
    // Kinds kubehop does not serve (RBAC, ServiceAccount) stay in the manifest only.
    if (!kindInfo(obj.kind)) continue
    try {
      cluster.api.create({ ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations as Record<string, string> | undefined), ...annotations } } })
    } catch (err) {
      firstError ??= apiMessage(err)
    }
  }
  cluster.converge()
  if (firstError) {
    storeRelease(cluster, { ...rel, status: 'failed', description: `Release "${name}" failed: ${firstError}` })
    fail(firstError)
  }
  const deployed: Release = { ...rel, status: 'deployed', description: 'Install complete' }
  storeRelease(cluster, deployed)
  return statusText(deployed)
}

/** `helm uninstall`: the chart's objects (as its stored values render them) in reverse order, then the records. */
export function uninstallObjects(cluster: Cluster, rel: Release): void {
  const chart = (repoCharts(rel.repoURL) ?? []).find((c) => c.name === rel.chart.name)
  if (!chart) return
  const rendered = chart.render(rel.name, rel.namespace, coalesce(chart.defaults, rel.config))
  for (const obj of [...rendered.objects].reverse()) {
    if (!kindInfo(obj.kind) || !cluster.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) continue
    cluster.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name)
  }
}
