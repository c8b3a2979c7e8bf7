// Files a container sees: its image's files with ConfigMap and Secret volumes mounted over them, as the
// kubelet's volume manager projects them (a directory mount hides the image's directory; subPath mounts one key).
import type { KubeObject } from '../api/types.ts'
import type { ReadonlyStore } from '../api/store.ts'
import { decodeBase64 as decode } from '../util/base64.ts'
import type { Container, Volume } from 'kubernetes-types/core/v1'
import { setOwn } from '../util/own.ts'

export { decode as decodeBase64 }

function volumeData(volume: Volume, namespace: string, store: ReadonlyStore): Record<string, string> | undefined {
  if (volume.configMap) {
    const cm = store.get('ConfigMap', namespace, volume.configMap.name as string)
    return cm ? { ...((cm.data as Record<string, string> | undefined) ?? {}) } : undefined
  }
  if (volume.secret) {
    const secret = store.get('Secret', namespace, volume.secret.secretName as string)
    if (!secret) return undefined
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries((secret.data as Record<string, string> | undefined) ?? {})) setOwn(out, k, decode(String(v)))
    for (const [k, v] of Object.entries((secret.stringData as Record<string, string> | undefined) ?? {})) setOwn(out, k, String(v))
    return out
  }
  return undefined
}

/**
 * The container's files after volume mounts: `image` files, minus directories hidden by a mount, plus every
 * key of each mounted ConfigMap/Secret (or the selected `items`, or one key with `subPath`).
 */
export function containerFiles(pod: KubeObject, containerName: string, image: ReadonlyMap<string, string>, store: ReadonlyStore): Map<string, string> {
  const files = new Map(image)
  const container = ((pod.spec?.containers ?? []) as Container[]).find((c) => c.name === containerName)
  const volumes: Volume[] = pod.spec?.volumes ?? []
  const namespace = pod.metadata.namespace ?? 'default'
  for (const mount of container?.volumeMounts ?? []) {
    const volume = volumes.find((v) => v.name === mount.name)
    if (!volume) continue
    const data = volumeData(volume, namespace, store)
    if (!data) continue
    const items: { key: string; path: string }[] = volume.configMap?.items ?? volume.secret?.items ?? Object.keys(data).sort().map((key) => ({ key, path: key }))
    const mountPath = String(mount.mountPath).replace(/\/$/, '')
    if (mount.subPath) {
      const item = items.find((i) => i.path === mount.subPath)
      if (item && data[item.key] !== undefined) files.set(mountPath, data[item.key])
      continue
    }
    for (const f of [...files.keys()]) if (f.startsWith(mountPath + '/')) files.delete(f)
    for (const item of items) if (data[item.key] !== undefined) files.set(`${mountPath}/${item.path}`, data[item.key])
  }
  return files
}
