// The objects kubectl's generators build (`create deployment|service|namespace|configmap|secret`, `run`,
// `expose`), with the empty fields a typed Go object carries when printed by `--dry-run=client -o yaml`
// (creationTimestamp: null, resources: {}, status: {}). Checked against kubectl v1.32 client output.
// Upstream: kubectl/pkg/cmd/create/create_deployment.go, create_service.go, run/run.go, expose/expose.go.

import { cloneJson } from '../../../engine/manifest/index.ts'
import type { KubeObject } from '../../../engine/api/types.ts'

/** A generated object as kubectl prints it: metadata may carry Go's zero values (creationTimestamp: null). */
export interface Obj {
  apiVersion: string
  kind: string
  metadata: Omit<KubeObject['metadata'], 'creationTimestamp'> & { creationTimestamp?: string | null }
  spec?: KubeObject['spec']
  status?: KubeObject['status']
  [field: string]: unknown
}

/** Adds the zero values a typed object prints with; the API server ignores them. */
export function withTypedZeroValues(obj: Obj): Obj {
  const out = cloneJson(obj) as Obj
  out.metadata = { creationTimestamp: null, ...out.metadata }
  const podSpec = (spec: { containers?: { resources?: unknown }[] } | undefined) => {
    for (const c of spec?.containers ?? []) if (!c.resources) c.resources = {}
  }
  switch (out.kind) {
    case 'Deployment':
      out.spec.strategy ??= {}
      out.spec.template.metadata = { creationTimestamp: null, ...out.spec.template.metadata }
      podSpec(out.spec.template.spec)
      out.status = {}
      break
    case 'Pod':
      podSpec(out.spec)
      out.status = {}
      break
    case 'Service':
      out.status = { loadBalancer: {} }
      break
    case 'Namespace':
      out.spec = {}
      out.status = {}
      break
  }
  return out
}

/** `luksa/kubia:v1` → `kubia`; `registry:5000/a/b@sha256:..` → `b` (create deployment's container name). */
function containerNameFromImage(image: string): string {
  let name = image.slice(image.lastIndexOf('/') + 1)
  name = name.split('@')[0].split(':')[0]
  return name
}

/** create_deployment.go: one container per image; `command` (what follows `--`) goes to the only one. */
export function deploymentObject(name: string, images: string[], replicas: number, port: number | undefined, namespace: string, command: string[] = []): Obj {
  const labels = { app: name }
  const containers = images.map((image) => ({ ...(command.length ? { command } : {}), image, name: containerNameFromImage(image), ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}) }))
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { labels, name, namespace },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
  }
}

export interface ServicePortSpec { port: number; targetPort: number | string; name: string }

/** `--tcp=80:8080` → port 80 → 8080 named `80-8080`; `--tcp=80` → named `80`. */
export function parseTcp(specs: string[]): ServicePortSpec[] {
  return specs.flatMap((s) => s.split(',')).map((s) => {
    const [p, t] = s.split(':')
    const port = Number(p)
    if (!/^\d+$/.test(p)) throw new Error(`invalid port ${JSON.stringify(p)}`)
    const target = t === undefined ? port : /^\d+$/.test(t) ? Number(t) : t
    return { port, targetPort: target, name: t === undefined ? p : `${p}-${t}` }
  })
}

export function serviceObject(type: string, name: string, ports: ServicePortSpec[], namespace: string, nodePort?: number): Obj {
  const typeName = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' }[type] ?? type
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: name }, name, namespace },
    spec: {
      ports: ports.map((p) => ({ name: p.name, ...(nodePort ? { nodePort } : {}), port: p.port, protocol: 'TCP', targetPort: p.targetPort })),
      selector: { app: name }, type: typeName,
    },
  }
}

export interface RunOptions {
  name: string
  image: string
  namespace: string
  labels?: Record<string, string>
  port?: number
  env: { name: string; value: string }[]
  command: boolean
  args: string[]
  restart: string
  /** -i: stdin kept open (and closed after the first attach: stdinOnce, as kubectl run sets it without --leave-stdin-open). */
  stdin: boolean
  tty: boolean
}

export function podObject(o: RunOptions): Obj {
  const container: Record<string, unknown> = { image: o.image, name: o.name }
  if (o.args.length) container[o.command ? 'command' : 'args'] = o.args
  if (o.env.length) container.env = o.env
  if (o.port !== undefined) container.ports = [{ containerPort: o.port }]
  // kubectl/pkg/generate/versioned/run.go: Stdin from -i, StdinOnce = !leaveStdinOpen && stdin, TTY from -t.
  if (o.stdin) Object.assign(container, { stdin: true, stdinOnce: true })
  if (o.tty) container.tty = true
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { labels: o.labels ?? { run: o.name }, name: o.name, namespace: o.namespace },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: o.restart },
  }
}
