// kube-controller-manager's ReplicaSet controller (pkg/controller/replicaset/replica_set.go).
import type { Controller } from './controller.ts'
import { fromLabelSelector } from '../api/labels.ts'
import type { ReplicaKind } from './replica-manager.ts'
import { ReplicaState, replicaKeysFor, syncReplicas } from './replica-manager.ts'

const KIND: ReplicaKind = {
  kind: 'ReplicaSet', apiVersion: 'apps/v1', component: 'replicaset-controller',
  selector: (rs) => fromLabelSelector(rs.spec?.selector),
}

/**
 * The ReplicaSet controller: keeps `spec.replicas` pods matching the selector, named `<rs>-<5 chars>`, owned with a
 * controller reference; records SuccessfulCreate/SuccessfulDelete and writes status (replica_set.go syncReplicaSet).
 */
export function replicaSetController(): Controller & { readonly podsVisited: number } {
  const state = new ReplicaState()
  return {
    name: 'replicaset-controller',
    watches: [KIND.kind, 'Pod'],
    keysFor: (change, store) => replicaKeysFor(KIND, change, store, state),
    sync: (key, ctx) => syncReplicas(KIND, state, key, ctx),
    // How many pods its syncs looked at (tests check the work per pod does not grow with the ReplicaSet's size).
    get podsVisited() { return state.tallies.podsVisited },
  }
}
