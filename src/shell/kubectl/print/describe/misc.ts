// `kubectl describe namespace|configmap|secret`. Source: kubectl/pkg/describe/describe.go describeNamespace
// (no quotas or limit ranges in kubehop), ConfigMapDescriber, describeSecret.
import { describeEvents, eventsFor, printAnnotations, printLabels, type DescribeContext } from './common.ts'
import { tabbed } from './writer.ts'
import { decodeBase64 } from '../../../../engine/util/base64.ts'
import type { KubeObject, Stored } from '../../../../engine/api/types.ts'
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1'

export function describeNamespace(ns: KubeObject): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${ns.metadata.name}\n`)
    printLabels(w, 'Labels', ns.metadata.labels)
    printAnnotations(w, 'Annotations', ns.metadata.annotations)
    w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`)
    w.write(0, '\nNo resource quota.\n')
    w.write(0, '\nNo LimitRange resource.\n')
  })
}

export function describeConfigMap(cm: Stored<ConfigMap>, ctx: DescribeContext): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${cm.metadata.name}\n`)
    w.write(0, `Namespace:\t${cm.metadata.namespace}\n`)
    printLabels(w, 'Labels', cm.metadata.labels)
    printAnnotations(w, 'Annotations', cm.metadata.annotations)
    w.write(0, '\nData\n====\n')
    // Go ranges over the map in random order; sorted keys keep transcripts stable.
    for (const k of Object.keys(cm.data ?? {}).sort()) {
      w.write(0, `${k}:\n----\n`)
      w.write(0, `${cm.data![k]}\n`)
      w.write(0, '\n')
    }
    w.write(0, '\nBinaryData\n====\n')
    for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${base64Length(cm.binaryData![k])} bytes\n`)
    w.write(0, '\n')
    describeEvents(w, eventsFor(cm, ctx), ctx.now)
  })
}

function base64Length(b64: unknown): number {
  const s = String(b64 ?? '').replace(/=+$/, '')
  return Math.floor((s.length * 3) / 4)
}

export function describeSecret(secret: Stored<Secret>): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${secret.metadata.name}\n`)
    w.write(0, `Namespace:\t${secret.metadata.namespace}\n`)
    printLabels(w, 'Labels', secret.metadata.labels)
    printAnnotations(w, 'Annotations', secret.metadata.annotations)
    w.write(0, `\nType:\t${secret.type ?? ''}\n`)
    w.write(0, '\nData\n====\n')
    for (const k of Object.keys(secret.data ?? {}).sort()) {
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${decodeBase64(secret.data![k])}\n`)
      else w.write(0, `${k}:\t${base64Length(secret.data![k])} bytes\n`)
    }
  })
}
