// `kubectl expose deployment|rs|rc|pod|svc NAME [--port] [--target-port] [--type] [--name] ...`:
// a Service whose selector comes from the object and whose ports come from --port or the containers'
// ports. Upstream: kubectl/pkg/cmd/expose/expose.go and polymorphichelpers (MapBasedSelectorForObject,
// ProtocolsForObject, PortsForObject).
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags, str, strs } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { formatLabels } from '../../../engine/api/labels.ts'
import { CommandError, verb } from './command-error.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, namespaceOf, outputOf } from './options.ts'
import { parseTargets } from './targets.ts'
import { createGenerated } from './write-object.ts'

const EXPOSABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'Service'])

export const expose = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'port', type: 'string' }, { name: 'target-port', type: 'string' },
    { name: 'type', type: 'string' }, { name: 'name', type: 'string' }, { name: 'protocol', type: 'string' }, { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' }, { name: 'external-ip', type: 'string' }, { name: 'cluster-ip', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' }, { name: 'session-affinity', type: 'string' }, { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'save-config', type: 'bool' }, { name: 'override-type', type: 'string' }, { name: 'overrides', type: 'string' }])
  const dryRun = dryRunOf(flags)
  const output = outputOf(flags)
  const { namespace } = namespaceOf(flags)
  const { targets } = parseTargets(flags.positional, "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
  if (!targets.length) throw new CommandError('resource(s) were provided, but no name was specified')
  for (const t of targets) {
    const obj = ctx.cluster.api.get(t.info.kind, namespace, t.name)
    if (!EXPOSABLE.has(obj.kind)) throw new CommandError(`cannot expose a ${obj.kind}`)
    const selector = str(flags, 'selector') ?? selectorText(obj)
    // expose.go: cmdutil.UsageErrorf around polymorphichelpers' MapBasedSelectorForObject error.
    const usage = (text: string) => new CommandError(`${text}\nSee 'kubectl expose -h' for help and examples`)
    const why = obj.kind === 'Pod' ? 'the pod has no labels and cannot be exposed' : obj.kind === 'Service' ? 'the service has no pod selector set'
      : obj.kind === 'Deployment' ? 'invalid deployment: no selectors, therefore cannot be exposed' : 'the object has no selector'
    if (!selector) throw usage(`couldn't retrieve selectors via --selector flag or introspection: ${why}`)
    const ports = servicePorts(obj, str(flags, 'port'), str(flags, 'target-port'), str(flags, 'protocol'))
    if (!ports.length) throw usage("couldn't find port via --port flag or introspection")
    const name = str(flags, 'name') ?? obj.metadata.name
    const labels = str(flags, 'labels') ? parseMap(str(flags, 'labels')!) : obj.metadata.labels
    const spec: Record<string, unknown> = { ports, selector: parseMap(selector) }
    const type = str(flags, 'type')
    if (type) spec.type = normalizeType(type)
    if (str(flags, 'cluster-ip')) spec.clusterIP = str(flags, 'cluster-ip')
    if (strs(flags, 'external-ip').length) spec.externalIPs = strs(flags, 'external-ip')
    if (str(flags, 'session-affinity')) spec.sessionAffinity = str(flags, 'session-affinity')
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { ...(labels ? { labels } : {}), name, namespace }, spec }
    createGenerated(ctx, svc, { dryRun, output, operation: 'exposed' })
  }
  return 0
})

function selectorText(obj: KubeObject): string | undefined {
  switch (obj.kind) {
    case 'Pod': return obj.metadata.labels && Object.keys(obj.metadata.labels).length ? formatLabels(obj.metadata.labels) : undefined
    case 'Service': case 'ReplicationController': return obj.spec?.selector && Object.keys(obj.spec.selector).length ? formatLabels(obj.spec.selector) : undefined
    default: {
      const sel = obj.spec?.selector
      if (!sel || sel.matchExpressions?.length) return undefined
      return sel.matchLabels && Object.keys(sel.matchLabels).length ? formatLabels(sel.matchLabels) : undefined
    }
  }
}

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(',')) {
    const eq = part.indexOf('=')
    if (eq <= 0) throw new CommandError(`invalid selector: ${text}`)
    out[part.slice(0, eq)] = part.slice(eq + 1)
  }
  return out
}

function normalizeType(t: string): string {
  const known: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' }
  return known[t.toLowerCase()] ?? t
}

type ContainerPort = { containerPort: number; protocol?: string; name?: string }

function containerPorts(obj: KubeObject): ContainerPort[] {
  const podSpec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec
  return (podSpec?.containers ?? []).flatMap((c: { ports?: ContainerPort[] }) => c.ports ?? [])
}

function servicePorts(obj: KubeObject, port: string | undefined, targetPort: string | undefined, protocol: string | undefined) {
  const intOrName = (v: string) => (/^\d+$/.test(v) ? Number(v) : v)
  if (port !== undefined) {
    // One --port (comma lists name each port `port-N`); targetPort defaults to the port.
    const list = port.split(',')
    return list.map((p, i) => ({
      ...(list.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: Number(p), protocol: protocol ?? 'TCP', targetPort: targetPort !== undefined ? intOrName(targetPort) : Number(p),
    }))
  }
  const found: { port: number; protocol: string }[] = obj.kind === 'Service'
    ? (obj.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }))
    : containerPorts(obj).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' }))
  return found.map((p, i) => ({
    ...(found.length > 1 ? { name: `port-${i + 1}` } : {}),
    port: p.port, protocol: protocol ?? p.protocol, targetPort: targetPort !== undefined ? intOrName(targetPort) : p.port,
  }))
}
