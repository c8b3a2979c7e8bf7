// `kubectl get nodes`. Source: printers.go printNode, findNodeRoles, getNodeInternalIP/ExternalIP.
import type { TableSpec } from '../table.ts'
import { ageColumn, nameColumn } from '../table.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { NodeAddress, NodeCondition } from 'kubernetes-types/core/v1'

/** Roles from `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries<string>(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v) {
      roles.add(v)
    }
  }
  return [...roles].sort()
}

function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === 'Ready')
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  return status.join(',')
}

const address = (node: KubeObject, type: string) => (node.status?.addresses ?? []).find((a: NodeAddress) => a.type === type)?.address ?? '<none>'
const info = (node: KubeObject, key: string) => node.status?.nodeInfo?.[key] || '<unknown>'

export const NODE_TABLE: TableSpec = [
  nameColumn,
  { header: 'STATUS', cell: nodeStatus },
  { header: 'ROLES', cell: (n) => nodeRoles(n).join(',') || '<none>' },
  ageColumn,
  { header: 'VERSION', cell: (n) => n.status?.nodeInfo?.kubeletVersion ?? '' },
  { header: 'INTERNAL-IP', wide: true, cell: (n) => address(n, 'InternalIP') },
  { header: 'EXTERNAL-IP', wide: true, cell: (n) => address(n, 'ExternalIP') },
  { header: 'OS-IMAGE', wide: true, cell: (n) => info(n, 'osImage') },
  { header: 'KERNEL-VERSION', wide: true, cell: (n) => info(n, 'kernelVersion') },
  { header: 'CONTAINER-RUNTIME', wide: true, cell: (n) => info(n, 'containerRuntimeVersion') },
]
