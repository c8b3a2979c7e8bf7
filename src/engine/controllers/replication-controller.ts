// kube-controller-manager's ReplicationController manager (pkg/controller/replication/replication_controller.go),
// which upstream runs the ReplicaSet code through an adapter; kubehop shares replica-manager.ts the same way.
import type { Controller } from './controller.ts'
import { fromMap } from '../api/labels.ts'
import type { ReplicaKind } from './replica-manager.ts'
import { ReplicaState, replicaKeysFor, syncReplicas } from './replica-manager.ts'

const KIND: ReplicaKind = {
  kind: 'ReplicationController', apiVersion: 'v1', component: 'replication-controller',
  // An RC's selector is a plain map; the API server defaults it to the template's labels.
  selector: (rc) => {
    const sel = rc.spec?.selector ?? rc.spec?.template?.metadata?.labels
    return sel && Object.keys(sel).length ? fromMap(sel) : null
  },
}

/** The ReplicationController manager: same replica logic as ReplicaSets, events from `replication-controller`. */
export function replicationController(): Controller {
  const state = new ReplicaState()
  return {
    name: 'replication-controller',
    watches: [KIND.kind, 'Pod'],
    keysFor: (change, store) => replicaKeysFor(KIND, change, store, state),
    sync: (key, ctx) => syncReplicas(KIND, state, key, ctx),
  }
}
