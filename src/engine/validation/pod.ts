// Pod, PodSpec, container and probe validation.
// Upstream: pkg/apis/core/validation/validation.go ValidatePodCreate / ValidatePodSpec /
// validateContainers / validateContainerCommon / validateProbe / validatePodHostNetworkDeps (v1.32).
import type { KubeObject } from '../api/types.ts'
import {
  duplicate, forbidden, invalid, notFound, notSupported, path, required, type ErrorList, type FieldPath,
} from './field-errors.ts'
import { isDNS1123Label, isDNS1123Subdomain, isNegativeErrorMsg, isValidPortName, isValidPortNum, nameIsDNSSubdomain } from './names.ts'
import { validateAnnotations, validateLabels, validateObjectMeta } from './object-meta.ts'
import { supportedPortProtocols, validatePortNumOrName } from './service.ts'
import type { Container, ContainerPort, EnvVar, PodSpec, PodTemplateSpec, Probe, Volume, VolumeMount } from 'kubernetes-types/core/v1'

const pullPolicies = ['Always', 'IfNotPresent', 'Never']
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']

function nonNegative(value: unknown, p: FieldPath): ErrorList {
  return typeof value === 'number' && value < 0 ? [invalid(p, value, isNegativeErrorMsg)] : []
}

function validateContainerPorts(ports: ContainerPort[], p: FieldPath): ErrorList {
  const errs: ErrorList = []
  const names = new Set<string>()
  ports.forEach((port, i) => {
    const ip = p.index(i)
    port = port ?? ({} as ContainerPort)
    if (port.name) {
      const msgs = isValidPortName(port.name)
      if (msgs.length) errs.push(...msgs.map((m) => invalid(ip.child('name'), port.name, m)))
      else if (names.has(port.name)) errs.push(duplicate(ip.child('name'), port.name))
      else names.add(port.name)
    }
    if (!port.containerPort) errs.push(required(ip.child('containerPort')))
    else errs.push(...isValidPortNum(port.containerPort).map((m) => invalid(ip.child('containerPort'), port.containerPort, m)))
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => invalid(ip.child('hostPort'), port.hostPort, m)))
    if (!port.protocol) errs.push(required(ip.child('protocol')))
    else if (!supportedPortProtocols.includes(port.protocol)) errs.push(notSupported(ip.child('protocol'), port.protocol, supportedPortProtocols))
  })
  return errs
}

function validateEnv(env: EnvVar[], p: FieldPath): ErrorList {
  const errs: ErrorList = []
  env.forEach((ev, i) => {
    const name = ev?.name ?? ''
    if (!name) errs.push(required(p.index(i).child('name')))
    // RelaxedEnvironmentVariableValidation is on by default in v1.32.
    else if ([...name].some((c) => c < ' ' || c > '~' || c === '=')) {
      errs.push(invalid(p.index(i).child('name'), name, "a valid environment variable name must consist only of printable ASCII characters other than '='"))
    }
  })
  return errs
}

function validateVolumeMounts(mounts: VolumeMount[], volumes: Set<string>, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  const mountPoints = new Set<string>()
  mounts.forEach((m, i) => {
    const ip = p.index(i)
    const name = m?.name ?? ''
    if (!name) errs.push(required(ip.child('name')))
    if (!volumes.has(name)) errs.push(notFound(ip.child('name'), name))
    if (!m?.mountPath) errs.push(required(ip.child('mountPath')))
    if (mountPoints.has(m?.mountPath)) errs.push(invalid(ip.child('mountPath'), m.mountPath, 'must be unique'))
    mountPoints.add(m?.mountPath)
  })
  return errs
}

function validateHandler(h: Probe, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  let handlers = 0
  const one = (key: 'exec' | 'httpGet' | 'tcpSocket' | 'grpc', check: () => ErrorList) => {
    if (h[key] === undefined || h[key] === null) return
    if (handlers > 0) errs.push(forbidden(p.child(key), 'may not specify more than 1 handler type'))
    else { handlers++; errs.push(...check()) }
  }
  one('exec', () => (h.exec!.command?.length ? [] : [required(p.child('exec', 'command'))]))
  one('httpGet', () => {
    const g = h.httpGet!
    const e: ErrorList = []
    if (!g.path) e.push(required(p.child('httpGet', 'path')))
    e.push(...validatePortNumOrName(g.port, p.child('httpGet', 'port')))
    if (!['HTTP', 'HTTPS'].includes(g.scheme as string)) e.push(notSupported(p.child('httpGet', 'scheme'), g.scheme ?? '', ['HTTP', 'HTTPS']))
    return e
  })
  one('tcpSocket', () => validatePortNumOrName(h.tcpSocket!.port, p.child('tcpSocket', 'port')))
  one('grpc', () => isValidPortNum(h.grpc!.port ?? 0).map((m) => invalid(p.child('grpc', 'port'), h.grpc!.port ?? 0, m)))
  if (handlers === 0) errs.push(required(p, 'must specify a handler type'))
  return errs
}

