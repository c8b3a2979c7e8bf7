// One truth on screen: what the request panel, the canvas's marks and the side-by-side view show was measured
// on one cluster from one document. When the document is replaced (a scenario, a link, an import) or the
// cluster is (a new seed or kind config, `kind delete cluster`, a scenario's reset), it no longer holds: clear it.
import { useEffect, useRef } from 'react'
import { isNewCluster } from './clusterIdentity.ts'
import { useApp } from '../store.ts'
import { resetRequests } from './requestStore.ts'

/** Renders nothing: watches the document and the cluster (its own component, so a snapshot re-renders only it). */
export function OneTruth(): null {
  const documentId = useApp((s) => s.documentId)
  const snapshot = useApp((s) => s.snapshot)
  const prev = useRef(snapshot)
  useEffect(() => { if (documentId) resetRequests() }, [documentId])
  useEffect(() => {
    if (prev.current && isNewCluster(prev.current, snapshot)) resetRequests()
    prev.current = snapshot
  }, [snapshot])
  return null
}
