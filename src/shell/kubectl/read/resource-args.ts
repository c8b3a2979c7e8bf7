// What `kubectl get|describe` arguments name: `pods`, `pods,svc`, `all`, `pod NAME...`, `pod/NAME svc/NAME`.
// Source: cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs) and the `all` category of discovery.
import type { KindInfo } from '../../../engine/api/kinds.ts'
import { kindInfo, resolveResource } from '../../../engine/api/kinds.ts'
import { endpointsWarning } from '../../../engine/cluster/k8s-version.ts'

class ReadError extends Error {}

export interface ResourceRequest {
  info: KindInfo
  /** Empty: every object of the kind (filtered by selectors). */
  names: string[]
}

// The `all` category as discovery lists it (core group first, then apps, then batch); kinds kubehop does not serve
// (HorizontalPodAutoscaler, CronJob) are absent.
const ALL_CATEGORY = ['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job']

function resolve(typed: string, served?: (info: KindInfo) => boolean): KindInfo[] {
  if (typed === 'all') return ALL_CATEGORY.map((k) => kindInfo(k)!)
  const info = resolveResource(typed, served)
  if (!info) throw new ReadError(`the server doesn't have a resource type "${typed}"`)
  return [info]
}

export interface ParsedArgs {
  requests: ResourceRequest[]
  /** Several types were asked for (a comma list, `all`, or TYPE/NAME of different types): names get `kind/`. */
  multipleTypes: boolean
  /** Exactly one object was named: -o yaml/json print it alone instead of a List. */
  singleItem: boolean
}

/** `served`: whether discovery lists a kind now (a CRD's kinds only once it is installed). */
export function parseResourceArgs(args: string[], served?: (info: KindInfo) => boolean): ParsedArgs {
  if (args.some((a) => a.includes('/'))) {
    const requests: ResourceRequest[] = []
    for (const arg of args) {
      const slash = arg.indexOf('/')
      if (slash < 0) throw new ReadError('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'')
      const [info] = resolve(arg.slice(0, slash), served)
      const name = arg.slice(slash + 1)
      if (!name) throw new ReadError(`arguments in resource/name form must have a single resource and name`)
      const existing = requests.find((r) => r.info.kind === info.kind)
      if (existing) existing.names.push(name)
      else requests.push({ info, names: [name] })
    }
    return { requests, multipleTypes: requests.length > 1, singleItem: args.length === 1 }
  }
  const [types, ...names] = args
  const typed = types.split(',').filter(Boolean)
  const infos = typed.flatMap((t) => resolve(t, served))
  if (names.length && infos.length > 1) {
    // kubectl looks every name up in every type; keep the same behaviour.
    return { requests: infos.map((info) => ({ info, names: [...names] })), multipleTypes: true, singleItem: false }
  }
  return {
    requests: infos.map((info) => ({ info, names })),
    multipleTypes: typed.length > 1 || typed.includes('all'),
    singleItem: infos.length === 1 && names.length === 1,
  }
}

/** The API server's deprecation warning for v1 Endpoints (from 1.33), as kubectl prints it, once per command. */
export function warnEndpoints(ctx: { cluster: { profile: { kubernetesVersion: string } }; io: { err(text: string): void } }, kinds: string[]): void {
  const warning = kinds.includes('Endpoints') ? endpointsWarning(ctx.cluster.profile.kubernetesVersion) : undefined
  if (warning) ctx.io.err(`Warning: ${warning}\n`)
}