function validateProbe(probe: Probe, p: FieldPath): ErrorList {
  const errs = validateHandler(probe, p)
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(probe[f], p.child(f)))
  }
  if (typeof probe.terminationGracePeriodSeconds === 'number' && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(p.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must be greater than 0'))
  }
  return errs
}

function validateProbes(c: Container, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  if (c.livenessProbe) {
    errs.push(...validateProbe(c.livenessProbe, p.child('livenessProbe')))
    if (c.livenessProbe.successThreshold !== 1) errs.push(invalid(p.child('livenessProbe', 'successThreshold'), c.livenessProbe.successThreshold ?? 0, 'must be 1'))
  }
  if (c.readinessProbe) {
    errs.push(...validateProbe(c.readinessProbe, p.child('readinessProbe')))
    if (c.readinessProbe.terminationGracePeriodSeconds !== undefined) {
      errs.push(invalid(p.child('readinessProbe', 'terminationGracePeriodSeconds'), c.readinessProbe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'))
    }
  }
  if (c.startupProbe) {
    errs.push(...validateProbe(c.startupProbe, p.child('startupProbe')))
    if (c.startupProbe.successThreshold !== 1) errs.push(invalid(p.child('startupProbe', 'successThreshold'), c.startupProbe.successThreshold ?? 0, 'must be 1'))
  }
  return errs
}

/** validateContainerCommon: name, image, termination message policy, ports, env, mounts, pull policy. */
function validateContainerCommon(c: Container, volumes: Set<string>, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  if (!c.name) errs.push(required(p.child('name')))
  else errs.push(...isDNS1123Label(c.name).map((m) => invalid(p.child('name'), c.name, m)))
  if (!c.image) errs.push(required(p.child('image')))
  const tmp = c.terminationMessagePolicy
  if (!tmp) errs.push(required(p.child('terminationMessagePolicy')))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(p.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']))
  errs.push(...validateContainerPorts(c.ports ?? [], p.child('ports')))
  errs.push(...validateEnv(c.env ?? [], p.child('env')))
  errs.push(...validateVolumeMounts(c.volumeMounts ?? [], volumes, p.child('volumeMounts')))
  if (!c.imagePullPolicy) errs.push(required(p.child('imagePullPolicy')))
  else if (!pullPolicies.includes(c.imagePullPolicy)) errs.push(notSupported(p.child('imagePullPolicy'), c.imagePullPolicy, pullPolicies))
  return errs
}

/** checkHostPortConflicts: the same protocol/hostIP/hostPort twice in one pod. */
function checkHostPortConflicts(containers: Container[], p: FieldPath): ErrorList {
  const errs: ErrorList = []
  const seen = new Set<string>()
  containers.forEach((c, ci) => (c?.ports ?? []).forEach((port, pi) => {
    if (!port?.hostPort) return
    const key = `${port.protocol}/${port.hostIP ?? ''}/${port.hostPort}`
    if (seen.has(key)) errs.push(duplicate(p.index(ci).child('ports').index(pi).child('hostPort'), key))
    else seen.add(key)
  }))
  return errs
}

function validateContainers(containers: Container[], volumes: Set<string>, p: FieldPath): ErrorList {
  if (!containers.length) return [required(p)]
  const errs: ErrorList = []
  const names = new Set<string>()
  containers.forEach((c, i) => {
    c = c ?? ({} as Container)
    errs.push(...validateContainerCommon(c, volumes, p.index(i)))
    if (names.has(c.name)) errs.push(duplicate(p.index(i).child('name'), c.name))
    else names.add(c.name)
    errs.push(...validateProbes(c, p.index(i)))
    if (c.restartPolicy !== undefined) errs.push(forbidden(p.index(i).child('restartPolicy'), 'may not be set for non-init containers'))
  })
  errs.push(...checkHostPortConflicts(containers, p))
  return errs
}

function validateInitContainers(inits: Container[], containers: Container[], volumes: Set<string>, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  const names = new Set<string>((containers ?? []).map((c) => c?.name))
  inits.forEach((c, i) => {
    c = c ?? ({} as Container)
    errs.push(...validateContainerCommon(c, volumes, p.index(i)))
    if (names.has(c.name)) errs.push(duplicate(p.index(i).child('name'), c.name))
    else names.add(c.name)
  })
  return errs
}

function validateVolumes(volumes: Volume[], p: FieldPath): { names: Set<string>; errs: ErrorList } {
  const names = new Set<string>()
  const errs: ErrorList = []
  volumes.forEach((v, i) => {
    const ip = p.index(i)
    const sources = Object.keys(v ?? {}).filter((k) => k !== 'name')
    sources.slice(1).forEach((s) => errs.push(forbidden(ip.child(s), 'may not specify more than 1 volume type')))
    if (!v?.name) errs.push(required(ip.child('name')))
    else errs.push(...isDNS1123Label(v.name).map((m) => invalid(ip.child('name'), v.name, m)))
    if (v?.name && names.has(v.name)) errs.push(duplicate(ip.child('name'), v.name))
    else if (v?.name) names.add(v.name)
  })
  return { names, errs }
}

// A template may leave hostPort 0: since 1.28 only the Pod itself is defaulted (validation.go validateHostNetwork, opts.ResourceIsPod).
function validateHostNetworkDeps(spec: Partial<PodSpec>, p: FieldPath, isPod: boolean): ErrorList {
  if (!spec.hostNetwork) return []
  const errs: ErrorList = []
  ;(spec.containers ?? []).forEach((c, ci) => (c?.ports ?? []).forEach((port, pi) => {
    if (!isPod && !port?.hostPort) return
    if ((port?.hostPort ?? 0) !== (port?.containerPort ?? 0)) {
      errs.push(invalid(p.child('containers').index(ci).child('ports').index(pi).child('hostPort'), port?.hostPort ?? 0,
        'must match `containerPort` when `hostNetwork` is true'))
    }
  }))
  return errs
}

/** ValidatePodSpec (the parts kubehop simulates), with the upstream check order. */
function validatePodSpec(spec: Partial<PodSpec> | undefined, p: FieldPath, isPod: boolean): ErrorList {
  spec = spec ?? {}
  const errs: ErrorList = []
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    errs.push(required(p.child('terminationGracePeriodSeconds')))
  }
  const vols = validateVolumes(spec.volumes ?? [], p.child('volumes'))
  errs.push(...vols.errs)
  errs.push(...validateContainers(spec.containers ?? [], vols.names, p.child('containers')))
  errs.push(...validateInitContainers(spec.initContainers ?? [], spec.containers ?? [], vols.names, p.child('initContainers')))
  errs.push(...validateHostNetworkDeps(spec, p, isPod))
  const rp = spec.restartPolicy
  if (!rp) errs.push(required(p.child('restartPolicy')))
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(p.child('restartPolicy'), rp, ['Always', 'OnFailure', 'Never']))
  const dns = spec.dnsPolicy
  if (!dns) errs.push(required(p.child('dnsPolicy')))
  else if (!dnsPolicies.includes(dns)) errs.push(notSupported(p.child('dnsPolicy'), dns, dnsPolicies))
  errs.push(...validateLabels(spec.nodeSelector, p.child('nodeSelector')))
  if (spec.serviceAccountName) {
    errs.push(...isDNS1123Subdomain(spec.serviceAccountName).map((m) => invalid(p.child('serviceAccountName'), spec.serviceAccountName, m)))
  }
  if (spec.nodeName) errs.push(...isDNS1123Subdomain(spec.nodeName).map((m) => invalid(p.child('nodeName'), spec.nodeName, m)))
  if (typeof spec.activeDeadlineSeconds === 'number' && !(spec.activeDeadlineSeconds >= 1 && spec.activeDeadlineSeconds <= 2147483647)) {
    errs.push(invalid(p.child('activeDeadlineSeconds'), spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'))
  }
  if (spec.hostname) errs.push(...isDNS1123Label(spec.hostname).map((m) => invalid(p.child('hostname'), spec.hostname, m)))
  if (spec.subdomain) errs.push(...isDNS1123Label(spec.subdomain).map((m) => invalid(p.child('subdomain'), spec.subdomain, m)))
  return errs
}

/** ValidatePodTemplateSpec: template labels and annotations, then the pod spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, p: FieldPath): ErrorList {
  return [
    ...validateLabels(template?.metadata?.labels, p.child('labels')),
    ...validateAnnotations(template?.metadata?.annotations, p.child('annotations')),
    ...validatePodSpec(template?.spec, p.child('spec'), false),
  ]
}

/** ValidatePodCreate */
export function validatePod(pod: KubeObject): ErrorList {
  return [...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain, path('metadata')), ...validatePodSpec(pod.spec, path('spec'), true)]
}

const updatableFields = '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(v)
}

/**
 * ValidatePodUpdate: only images, activeDeadlineSeconds, tolerations and the first binding to a node
 * may change in a pod's spec. (The real message also carries a go-cmp diff, which kubehop omits.)
 */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): ErrorList {
  const errs = validatePod(pod)
  const spec = JSON.parse(JSON.stringify(pod.spec ?? {}))
  const oldSpec = old.spec ?? {}
  ;(spec.containers ?? []).forEach((c: Container, i: number) => { if (oldSpec.containers?.[i]) c.image = oldSpec.containers[i].image })
  ;(spec.initContainers ?? []).forEach((c: Container, i: number) => { if (oldSpec.initContainers?.[i]) c.image = oldSpec.initContainers[i].image })
  for (const f of ['activeDeadlineSeconds', 'tolerations', 'terminationGracePeriodSeconds']) spec[f] = oldSpec[f]
  if (!oldSpec.nodeName) spec.nodeName = oldSpec.nodeName
  if (stable(spec) !== stable(oldSpec)) errs.push(forbidden(path('spec'), `pod updates may not change fields other than ${updatableFields}`))
  return errs
}
