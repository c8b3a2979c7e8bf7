// Job defaults (batch/v1). Upstream: pkg/apis/batch/v1/defaults.go SetDefaults_Job (Kubernetes v1.32, with
// JobPodReplacementPolicy on by default).
import { defaultPodTemplate } from './pod.ts'
import type { KubeObject } from '../api/types.ts'

/** SetDefaults_Job: completions and parallelism 1 when both are unset, backoffLimit 6, NonIndexed, not suspended. */
export function defaultJob(job: KubeObject): void {
  if (!job.spec || typeof job.spec !== 'object') job.spec = {}
  const spec = job.spec
  const unset = (v: unknown) => v === undefined || v === null
  if (unset(spec.completions) && unset(spec.parallelism)) spec.completions = 1
  if (unset(spec.parallelism)) spec.parallelism = 1
  if (unset(spec.backoffLimit)) spec.backoffLimit = unset(spec.backoffLimitPerIndex) ? 6 : 2147483647
  if (unset(spec.completionMode)) spec.completionMode = 'NonIndexed'
  if (unset(spec.suspend)) spec.suspend = false
  if (unset(spec.podReplacementPolicy)) spec.podReplacementPolicy = spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'
  const labels = spec.template?.metadata?.labels
  if (labels && typeof labels === 'object' && (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0)) job.metadata.labels = { ...labels }
  defaultPodTemplate(spec.template)
}
