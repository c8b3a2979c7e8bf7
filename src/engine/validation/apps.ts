// Deployment and ReplicaSet validation (apps/v1).
// Upstream: pkg/apis/apps/validation/validation.go ValidateDeploymentSpec / ValidateReplicaSetSpec /
// ValidatePodTemplateSpecForReplicaSet, and pkg/registry/apps/deployment/strategy.go ValidateUpdate
// (selector immutable in apps/v1) — Kubernetes v1.32.
import type { KubeObject } from '../api/types.ts'
import { fromLabelSelector, matches } from '../api/labels.ts'
import { goIntOrStringText, goLabelSelector, goRaw, goStringMap } from './go-format.ts'
import { forbidden, invalid, notSupported, path, required, type ErrorList, type FieldPath } from './field-errors.ts'
import { fieldImmutableErrorMsg, isNegativeErrorMsg, nameIsDNSSubdomain, regexError } from './names.ts'
import { validateLabelSelector, validateObjectMeta } from './object-meta.ts'
import { validatePodTemplateSpec } from './pod.ts'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import type { DeploymentStrategy } from 'kubernetes-types/apps/v1'
import type { LabelSelector } from 'kubernetes-types/meta/v1'

function nonNegative(value: unknown, p: FieldPath): ErrorList {
  return typeof value === 'number' && value < 0 ? [invalid(p, value, isNegativeErrorMsg)] : []
}

