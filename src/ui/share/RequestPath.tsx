// The packet path of the request a link replays: each hop of its TRACE, in order, as the CLI prints it.
import { useShare } from './shareStore.ts'

export function RequestPath() {
  const replayed = useShare((s) => s.requestTrace)
  if (!replayed) return null
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
