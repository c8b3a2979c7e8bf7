// Job validation (batch/v1). Upstream: pkg/apis/batch/validation/validation.go ValidateJob / validateJobSpec
// (Kubernetes v1.32): non-negative counts, a selector that matches the template, pods that restart OnFailure or Never.
import type { KubeObject } from '../api/types.ts'
import { fromLabelSelector, matches } from '../api/labels.ts'
import { goLabelSelector, goStringMap } from './go-format.ts'
import { invalid, notSupported, path, required, type ErrorList, type FieldPath } from './field-errors.ts'
import { isNegativeErrorMsg, nameIsDNSSubdomain } from './names.ts'
import { validateLabelSelector, validateObjectMeta } from './object-meta.ts'
import { validatePodTemplateSpec } from './pod.ts'

function nonNegative(value: unknown, p: FieldPath): ErrorList {
  return typeof value === 'number' && value < 0 ? [invalid(p, value, isNegativeErrorMsg)] : []
}

/** ValidateJob (create). */
export function validateJob(job: KubeObject): ErrorList {
  const spec = job.spec ?? {}
  const sp = path('spec')
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain, path('metadata'))
  for (const field of ['parallelism', 'completions', 'backoffLimit']) errs.push(...nonNegative(spec[field], sp.child(field)))
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) errs.push(invalid(sp.child('activeDeadlineSeconds'), spec.activeDeadlineSeconds, 'must be greater than 0'))
  const mode = spec.completionMode
  if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(sp.child('completionMode'), mode ?? '', ['NonIndexed', 'Indexed']))
  if (!spec.selector) errs.push(required(sp.child('selector')))
  else {
    errs.push(...validateLabelSelector(spec.selector, sp.child('selector')))
    let sel: ReturnType<typeof fromLabelSelector> = null
    try { sel = fromLabelSelector(spec.selector) } catch { errs.push(invalid(sp.child('selector'), goLabelSelector(spec.selector), 'invalid label selector')) }
    if (sel && !matches(sel, spec.template?.metadata?.labels)) {
      errs.push(invalid(sp.child('template', 'metadata', 'labels'), goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'))
    }
  }
  const tp = sp.child('template')
  if (!spec.template) return [...errs, required(tp)]
  errs.push(...validatePodTemplateSpec(spec.template, tp))
  const rp = spec.template.spec?.restartPolicy ?? ''
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(tp.child('spec', 'restartPolicy'), rp, ['OnFailure', 'Never']))
  return errs
}
