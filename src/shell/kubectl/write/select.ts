// Listing objects of a kind in a namespace by label selector (`-l`, `--all`).
import type { KindInfo } from '../../../engine/api/kinds.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { matches, parseSelector } from '../../../engine/api/labels.ts'
import type { KubectlContext } from '../context.ts'
import { CommandError } from './command-error.ts'

export function listSelected(ctx: KubectlContext, info: KindInfo, namespace: string | undefined, selector: string | undefined): KubeObject[] {
  let sel
  try {
    sel = selector ? parseSelector(selector) : []
  } catch (e) {
    throw new CommandError((e as Error).message)
  }
  return ctx.cluster.store.list(info.kind, info.namespaced ? namespace : undefined).filter((o) => matches(sel, o.metadata.labels))
}
