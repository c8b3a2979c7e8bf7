// What `kubectl exec` prints when the program is not in the image, as each container runtime reports it.
// containerd (kind, GKE): the exec's start fails ("failed to exec in container: failed to start exec …") before any
// process runs, the kubelet's streaming server answers an InternalError, kubectl prints it and exits 1. Docker Engine
// through cri-dockerd (minikube): runc's failure comes back as the exec's exit status 126 (exec.go: CodeExitError).
import type { Cluster } from '../../../engine/cluster/cluster.ts'

const ociMessage = (binary: string) =>
  `OCI runtime exec failed: exec failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown`

/** containerd names each exec with a random 64-hex id; the container's id reversed here, as the kubelet's exec probes do. */
const execID = (containerID: string | undefined) => (containerID ?? '0'.repeat(64)).split('').reverse().join('')

export function execStartFailed(io: { err(text: string): void }, cluster: Cluster, binary: string, containerID: string | undefined): number {
  if (cluster.profile.containerRuntimeVersion.startsWith('docker://')) {
    io.err(`${ociMessage(binary)}\ncommand terminated with exit code 126\n`)
    return 126
  }
  io.err(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execID(containerID)}": ${ociMessage(binary)}\n`)
  return 1
}
