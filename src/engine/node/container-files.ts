// A running container's files for a shell opened inside it (`kubectl exec -it POD -- sh`): `cat` and `>` there read
// and write the same filesystem `kubectl exec POD -- cat` sees (image files, kubelet-written /etc files, volumes).
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { NodeRuntime } from './runtime.ts'
import { ContainerFs, DIR, normalizePath } from './container-fs.ts'
import type { Container } from 'kubernetes-types/core/v1'

export interface ContainerFiles {
  /** The file's text; undefined when it is missing or a directory. */
  read(path: string): string | undefined
  write(path: string, content: string, append: boolean): void
}

/** The files of `container` in `pod`, or undefined when it is not running. */
export function containerFiles(target: { store: ReadonlyStore; runtime: NodeRuntime; config: ClusterConfig; pod: KubeObject; container: string }): ContainerFiles | undefined {
  const { pod } = target
  const spec = (pod.spec?.containers as Container[] | undefined)?.find((c) => c.name === target.container)
  const rt = pod.metadata.uid ? target.runtime.pods.get(pod.metadata.uid) : undefined
  const state = rt?.containers.get(target.container)
  if (!spec || !rt || !state) return undefined
  const hostname = pod.spec?.hostNetwork ? pod.spec.nodeName : (pod.spec?.hostname ?? pod.metadata.name)
  const fs = new ContainerFs({ store: target.store, config: target.config, pod, container: spec, state, podIP: rt.podIP, hostname })
  return {
    read(path) {
      const text = fs.get(normalizePath(path))
      return text === DIR ? undefined : text
    },
    write(path, content, append) {
      const p = normalizePath(path)
      const before = append ? fs.get(p) : undefined
      fs.write(p, (before === DIR || before === undefined ? '' : before) + content)
    },
  }
}
