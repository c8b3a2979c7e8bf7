// What the canvas draws of a model: the pods the filters keep, grouped per workload per node. A group of more
// than EXPANDED_AT_MOST pods is one box ("kubia ×48, 47 ready") until it is expanded; pods a request crosses or
// a search found are drawn on their own beside their group's box, so a path always ends at the exact pod.
import type { NodeInfo, PodInfo, ServiceInfo, TopologyModel } from './model.ts'

/** Groups this small stay expanded: the default scenario looks as it always did. */
export const EXPANDED_AT_MOST = 4

export interface WorkloadBox {
  /** `workload:<node>:<Kind>/<namespace>/<name>` */
  id: string
  nodeName: string | null
  kind: string
  /** The workload's name (empty for bare pods). */
  name: string
  namespace: string
  /** Every pod of the workload on this node. */
  total: number
  ready: number
  notReady: number
  /** Not scheduled yet. */
  pending: number
  /** Scheduled, containers not started (ContainerCreating, Init:…). */
  creating: number
  terminating: number
  /** CrashLoopBackOff, Error, ImagePullBackOff, ErrImagePull, … */
  failed: number
  completed: number
  /** Pods inside the box (the rest are drawn as their own cards). */
  hidden: number
  expanded: boolean
}

export interface ViewOptions {
  /** Box ids the user expanded. */
  expanded: ReadonlySet<string>
  /** Pod ids drawn on their own even in a collapsed group (a request's path, a search hit). */
  pinned: ReadonlySet<string>
  /** Only this namespace, or every namespace when null. */
  namespace: string | null
  /** `key=value` pairs every drawn pod must carry. */
  labels: Readonly<Record<string, string>>
}

export interface TopologyView {
  /** The whole model, before the filters (what the search looks in). */
  source: TopologyModel
  /** The filtered model: its pods, Services and their selected pods are the ones drawn. */
  model: TopologyModel
  /** Pods drawn as cards. */
  pods: PodInfo[]
  boxes: WorkloadBox[]
  /** Every kept pod id → the id of the box that shows it (itself, or its workload's box). */
  shownAs: ReadonlyMap<string, string>
  /** What sits in the node groups' slots, in drawing order. */
  items: { id: string; nodeName: string | null }[]
}

export const noFilters: ViewOptions = { expanded: new Set(), pinned: new Set(), namespace: null, labels: {} }

/** Reads `app=web, tier=front` (commas or spaces between pairs); null when a pair is not `key=value`. */
export function parseLabels(text: string): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^([\w./-]+)=([\w.-]*)$/.exec(pair)
    if (!m) return null
    out[m[1]] = m[2]
  }
  return out
}

/** A pod's box id, built once per reading of the pod (an unchanged pod keeps its PodInfo across snapshots): 5,000
 * template strings, and hashing each as a map key, showed in profiles of every snapshot. */
const boxIds = new WeakMap<PodInfo, string>()
function boxIdOf(p: PodInfo): string {
  let id = boxIds.get(p)
  if (id === undefined) boxIds.set(p, id = `workload:${p.nodeName ?? ''}:${p.workload.kind}/${p.namespace}/${p.workload.name}`)
  return id
}

function keeps(p: PodInfo, options: ViewOptions): boolean {
  if (options.namespace !== null && p.namespace !== options.namespace) return false
  for (const [k, v] of Object.entries(options.labels)) if (p.labels[k] !== v) return false
  return true
}

function filterModel(model: TopologyModel, options: ViewOptions): TopologyModel {
  const labelled = Object.keys(options.labels).length > 0
  if (options.namespace === null && !labelled) return model
  const pods = model.pods.filter((p) => keeps(p, options))
  const kept = new Set(pods.map((p) => p.id))
  const services: ServiceInfo[] = model.services
    .filter((s) => (options.namespace === null || s.namespace === options.namespace) && (!labelled || s.selectedPodIds.some((id) => kept.has(id))))
    .map((s) => ({ ...s, selectedPodIds: s.selectedPodIds.filter((id) => kept.has(id)) }))
  const shownServices = new Set(services.map((s) => s.id))
  const nodes: NodeInfo[] = model.nodes
  return { ...model, pods, services, nodes,
    loadBalancers: model.loadBalancers.filter((lb) => shownServices.has(lb.serviceId)),
    ingresses: model.ingresses.filter((i) => options.namespace === null || i.namespace === options.namespace) }
}

const COUNTED = [['creating', 'creating'], ['terminating', 'terminating'], ['failed', 'failing'], ['notReady', 'not ready'],
  ['pending', 'pending'], ['completed', 'completed']] as const

/** What a box's pods are doing besides serving: `2 creating, 1 terminating` (empty when all are ready). */
export function stateCounts(box: WorkloadBox): string {
  return COUNTED.filter(([key]) => box[key] > 0).map(([key, word]) => `${box[key]} ${word}`).join(', ')
}

/** The view of `model` under `options` (pure: same inputs, same view). */
export function viewOf(model: TopologyModel, options: ViewOptions = noFilters): TopologyView {
  const filtered = filterModel(model, options)
  const members = new Map<string, PodInfo[]>()
  const ids = filtered.pods.map(boxIdOf)
  for (let i = 0; i < filtered.pods.length; i++) {
    const p = filtered.pods[i]
    const id = ids[i]
    const list = members.get(id)
    if (list) list.push(p)
    else members.set(id, [p])
  }
  const pods: PodInfo[] = []
  const boxes: WorkloadBox[] = []
  const shownAs = new Map<string, string>()
  const items: TopologyView['items'] = []
  const placed = new Set<string>()
  // Pods come sorted by id: a small group's pods keep that order (the picture of old); a box takes the place of
  // its workload's first pod, and its pods drawn on their own follow it.
  const small = (group: PodInfo[]) => group.length <= EXPANDED_AT_MOST || (group[0].workload.kind === 'Pod' && group.length <= EXPANDED_AT_MOST * 2)
  for (let i = 0; i < filtered.pods.length; i++) {
    const p = filtered.pods[i]
    const id = ids[i]
    const group = members.get(id)!
    if (small(group)) { pods.push(p); shownAs.set(p.id, p.id); items.push({ id: p.id, nodeName: p.nodeName }); continue }
    if (placed.has(id)) continue
    placed.add(id)
    const expanded = options.expanded.has(id)
    const own = expanded ? group : group.filter((q) => options.pinned.has(q.id))
    const counts: Record<PodInfo['state'], number> = { running: 0, 'not-ready': 0, pending: 0, creating: 0, terminating: 0, failed: 0, completed: 0 }
    for (const q of group) counts[q.state]++
    boxes.push({ id, nodeName: p.nodeName, kind: p.workload.kind, name: p.workload.name, namespace: p.namespace, total: group.length,
      ready: counts.running, notReady: counts['not-ready'], pending: counts.pending, creating: counts.creating, terminating: counts.terminating,
      failed: counts.failed, completed: counts.completed,
      hidden: group.length - own.length, expanded })
    items.push({ id, nodeName: p.nodeName })
    for (const q of group) shownAs.set(q.id, id)
    for (const q of own) { pods.push(q); shownAs.set(q.id, q.id); items.push({ id: q.id, nodeName: q.nodeName }) }
  }
  return { source: model, model: filtered, pods, boxes, shownAs, items }
}
