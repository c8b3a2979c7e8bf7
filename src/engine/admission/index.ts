// The API server's admission path for one object: decode checks → version conversion → defaults →
// admission plugins → allocation → strategy → validation, all or nothing.
// Upstream: k8s.io/apiserver/pkg/endpoints/handlers/create.go & update.go, the generic registry
// Store (BeginCreate/BeforeCreate), pkg/registry/core/service/storage and the admission plugins
// NamespaceLifecycle, ServiceAccount, DefaultTolerationSeconds, Priority and DefaultIngressClass (Kubernetes v1.32).
import { groupOf, kindInfo } from '../api/kinds.ts'
import type { KubeObject } from '../api/types.ts'
import { NodePortAllocator, ServiceIPAllocator } from '../allocators/index.ts'
import { applyDefaults } from '../defaults/index.ts'
import { prepareJobForCreate } from './job-strategy.ts'
import type { SeededRandom } from '../sim/random.ts'
import { decodeError } from '../validation/decode.ts'
import { newBadRequest, newInvalid } from '../validation/field-errors.ts'
import { validateCreate, validateUpdate } from '../validation/index.ts'
import { convertLegacyIngress, isLegacyIngress } from './ingress-conversion.ts'
import { checkNamespaceLifecycle } from './namespace-lifecycle.ts'
import { defaultIngressClass } from './default-ingress-class.ts'
import { admitNewPod } from './pod-admission.ts'
import { allocateServiceCreate, allocateServiceUpdate, releaseService } from './service-allocation.ts'
import { dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from './service-strategy.ts'
import { prepareForCreate, prepareForUpdate } from './strategy.ts'
import { Transaction } from './transaction.ts'
import type { AdmissionContext, AdmissionResult, Allocators } from './types.ts'
import type { Admission } from '../api/status.ts'

export type { AdmissionContext, AdmissionResult, Allocators, StatusError } from './types.ts'
export { kubectlErrorMessage } from '../validation/field-errors.ts'

/** The admission path bound to a context made afresh for each call, as the API server takes it. */
export function admissionFor(context: () => AdmissionContext): Admission {
  return {
    create: (obj) => admitCreate(obj, context()),
    update: (obj, old) => admitUpdate(obj, old, context()),
    release: (obj) => releaseOnDelete(obj, context()),
  }
}

/**
 * Builds the in-memory allocators of one API server: cluster IPs from serviceCIDR and node ports from
 * nodePortRange, each drawing from its own fork of rng (ipallocator/portallocator bitmaps, v1.32).
 */
export function newAllocators(serviceCIDR: string, nodePortRange: { base: number; size: number }, rng: SeededRandom): Allocators {
  return {
    serviceIPs: new ServiceIPAllocator(serviceCIDR, rng.fork('service-ips')),
    nodePorts: new NodePortAllocator(nodePortRange, rng.fork('node-ports')),
  }
}

function decodeAndConvert(obj: KubeObject, warnings: string[]): { object?: KubeObject; error?: AdmissionResult['error'] } {
  const bad = decodeError(obj as unknown as Record<string, unknown>)
  if (bad) return { error: newBadRequest(bad) }
  let out = obj
  if (isLegacyIngress(obj)) {
    const converted = convertLegacyIngress(obj)
    out = converted.object
    warnings.push(converted.warning)
  } else {
    const info = kindInfo(obj.kind)
    // A CRD's deprecated version without its own deprecationWarning (apiextensions-apiserver customresource_handler.go).
    if (info?.deprecatedVersions?.includes(obj.apiVersion)) warnings.push(`${obj.apiVersion} ${obj.kind} is deprecated`)
    if (info) out = { ...obj, apiVersion: info.apiVersion }
  }
  return { object: applyDefaults(out) }
}

function invalid(obj: KubeObject, errs: ReturnType<typeof validateCreate>) {
  const info = kindInfo(obj.kind)
  return newInvalid(obj.kind, groupOf(info?.apiVersion ?? obj.apiVersion), obj.metadata.name ?? '', errs)
}

/**
 * Admits a new object as `kubectl create/apply` sends it: rejects what the decoder would (400), converts
 * legacy Ingress versions (with the deprecation warning), applies defaults and admission plugins,
 * allocates Service cluster IPs and node ports (before validation, as the real registry does), then
 * validates (422 Invalid with the exact upstream messages). On any error nothing stays allocated.
 */
export function admitCreate(obj: KubeObject, ctx: AdmissionContext): AdmissionResult {
  const warnings: string[] = []
  const decoded = decodeAndConvert(obj, warnings)
  if (decoded.error || !decoded.object) return { error: decoded.error, warnings }
  const out = decoded.object
  const nsError = checkNamespaceLifecycle(out, ctx)
  if (nsError) return { error: nsError, warnings }
  const txn = new Transaction()
  if (out.kind === 'Service') {
    normalizeClusterIPs(out.spec, undefined)
    const err = allocateServiceCreate(out, ctx.allocators, txn)
    if (err) {
      txn.revert()
      return { error: err, warnings }
    }
  }
  if (out.kind === 'Pod') admitNewPod(out, ctx.rng)
  else prepareForCreate(out)
  if (out.kind === 'Ingress') defaultIngressClass(out, ctx.list('IngressClass'))
  if (out.kind === 'Job') prepareJobForCreate(out, ctx.rng)
  const errs = validateCreate(out, kindInfo(out.kind)?.namespaced ?? true)
  if (errs.length) {
    txn.revert()
    return { error: invalid(out, errs), warnings }
  }
  txn.commit()
  return { object: out, warnings }
}

/**
 * Admits a full replacement of an existing object (kubectl apply/edit/replace/patch after the client
 * or server merge): immutable fields (Service cluster IPs, apps/v1 selectors, Pod spec), Service type
 * changes that allocate or release node ports and cluster IPs, generation bumps. Allocations made for
 * a failed update are released; ports a successful update frees are released only then.
 */
export function admitUpdate(obj: KubeObject, old: KubeObject, ctx: AdmissionContext): AdmissionResult {
  const warnings: string[] = []
  const decoded = decodeAndConvert(obj, warnings)
  if (decoded.error || !decoded.object) return { error: decoded.error, warnings }
  const out = decoded.object
  const txn = new Transaction()
  if (out.kind === 'Service') {
    const oldSpec = old.spec ?? {}
    patchAllocatedValues(out.spec, oldSpec)
    normalizeClusterIPs(out.spec, oldSpec)
    const err = allocateServiceUpdate(out, old, ctx.allocators, txn)
    if (err) {
      txn.revert()
      return { error: err, warnings }
    }
    dropTypeDependentFields(out.spec, oldSpec)
  }
  prepareForUpdate(out, old)
  const errs = validateUpdate(out, old, kindInfo(out.kind)?.namespaced ?? true)
  if (errs.length) {
    txn.revert()
    return { error: invalid(out, errs), warnings }
  }
  txn.commit()
  return { object: out, warnings }
}

/** Frees what a deleted object held in the allocators (a Service's cluster IPs and node ports). */
export function releaseOnDelete(old: KubeObject, ctx: AdmissionContext): void {
  if (old.kind === 'Service') releaseService(old, ctx.allocators)
}
