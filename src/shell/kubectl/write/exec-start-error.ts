// What `kubectl exec` prints when the program is not in the image, as each container runtime reports it.
// containerd (kind, GKE): the exec's start fails ("failed to exec in container: failed to start exec …") before any
// process runs, the kubelet's streaming server answers an InternalError, kubectl prints it and exits 1. Docker Engine
// through cri-dockerd (minikube): runc's failure comes back as the exec's exit status 126 (exec.go: CodeExitError).
import type { Cluster } from '../../../engine/cluster/cluster.ts'
import { runtimeExecNotFound } from '../../../engine/node/container-exec.ts'

export function execStartFailed(io: { err(text: string): void }, cluster: Cluster, binary: string, containerID: string | undefined): number {
  const runtime = cluster.profile.containerRuntimeVersion
  const docker = runtime.startsWith('docker://')
  io.err(`${runtimeExecNotFound(runtime, binary, containerID)}\n${docker ? 'command terminated with exit code 126\n' : ''}`)
  return docker ? 126 : 1
}
