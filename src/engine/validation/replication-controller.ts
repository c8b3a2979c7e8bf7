// ReplicationController validation (core/v1; its selector is a plain map and stays mutable).
// Upstream: pkg/apis/core/validation/validation.go ValidateReplicationControllerSpec /
// ValidatePodTemplateSpecForRC (v1.32).
import type { KubeObject } from '../api/types.ts'
import { fromMap, matches } from '../api/labels.ts'
import { goStringMap } from './go-format.ts'
import { forbidden, invalid, notSupported, path, required, type ErrorList } from './field-errors.ts'
import { isNegativeErrorMsg, nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta } from './object-meta.ts'
import { validatePodTemplateSpec } from './pod.ts'

/** ValidateReplicationController (create and update). */
export function validateReplicationController(rc: KubeObject): ErrorList {
  const spec = rc.spec ?? {}
  const sp = path('spec')
  const errs = validateObjectMeta(rc.metadata, true, nameIsDNSSubdomain, path('metadata'))
  if (typeof spec.minReadySeconds === 'number' && spec.minReadySeconds < 0) {
    errs.push(invalid(sp.child('minReadySeconds'), spec.minReadySeconds, isNegativeErrorMsg))
  }
  const selector: Record<string, string> = spec.selector ?? {}
  if (Object.keys(selector).length === 0) errs.push(required(sp.child('selector')))
  if (typeof spec.replicas === 'number' && spec.replicas < 0) errs.push(invalid(sp.child('replicas'), spec.replicas, isNegativeErrorMsg))
  const tp = sp.child('template')
  const template = spec.template
  if (!template) {
    errs.push(required(tp))
    return errs
  }
  if (Object.keys(selector).length && !matches(fromMap(selector), template.metadata?.labels)) {
    errs.push(invalid(tp.child('metadata', 'labels'), goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodTemplateSpec(template, tp))
  const rp = template.spec?.restartPolicy ?? ''
  if (rp !== 'Always') errs.push(notSupported(tp.child('spec', 'restartPolicy'), rp, ['Always']))
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(tp.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicationController is not Supported'))
  }
  return errs
}
