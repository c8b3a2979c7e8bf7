// The Kubernetes version a cluster runs, and what changes with it. kind's node images are `kindest/node:vX.Y.Z`;
// kubehop models the minor versions kind's recent releases publish images for.

/** The oldest and newest minor versions kubehop accepts (kind v0.27–v0.32 publish node images for these). */
export const MIN_MINOR = 31
export const MAX_MINOR = 36

export interface KubeVersion { major: number; minor: number; patch: number }

/** `v1.33.1` → {1, 33, 1}; undefined for anything else. */
export function parseKubeVersion(v: string): KubeVersion | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(v)
  return m ? { major: +m[1], minor: +m[2], patch: +m[3] } : undefined
}

/** Whether the version is at least 1.`minor`. */
function atLeast(version: string, minor: number): boolean {
  const v = parseKubeVersion(version.replace(/-gke.*$/, '').replace(/\+.*$/, ''))
  return !!v && (v.major > 1 || (v.major === 1 && v.minor >= minor))
}

/**
 * The API server's warning for any request to core/v1 Endpoints from 1.33 on (KEP-4974: Endpoints deprecated in
 * favour of EndpointSlices); kubectl prints it on stderr.
 */
export function endpointsWarning(version: string): string | undefined {
  return atLeast(version, 33) ? 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice' : undefined
}

/**
 * Group/versions the API server stops serving from a minor version on, for the kinds kubehop knows in more than
 * one version. Upstream: the deprecated API migration guide (kubernetes.io/docs/reference/using-api/
 * deprecation-guide/#v1-22) and the `unavailable in v1.22+` text of pkg/apis/*\/v1beta1 deprecation markers.
 */
const REMOVED_IN: { apiVersion: string; kind: string; minor: number }[] = [
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', minor: 22 },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', minor: 22 },
]

/** Whether a cluster at `version` still serves `kind` in `apiVersion` (discovery lists it, kubectl can map it). */
export function servesApi(version: string, apiVersion: string, kind: string): boolean {
  const removal = REMOVED_IN.find((r) => r.apiVersion === apiVersion && r.kind === kind)
  return !removal || !atLeast(version, removal.minor)
}

/** The oldest version kubehop runs: what a manifest read without a cluster (the editor) is checked against. */
export const OLDEST_VERSION = `v1.${MIN_MINOR}.0`
