// Pod and PodSpec defaults applied when a Pod (or a workload's pod template) is decoded.
// Upstream: pkg/apis/core/v1/defaults.go SetDefaults_Pod / SetDefaults_PodSpec / SetDefaults_Container /
// SetDefaults_Probe / SetDefaults_HTTPGetAction / SetDefaults_Volume & co (Kubernetes v1.32).
import { defaultPullPolicy } from './image.ts'
import type { KubeObject } from '../api/types.ts'
import type { Container, PodSpec, PodTemplateSpec, Probe, Volume } from 'kubernetes-types/core/v1'

function setIfMissing(target: object, key: string, value: unknown): void {
  const obj = target as Record<string, unknown>
  if (obj[key] === undefined || obj[key] === null || obj[key] === '') obj[key] = value
}

function defaultProbe(probe: Probe | undefined): void {
  if (!probe || typeof probe !== 'object') return
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1
  if (!probe.periodSeconds) probe.periodSeconds = 10
  if (!probe.successThreshold) probe.successThreshold = 1
  if (!probe.failureThreshold) probe.failureThreshold = 3
  if (probe.httpGet && typeof probe.httpGet === 'object') {
    setIfMissing(probe.httpGet, 'path', '/')
    setIfMissing(probe.httpGet, 'scheme', 'HTTP')
  }
}

function defaultContainer(c: Container | undefined): void {
  if (!c || typeof c !== 'object') return
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(String(c.image ?? ''))
  setIfMissing(c, 'terminationMessagePath', '/dev/termination-log')
  setIfMissing(c, 'terminationMessagePolicy', 'File')
  if (!c.resources) c.resources = {}
  for (const port of Array.isArray(c.ports) ? c.ports : []) if (port && typeof port === 'object') setIfMissing(port, 'protocol', 'TCP')
  for (const ev of Array.isArray(c.env) ? c.env : []) {
    const ref = ev?.valueFrom?.fieldRef
    if (ref && typeof ref === 'object') setIfMissing(ref, 'apiVersion', 'v1')
  }
  defaultProbe(c.livenessProbe)
  defaultProbe(c.readinessProbe)
  defaultProbe(c.startupProbe)
}

const volumeSources = ['secret', 'configMap', 'downwardAPI', 'projected'] as const

function defaultVolume(v: Volume | undefined): void {
  if (!v || typeof v !== 'object') return
  if (Object.keys(v).filter((k) => k !== 'name').length === 0) v.emptyDir = {}
  for (const src of volumeSources) {
    const source = v[src]
    if (source && typeof source === 'object') setIfMissing(source, 'defaultMode', 420)
  }
  if (v.hostPath && typeof v.hostPath === 'object' && v.hostPath.type === undefined) v.hostPath.type = ''
}

/** SetDefaults_PodSpec plus the per-container, probe and volume defaults (pod templates get these too). */
function defaultPodSpec(spec: PodSpec | undefined): void {
  if (!spec || typeof spec !== 'object') return
  setIfMissing(spec, 'dnsPolicy', 'ClusterFirst')
  setIfMissing(spec, 'restartPolicy', 'Always')
  if (!spec.securityContext) spec.securityContext = {}
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30
  setIfMissing(spec, 'schedulerName', 'default-scheduler')
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) defaultContainer(c)
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) defaultContainer(c)
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) defaultVolume(v)
}

/** SetDefaults_Pod: the pod-only defaults (requests from limits, service links; with hostNetwork, hostPort = containerPort). */
export function defaultPod(pod: KubeObject): void {
  if (!pod.spec || typeof pod.spec !== 'object') pod.spec = {}
  // Requests default to limits on Pods only (not in templates).
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    const limits = c?.resources?.limits
    if (!limits || typeof limits !== 'object') continue
    c.resources.requests = { ...limits, ...(c.resources.requests ?? {}) }
  }
  defaultPodSpec(pod.spec)
  if (pod.spec.enableServiceLinks === undefined || pod.spec.enableServiceLinks === null) pod.spec.enableServiceLinks = true
  if (pod.spec.hostNetwork) {
    for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
      for (const port of c?.ports ?? []) if (port && !port.hostPort) port.hostPort = port.containerPort
    }
  }
}

/** A workload's pod template: PodSpec defaults; v1.32 serializes its zero creationTimestamp as null. */
export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (!template || typeof template !== 'object') return
  if (!template.metadata || typeof template.metadata !== 'object') template.metadata = {}
  // A Go zero time serializes as null, which kubernetes-types' string Time cannot say.
  if (!('creationTimestamp' in template.metadata)) (template.metadata as Record<string, unknown>).creationTimestamp = null
  if (!template.spec || typeof template.spec !== 'object') template.spec = {} as PodSpec
  defaultPodSpec(template.spec)
}
