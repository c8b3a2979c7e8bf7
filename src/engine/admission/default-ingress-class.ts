// The DefaultIngressClass admission plugin (on by default in kube-apiserver): a new Ingress that names no class,
// neither in spec.ingressClassName nor in the legacy `kubernetes.io/ingress.class` annotation, gets the IngressClass
// annotated `ingressclass.kubernetes.io/is-default-class: "true"`; with several, the newest one (v1.32).
// Upstream: plugin/pkg/admission/network/defaultingressclass/admission.go.
import type { KubeObject } from '../api/types.ts'

const DEFAULT_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class'

/** Fills spec.ingressClassName of a new Ingress from the default IngressClass, if there is one. */
export function defaultIngressClass(ingress: KubeObject, classes: KubeObject[]): void {
  if (ingress.kind !== 'Ingress') return
  const spec = (ingress.spec ??= {}) as { ingressClassName?: string }
  if (spec.ingressClassName || ingress.metadata.annotations?.['kubernetes.io/ingress.class'] !== undefined) return
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_ANNOTATION] === 'true')
  if (!defaults.length) return
  // The newest default wins; equal timestamps fall back to the name, as the plugin sorts.
  const newest = defaults.reduce((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '', tb = b.metadata.creationTimestamp ?? ''
    return tb > ta || (tb === ta && b.metadata.name < a.metadata.name) ? b : a
  })
  spec.ingressClassName = newest.metadata.name
}
