// The packet path of the request a link replays: the request itself first (shown before it plays), then each hop
// of its TRACE, in order, as the CLI prints it; or why the link's request was refused.
import { useShare } from './shareStore.ts'

export function RequestPath() {
  const replayed = useShare((s) => s.requestTrace)
  const pending = useShare((s) => s.requestPending)
  const refused = useShare((s) => s.requestRefused)
  if (refused) {
    return (
      <section className="request-path" aria-label="Packet path">
        <h3>Request from the link</h3>
        <p className="request-path__refused" role="alert">{refused}. A link may replay one request (curl, wget, ping, nslookup or dig) and nothing else.</p>
      </section>
    )
  }
  if (!replayed) {
    if (!pending) return null
    return (
      <section className="request-path" aria-label="Packet path">
        <h3>Request from the link</h3>
        <p className="request-path__line"><code>{pending}</code></p>
        <p role="status" aria-label="Request outcome">sending once the cluster is ready…</p>
      </section>
    )
  }
  const { line, trace } = replayed
  return (
    <section className="request-path" aria-label="Packet path">
      <h3>Packet path</h3>
      <p className="request-path__line"><code>{line}</code></p>
      <p className="request-path__outcome" role="status" aria-label="Request outcome">
        {trace.outcome}{trace.servedBy ? ` · served by ${trace.servedBy}` : ''}{trace.clientIPSeenByServer ? ` · client IP seen ${trace.clientIPSeenByServer}` : ''}
      </p>
      <ol className="request-path__hops">
        {trace.hops.map((hop, i) => (
          <li key={i}><span className="request-path__at">{hop.at}</span> <strong>{hop.action}</strong> <span className="request-path__addr">{hop.src} → {hop.dstAfter || hop.dst}</span></li>
        ))}
      </ol>
    </section>
  )
}
