// Where the API server runs: on kind and minikube, in the control-plane node containers (kubeadm's static pods
// kube-apiserver, kube-controller-manager, kube-scheduler). With every one of them stopped or paused, nothing
// answers on the kubeconfig's address and no controller runs; the other nodes' pods keep running and their
// kube-proxy keeps the rules it last programmed. A cloud cluster's control plane is not a node anyone can stop.
import type { ProfileSpec } from '../cluster/profile.ts'
import type { NodeRuntime } from './runtime.ts'

/** `up`, or how the API server's node containers are down: `exited` (refused) or `paused` (accepts, never answers). */
export function apiServerState(profile: ProfileSpec, runtime: NodeRuntime): 'up' | 'exited' | 'paused' {
  if (profile.type !== 'kind' && profile.type !== 'minikube') return 'up'
  const planes = profile.nodes.filter((n) => n.role === 'control-plane')
  if (!planes.length || !planes.every((n) => runtime.nodeDown(n.name))) return 'up'
  return planes.some((n) => runtime.nodes.get(n.name)?.status === 'exited') ? 'exited' : 'paused'
}
