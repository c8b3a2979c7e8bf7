// How kubectl names objects in its messages: `deployment.apps/kubia` (name printer) and
// `deployment.apps "kubia"` (delete). Upstream: cli-runtime/pkg/printers/name.go.
import { groupOf, kindInfo } from '../../../engine/api/kinds.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { goQuote } from '../../../engine/validation/go-format.ts'

/** `deployment.apps`, `service`, `ingressclass.networking.k8s.io`. */
function kindResource(kind: string, apiVersion?: string): string {
  const info = kindInfo(kind)
  const group = groupOf(info?.apiVersion ?? apiVersion ?? '')
  const lower = kind.toLowerCase()
  return group ? `${lower}.${group}` : lower
}

export function slashName(obj: Pick<KubeObject, 'kind' | 'apiVersion'> & { metadata: { name: string } }): string {
  return `${kindResource(obj.kind, obj.apiVersion)}/${obj.metadata.name}`
}

export function quotedName(kind: string, name: string): string {
  return `${kindResource(kind)} ${goQuote(name)}`
}

export type DryRun = 'none' | 'client' | 'server'

/** The operation suffix kubectl adds in dry-run mode (cmdutil.PrintFlagsWithDryRunStrategy). */
export function withDryRun(operation: string, dryRun: DryRun): string {
  return dryRun === 'client' ? `${operation} (dry run)` : dryRun === 'server' ? `${operation} (server dry run)` : operation
}