/** ValidatePodTemplateSpecForReplicaSet: labels must match the selector; pods must restart Always. */
function validateTemplateForSelector(template: PodTemplateSpec | undefined, selector: LabelSelector | undefined, p: FieldPath, selectorPath: FieldPath, kindForDeadline: string): ErrorList {
  const errs: ErrorList = []
  if (!template) return [required(p)]
  let sel: ReturnType<typeof fromLabelSelector>
  try {
    sel = fromLabelSelector(selector ?? undefined)
  } catch {
    return [invalid(selectorPath, goLabelSelector(selector), 'invalid label selector')]
  }
  const empty = sel !== null && sel.length === 0
  if (!empty && (sel === null || !matches(sel, template.metadata?.labels))) {
    errs.push(invalid(p.child('metadata', 'labels'), goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodTemplateSpec(template, p))
  const rp = template.spec?.restartPolicy ?? ''
  if (rp !== 'Always') errs.push(notSupported(p.child('spec', 'restartPolicy'), rp, ['Always']))
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(p.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kindForDeadline} is not Supported`))
  }
  return errs
}

function validateSelector(selector: LabelSelector | undefined, p: FieldPath, kind = 'deployment'): ErrorList {
  if (!selector) return [required(p)]
  const errs = validateLabelSelector(selector, p)
  if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
    errs.push(invalid(p, goLabelSelector(selector), `empty selector is invalid for ${kind}`))
  }
  return errs
}

function intOrPercent(value: unknown, p: FieldPath): ErrorList {
  if (value === undefined || value === null) return []
  if (typeof value === 'string') {
    const pct = /^[0-9]+%$/.test(value)
    if (!pct) return [invalid(p, goRaw(goIntOrStringText(value)), regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%'))]
    return Number(value.slice(0, -1)) > 100 && p.toString().endsWith('maxUnavailable')
      ? [invalid(p, goRaw(goIntOrStringText(value)), 'must not be greater than 100%')] : []
  }
  return nonNegative(value, p)
}

function numericValue(v: unknown): number {
  return typeof v === 'string' ? Number(v.replace('%', '')) : typeof v === 'number' ? v : 0
}

function validateStrategy(strategy: DeploymentStrategy | undefined, p: FieldPath): ErrorList {
  const type = strategy?.type
  if (type === 'Recreate') {
    return strategy?.rollingUpdate ? [forbidden(p.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : []
  }
  if (type === 'RollingUpdate') {
    const ru = strategy?.rollingUpdate
    if (!ru) return [required(p.child('rollingUpdate'), 'this should be defaulted and never be nil')]
    const rp = p.child('rollingUpdate')
    const errs = [...intOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')), ...intOrPercent(ru.maxSurge, rp.child('maxSurge'))]
    if (numericValue(ru.maxUnavailable) === 0 && numericValue(ru.maxSurge) === 0) {
      errs.push(invalid(rp.child('maxUnavailable'), goRaw(goIntOrStringText(ru.maxUnavailable)), 'may not be 0 when `maxSurge` is 0'))
    }
    return errs
  }
  return [notSupported(p, goRaw(`apps.DeploymentStrategy{Type:${JSON.stringify(type ?? '')}}`), ['Recreate', 'RollingUpdate'])]
}

function selectorAwareTemplate(spec: { template?: PodTemplateSpec; selector?: LabelSelector }, sp: FieldPath, kind: string): ErrorList {
  return validateTemplateForSelector(spec.template, spec.selector, sp.child('template'), sp.child('selector'), kind)
}

/** ValidateDeployment (create). */
export function validateDeployment(d: KubeObject): ErrorList {
  const spec = d.spec ?? {}
  const sp = path('spec')
  const errs = validateObjectMeta(d.metadata, true, nameIsDNSSubdomain, path('metadata'))
  errs.push(...nonNegative(spec.replicas, sp.child('replicas')))
  errs.push(...validateSelector(spec.selector, sp.child('selector')))
  errs.push(...selectorAwareTemplate(spec, sp, 'ReplicaSet'))
  errs.push(...validateStrategy(spec.strategy, sp.child('strategy')))
  errs.push(...nonNegative(spec.minReadySeconds, sp.child('minReadySeconds')))
  errs.push(...nonNegative(spec.revisionHistoryLimit, sp.child('revisionHistoryLimit')))
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, sp.child('progressDeadlineSeconds')))
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid(sp.child('progressDeadlineSeconds'), spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'))
    }
  }
  return errs
}

/** ValidateDaemonSet (create): a selector that matches the template's labels, pods that restart Always. */
export function validateDaemonSet(ds: KubeObject): ErrorList {
  const spec = ds.spec ?? {}
  const sp = path('spec')
  const errs = validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain, path('metadata'))
  errs.push(...nonNegative(spec.minReadySeconds, sp.child('minReadySeconds')))
  errs.push(...validateSelector(spec.selector, sp.child('selector')))
  errs.push(...selectorAwareTemplate(spec, sp, 'DaemonSet'))
  return errs
}

/** ValidateStatefulSet (create): policy and strategy values, a selector matching the template, pods that restart Always. */
export function validateStatefulSet(set: KubeObject): ErrorList {
  const spec = set.spec ?? {}
  const sp = path('spec')
  const errs = validateObjectMeta(set.metadata, true, nameIsDNSSubdomain, path('metadata'))
  const policy = spec.podManagementPolicy
  if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(notSupported(sp.child('podManagementPolicy'), policy ?? '', ['OrderedReady', 'Parallel']))
  const strategy = spec.updateStrategy?.type
  if (strategy !== 'RollingUpdate' && strategy !== 'OnDelete') errs.push(notSupported(sp.child('updateStrategy'), strategy ?? '', ['OnDelete', 'RollingUpdate']))
  errs.push(...nonNegative(spec.updateStrategy?.rollingUpdate?.partition, sp.child('updateStrategy', 'rollingUpdate', 'partition')))
  errs.push(...nonNegative(spec.replicas, sp.child('replicas')))
  errs.push(...nonNegative(spec.minReadySeconds, sp.child('minReadySeconds')))
  errs.push(...validateSelector(spec.selector, sp.child('selector'), 'statefulset'))
  errs.push(...selectorAwareTemplate(spec, sp, 'StatefulSet'))
  return errs
}

/** ValidateReplicaSet (create). */
export function validateReplicaSet(rs: KubeObject): ErrorList {
  const spec = rs.spec ?? {}
  const sp = path('spec')
  const errs = validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain, path('metadata'))
  errs.push(...nonNegative(spec.replicas, sp.child('replicas')))
  errs.push(...nonNegative(spec.minReadySeconds, sp.child('minReadySeconds')))
  errs.push(...validateSelector(spec.selector, sp.child('selector')))
  errs.push(...selectorAwareTemplate(spec, sp, 'ReplicaSet'))
  return errs
}

function sameSelector(a: LabelSelector | undefined, b: LabelSelector | undefined): boolean {
  return JSON.stringify(goLabelSelector(a)) === JSON.stringify(goLabelSelector(b))
}

/** Deployment/ReplicaSet update: the full validation plus `spec.selector: ... field is immutable` (apps/v1). */
export function validateAppsUpdate(obj: KubeObject, old: KubeObject): ErrorList {
  const errs = obj.kind === 'Deployment' ? validateDeployment(obj) : validateReplicaSet(obj)
  if (!sameSelector(obj.spec?.selector, old.spec?.selector)) {
    errs.push(invalid(path('spec', 'selector'), goLabelSelector(obj.spec?.selector), fieldImmutableErrorMsg))
  }
  return errs
}
