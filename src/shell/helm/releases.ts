// Helm 3's release storage (the default `secret` driver): each revision is a Secret `sh.helm.release.v1.NAME.vN` of
// type helm.sh/release.v1 in the release's namespace, labelled name/owner=helm/status/version/modifiedAt, holding
// the release record. helm gzips the record before its own base64; kubehop keeps the JSON uncompressed under that
// base64, so `kubectl get secret … -o jsonpath='{.data.release}' | base64 -d | base64 -d` reads it.
// Upstream: helm/helm pkg/storage/driver/secrets.go (newSecretsObject), pkg/storage/driver/util.go (encodeRelease).
import type { Cluster } from '../../engine/cluster/cluster.ts'
import type { KubeObject } from '../../engine/api/types.ts'
import { decodeBase64, encodeBase64 } from '../../engine/util/base64.ts'
import { fnv32a } from '../../engine/controllers/hash.ts'
import type { Values } from './values.ts'

type ReleaseStatus = 'deployed' | 'failed' | 'pending-install' | 'uninstalling'

export interface Release {
  name: string
  namespace: string
  version: number
  status: ReleaseStatus
  /** Simulated seconds, with the nanoseconds Go's clock would have. */
  lastDeployed: number
  nanos: number
  description: string
  notes: string
  chart: { name: string; version: string; appVersion: string }
  repoURL: string
  config: Values
}

const secretName = (name: string, version: number) => `sh.helm.release.v1.${name}.v${version}`

/** Writes (creates or replaces) the release's Secret; throws the API server's error (a missing namespace). */
export function storeRelease(cluster: Cluster, rel: Release): void {
  const json = JSON.stringify({
    name: rel.name, namespace: rel.namespace, version: rel.version,
    info: { last_deployed: rel.lastDeployed, nanos: rel.nanos, description: rel.description, status: rel.status, notes: rel.notes },
    chart: { metadata: { name: rel.chart.name, version: rel.chart.version, appVersion: rel.chart.appVersion }, repo: rel.repoURL }, config: rel.config,
  })
  const obj: KubeObject = {
    apiVersion: 'v1', kind: 'Secret', type: 'helm.sh/release.v1',
    metadata: { name: secretName(rel.name, rel.version), namespace: rel.namespace,
      labels: { modifiedAt: String(Math.floor(cluster.clock.now())), name: rel.name, owner: 'helm', status: rel.status, version: String(rel.version) } },
    data: { release: encodeBase64(encodeBase64(json)) },
  }
  const live = cluster.store.get('Secret', rel.namespace, obj.metadata.name)
  if (live) cluster.api.update({ ...live, metadata: { ...live.metadata, labels: obj.metadata.labels }, data: obj.data } as KubeObject)
  else cluster.api.create(obj)
}

function decode(secret: KubeObject): Release | undefined {
  try {
    const raw = JSON.parse(decodeBase64(decodeBase64(String((secret.data as Record<string, string> | undefined)?.release ?? ''))))
    return {
      name: raw.name, namespace: raw.namespace, version: raw.version, status: raw.info.status, lastDeployed: raw.info.last_deployed, nanos: raw.info.nanos ?? 0,
      description: raw.info.description ?? '', notes: raw.info.notes ?? '', chart: raw.chart.metadata, repoURL: raw.chart.repo ?? '', config: raw.config ?? {},
    }
  } catch {
    return undefined
  }
}

/** The latest revision of every release in `namespace` (every namespace when undefined). */
export function listReleases(cluster: Cluster, namespace: string | undefined): Release[] {
  const latest = new Map<string, Release>()
  for (const s of cluster.store.list('Secret', namespace)) {
    if (s.type !== 'helm.sh/release.v1' || s.metadata.labels?.owner !== 'helm') continue
    const rel = decode(s)
    if (!rel) continue
    const key = `${rel.namespace}/${rel.name}`
    if ((latest.get(key)?.version ?? 0) < rel.version) latest.set(key, rel)
  }
  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace))
}

export function findRelease(cluster: Cluster, namespace: string, name: string): Release | undefined {
  return listReleases(cluster, namespace).find((r) => r.name === name)
}

export function deleteReleaseRecords(cluster: Cluster, rel: Release): void {
  for (let v = 1; v <= rel.version; v++) if (cluster.store.get('Secret', rel.namespace, secretName(rel.name, v))) cluster.api.delete('Secret', rel.namespace, secretName(rel.name, v))
}

/** Nanoseconds for a deployment time: Go's clock has them, the simulated one does not (stable per release). */
export function nanosFor(name: string, version: number): number {
  return fnv32a(`${name}.v${version}`) % 1_000_000_000
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n: number) => String(n).padStart(2, '0')

/** Go's time.ANSIC (`Mon Jan _2 15:04:05 2006`), in UTC: the LAST DEPLOYED line. */
function ansic(seconds: number): string {
  const d = new Date(Math.floor(seconds) * 1000)
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`
}

/** Go's time.Time.String() in UTC (`2006-01-02 15:04:05.999999999 +0000 UTC`): `helm list`'s UPDATED. */
export function goTimeString(seconds: number, nanos: number): string {
  const d = new Date(Math.floor(seconds) * 1000)
  const frac = nanos ? `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}` : ''
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}${frac} +0000 UTC`
}

/** gosuri/uitable as helm's output.EncodeTable uses it: every cell padded to its column, joined by a tab. */
export function uitable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('\t')).join('\n') + '\n'
}

/** The NAME/LAST DEPLOYED/… block `helm install` and `helm status` print (pkg/cmd/status.go statusPrinter, v3). */
export function statusText(rel: Release): string {
  return `NAME: ${rel.name}\nLAST DEPLOYED: ${ansic(rel.lastDeployed)}\nNAMESPACE: ${rel.namespace}\nSTATUS: ${rel.status}\nREVISION: ${rel.version}\nTEST SUITE: None\n` +
    (rel.notes.trim() ? `NOTES:\n${rel.notes.trim()}\n` : '')
}
