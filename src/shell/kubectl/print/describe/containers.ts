// Containers, probes, environment, mounts, volumes and pod templates as describe prints them.
// Source: kubectl/pkg/describe/describe.go (describeContainers and helpers, DescribeProbe, describeVolumes,
// DescribePodTemplate).
import { rfc1123z } from '../duration.ts'
import { printLabels, printTolerations, printAnnotations } from './common.ts'
import type { PrefixWriter } from './writer.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { Container, ContainerState, ContainerStatus, PodSpec, PodTemplateSpec, Probe, ResourceRequirements, Volume } from 'kubernetes-types/core/v1'

const intOrString = (v: unknown) => (v === undefined || v === null ? '' : String(v))

function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet
    const port = intOrString(g.port)
    const host = g.host ?? ''
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host
    let path = g.path ?? ''
    if (path && !path.startsWith('/') && hostPort) path = '/' + path
    return `http-get ${String(g.scheme ?? '').toLowerCase()}://${hostPort}${path} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`)
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`)
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(3, `Message:\t${t.message}\n`)
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`)
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else {
    w.write(2, `${name}:\tWaiting\n`)
  }
}

function describeResources(w: PrefixWriter, resources: ResourceRequirements | undefined, level: number): void {
  for (const [title, list] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    const keys = Object.keys(list ?? {}).sort()
    if (keys.length) w.write(level, `${title}:\n`)
    for (const k of keys) w.write(level + 1, `${k}:\t${list![k]}\n`)
  }
}

function describeEnv(w: PrefixWriter, container: Container, pod: KubeObject | undefined): void {
  if (container.envFrom?.length) {
    w.write(2, 'Environment Variables from:\n')
    for (const e of container.envFrom) {
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : ''
      const ref = e.configMapRef ?? e.secretRef ?? {}
      const optional = ref.optional === true
      w.write(3, e.prefix ? `${ref.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n` : `${ref.name ?? ''}\t${from}\tOptional: ${optional}\n`)
    }
  }
  const env = container.env ?? []
  w.write(2, `Environment:${env.length ? '' : '\t<none>'}\n`)
  for (const e of env) {
    const from = e.valueFrom
    if (!from) {
      String(e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    } else if (from.fieldRef) {
      w.write(3, `${e.name}:\t${pod ? fieldRefValue(pod, from.fieldRef.fieldPath) : ''} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`)
    } else if (from.resourceFieldRef) {
      w.write(3, `${e.name}:\t (${from.resourceFieldRef.resource})\n`)
    } else if (from.secretKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${from.secretKeyRef.optional === true}\n`)
    } else if (from.configMapKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`)
    }
  }
}

/** The downward-API fields describe resolves for `fieldRef` env vars. */
function fieldRefValue(pod: KubeObject, path: string): string {
  const simple: Record<string, unknown> = {
    'metadata.name': pod.metadata.name, 'metadata.namespace': pod.metadata.namespace, 'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec?.nodeName, 'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.podIP': pod.status?.podIP, 'status.hostIP': pod.status?.hostIP,
  }
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? ''
  return String(simple[path] ?? '')
}

function describeMounts(w: PrefixWriter, container: Container): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))
  w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
}

/** Containers (or Init Containers) of a pod or pod template; `space` is the template's extra indent. */
export function describeContainers(w: PrefixWriter, label: string, containers: Container[] | undefined, statuses: ContainerStatus[] | undefined, pod: KubeObject | undefined, space = ''): void {
  const list = containers ?? []
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  w.write(0, `${space}${label}:${list.length ? '' : ' <none>'}\n`)
  for (const c of list) {
    const status = statuses ? byName.get(c.name) : undefined
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`)
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`)
    if (c.command?.length) {
      w.write(2, 'Command:\n')
      for (const s of c.command) for (const line of String(s).split('\n')) w.write(3, `${line}\n`)
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n')
      for (const s of c.args) for (const line of String(s).split('\n')) w.write(3, `${line}\n`)
    }
    if (status) {
      describeState(w, 'State', status.state)
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState)
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`)
    }
    describeResources(w, c.resources, 2)
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    describeEnv(w, c, pod)
    describeMounts(w, c)
  }
}

function describeVolumeSource(w: PrefixWriter, v: Volume): void {
  if (v.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`)
  } else if (v.emptyDir) {
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`)
  } else if (v.secret) {
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`)
  } else if (v.configMap) {
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`)
  } else if (v.persistentVolumeClaim) {
    w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`)
  } else if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(2, `SecretName:\t${s.secret.name}\n    Optional:\t${s.secret.optional === true}\n`)
      else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n')
      else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name}\n    Optional:\t${s.configMap.optional === true}\n`)
      else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`)
    }
  } else if (v.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      else if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  } else {
    w.write(1, '<unknown>\n')
  }
}

export function describeVolumes(w: PrefixWriter, volumes: Volume[] | undefined, space = ''): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`)
    describeVolumeSource(w, v)
  }
}

export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n')
  if (!template) {
    w.write(1, '<unset>')
    return
  }
  printLabels(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotations(w, '  Annotations', template.metadata!.annotations)
  const spec: Partial<PodSpec> = template.spec ?? {}
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`)
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ')
  describeContainers(w, 'Containers', spec.containers, undefined, undefined, '  ')
  describeVolumes(w, spec.volumes, '  ')
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabels(w, '  Node-Selectors', spec.nodeSelector)
  printTolerations(w, '  Tolerations', spec.tolerations)
}
