// Applies the API server's defaulting (the scheme's SetDefaults_* functions) to a decoded object.
// Defaulting only fills what is missing, so applying it twice changes nothing.
import type { KubeObject } from '../api/types.ts'
import { jsonClone } from '../api/plain-json.ts'
import { defaultJob } from './batch.ts'
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultReplicationController, defaultStatefulSet } from './apps.ts'
import { defaultEndpointSlice, defaultEndpoints, defaultNamespace, defaultSecret } from './misc.ts'
import { defaultPod } from './pod.ts'
import { defaultService } from './service.ts'
import { defaultGatewayObject } from '../gateway/defaults.ts'

export { defaultPullPolicy } from './image.ts'

/**
 * Returns a defaulted deep copy of obj, as the API server's decoder produces it (runtime.Scheme.Default
 * with the v1.32 SetDefaults_* of core/v1, apps/v1 and discovery/v1). The input is not modified.
 */
export function applyDefaults(obj: KubeObject): KubeObject {
  const out = jsonClone(obj)
  if (!out.metadata || typeof out.metadata !== 'object') out.metadata = { name: '' }
  switch (out.kind) {
    case 'Service': defaultService(out); break
    case 'Pod': defaultPod(out); break
    case 'Deployment': defaultDeployment(out); break
    case 'ReplicaSet': defaultReplicaSet(out); break
    case 'DaemonSet': defaultDaemonSet(out); break
    case 'StatefulSet': defaultStatefulSet(out); break
    case 'Job': defaultJob(out); break
    case 'ReplicationController': defaultReplicationController(out); break
    case 'Secret': defaultSecret(out); break
    case 'Namespace': defaultNamespace(out); break
    case 'Endpoints': defaultEndpoints(out); break
    case 'EndpointSlice': defaultEndpointSlice(out); break
    case 'GatewayClass': case 'Gateway': case 'HTTPRoute': defaultGatewayObject(out); break
  }
  return out
}
