// `kubectl describe pod`. Source: kubectl/pkg/describe/describe.go describePod; QoS from kubectl/pkg/util/qos.
import { rfc1123z, since } from '../duration.ts'
import { controllerLine, describeEvents, eventsFor, printAnnotations, printLabels, printTolerations, type DescribeContext } from './common.ts'
import { describeContainers, describeVolumes } from './containers.ts'
import { tabbed } from './writer.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { Container, PodCondition, PodIP } from 'kubernetes-types/core/v1'

/** GetPodQOS: the status field when set, else computed from requests and limits. */
function podQOS(pod: KubeObject): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  const has = (c: Container, k: 'requests' | 'limits') => Object.keys(c.resources?.[k] ?? {}).some((r) => r === 'cpu' || r === 'memory')
  if (!containers.some((c) => has(c, 'requests') || has(c, 'limits'))) return 'BestEffort'
  const guaranteed = containers.every((c) => ['cpu', 'memory'].every((r) => {
    const limit = c.resources?.limits?.[r]
    const request = c.resources?.requests?.[r] ?? limit
    return limit !== undefined && String(limit) === String(request)
  }))
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export function describePod(pod: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    const spec = pod.spec ?? {}
    const status = pod.status ?? {}
    w.write(0, `Name:\t${pod.metadata.name}\n`)
    w.write(0, `Namespace:\t${pod.metadata.namespace}\n`)
    if (spec.priority != null) w.write(0, `Priority:\t${spec.priority}\n`)
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`)
    w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
    printLabels(w, 'Labels', pod.metadata.labels)
    printAnnotations(w, 'Annotations', pod.metadata.annotations)
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, ctx.now)})\n`)
      w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`)
    } else {
      w.write(0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(0, `Message:\t${status.message}\n`)
    w.write(0, `IP:\t${status.podIP ?? ''}\n`)
    // podIPs always accompanies podIP on a real API server; fall back to podIP for records written without it.
    const ips: string[] = (status.podIPs ?? []).map((p: PodIP) => p.ip).filter(Boolean)
    if (!ips.length && status.podIP) ips.push(status.podIP)
    if (!ips.length) w.write(0, 'IPs:\t<none>\n')
    else {
      w.write(0, 'IPs:\n')
      for (const ip of ips) w.write(1, `IP:\t${ip}\n`)
    }
    const controller = controllerLine(pod)
    if (controller) w.write(0, `Controlled By:\t${controller}\n`)
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
    if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], pod)
    describeContainers(w, 'Containers', spec.containers, status.containerStatuses ?? [], pod)
    if (spec.readinessGates?.length) {
      w.write(0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const g of spec.readinessGates) {
        const c = (status.conditions ?? []).find((x: PodCondition) => x.type === g.conditionType)
        w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
      }
    }
    if (status.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\n')
      for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(w, spec.volumes)
    w.write(0, `QoS Class:\t${podQOS(pod)}\n`)
    printLabels(w, 'Node-Selectors', spec.nodeSelector)
    printTolerations(w, 'Tolerations', spec.tolerations)
    describeEvents(w, eventsFor(pod, ctx), ctx.now)
  })
}
