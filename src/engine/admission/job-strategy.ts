// The Job registry strategy's PrepareForCreate (pkg/registry/batch/job/strategy.go generateSelector): unless
// spec.manualSelector, the selector is the Job's own uid, and the template gets the uid and job-name labels (both the
// batch.kubernetes.io/ ones and the legacy bare ones); status starts empty.
import type { KubeObject } from '../api/types.ts'
import type { SeededRandom } from '../sim/random.ts'

export function prepareJobForCreate(job: KubeObject, rng: SeededRandom): void {
  job.status = {}
  const spec = job.spec
  if (!spec || typeof spec !== 'object' || spec.manualSelector === true) return
  const uid = job.metadata.uid ?? rng.uuid()
  ;(job.metadata as { uid?: string }).uid = uid // the store keeps a uid it is given
  const name = job.metadata.name
  const template = (spec.template ??= {})
  template.metadata ??= {}
  template.metadata.labels = {
    'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name,
    ...(template.metadata.labels ?? {}),
  }
  if (!spec.selector) spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } }
  // SetDefaults_Job copies the template's labels onto a Job that has none (re-run when read back from etcd).
  if (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0) job.metadata.labels = { ...template.metadata.labels }
}
