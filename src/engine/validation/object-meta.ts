// metadata, labels, annotations and label selectors.
// Upstream: k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
// k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (v1.32).
import type { LabelSelector, ObjectMeta } from '../api/types.ts'
import { forbidden, invalid, required, tooLong, type ErrorList, type FieldPath } from './field-errors.ts'
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, type NameValidator } from './names.ts'

const totalAnnotationSizeLimitB = 256 * 1024

function entries(map: unknown): Array<[string, string]> {
  if (!map || typeof map !== 'object') return []
  return Object.entries(map as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')])
}

/** ValidateLabelName: a qualified name (`app`, `app.kubernetes.io/name`). */
function validateLabelName(name: string, p: FieldPath): ErrorList {
  return isQualifiedName(name).map((m) => invalid(p, name, m))
}

/** metav1 validation.ValidateLabels: errors carry the map's path (`metadata.labels`), not the key. */
export function validateLabels(labels: unknown, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  for (const [k, v] of entries(labels)) {
    errs.push(...validateLabelName(k, p))
    errs.push(...isValidLabelValue(v).map((m) => invalid(p, v, m)))
  }
  return errs
}

/** ValidateAnnotations: keys are qualified names (case-insensitive); the total size is capped at 256 KiB. */
export function validateAnnotations(annotations: unknown, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  let size = 0
  for (const [k, v] of entries(annotations)) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(p, k, m)))
    size += k.length + v.length
  }
  if (size > totalAnnotationSizeLimitB) errs.push(tooLong(p, totalAnnotationSizeLimitB))
  return errs
}

/** metav1 validation.ValidateLabelSelector (strict: label values in selectors must be valid). */
export function validateLabelSelector(sel: LabelSelector | undefined | null, p: FieldPath): ErrorList {
  if (!sel) return []
  const errs = validateLabels(sel.matchLabels, p.child('matchLabels'))
  ;(sel.matchExpressions ?? []).forEach((expr, i) => {
    const ep = p.child('matchExpressions').index(i)
    const values = expr.values ?? []
    switch (expr.operator) {
      case 'In': case 'NotIn':
        if (!values.length) errs.push(required(ep.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"))
        break
      case 'Exists': case 'DoesNotExist':
        if (values.length) errs.push(forbidden(ep.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        break
      default:
        errs.push(invalid(ep.child('operator'), expr.operator, 'not a valid selector operator'))
    }
    errs.push(...validateLabelName(expr.key, ep.child('key')))
    values.forEach((v, vi) => errs.push(...isValidLabelValue(v).map((m) => invalid(ep.child('values').index(vi), v, m))))
  })
  return errs
}

/**
 * ValidateObjectMetaAccessor: name (or generateName) required and well-formed for the kind, namespace
 * required for namespaced kinds and forbidden for cluster-scoped ones, then labels and annotations.
 */
export function validateObjectMeta(meta: ObjectMeta, requiresNamespace: boolean, nameFn: NameValidator, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  if (meta.generateName) {
    errs.push(...nameFn(meta.generateName, true).map((m) => invalid(p.child('generateName'), meta.generateName!, m)))
  }
  if (!meta.name) errs.push(required(p.child('name'), 'name or generateName is required'))
  else errs.push(...nameFn(meta.name, false).map((m) => invalid(p.child('name'), meta.name!, m)))
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(required(p.child('namespace')))
    else errs.push(...nameIsDNSLabel(meta.namespace, false).map((m) => invalid(p.child('namespace'), meta.namespace!, m)))
  } else if (meta.namespace) {
    errs.push(forbidden(p.child('namespace'), 'not allowed on this type'))
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errs.push(invalid(p.child('generation'), meta.generation, 'must be greater than or equal to 0'))
  }
  errs.push(...validateLabels(meta.labels, p.child('labels')))
  errs.push(...validateAnnotations(meta.annotations, p.child('annotations')))
  return errs
}
