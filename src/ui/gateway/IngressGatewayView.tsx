// Ingress → Gateway, side by side: each Ingress of the cluster beside what `ingress2gateway print` writes for it,
// and the same requests sent through the Ingress controller and through the Gateway, hop by hop.
import type { KubeObject } from '../../engine/api/types.ts'
import { ingressToGateway } from '../../engine/gateway/ingress2gateway.ts'
import { toYaml } from '../../shell/kubectl/print/yaml.ts'
import { RuleText } from '../requests/RuleText.tsx'
import { useApp } from '../store.ts'
import type { EntranceRecord } from './pairing.ts'
import { pairRequests } from './pairing.ts'
import { useEntranceRecords } from './entranceStore.ts'

function yamlOf(objects: KubeObject[]): string {
  return objects.map((o) => toYaml(o)).join('---\n')
}

/** The Ingress as the user wrote it: spec only, without what the API server adds. */
function ingressText(ing: KubeObject): string {
  return toYaml({ apiVersion: ing.apiVersion, kind: ing.kind, metadata: { name: ing.metadata.name, namespace: ing.metadata.namespace }, spec: ing.spec })
}

function Hops({ record, label }: { record?: EntranceRecord; label: string }) {
  if (!record) return <section className="compare__side" aria-label={label}><h3>{label}</h3><p className="panel-empty">Not sent this way yet.</p></section>
  const t = record.trace
  return (
    <section className="compare__side" aria-label={label}>
      <h3>{label}</h3>
      <p className="compare__line"><code>{record.line}</code></p>
      <p><span className={`ending ending--${t.outcome}`}>{t.outcome}</span>{t.servedBy ? ` by ${t.servedBy.replace(/^pod\//, '')}` : ''} · {t.hops.length} hops</p>
      <ol className="compare__hops" aria-label={`Hops, ${label}`}>
        {t.hops.map((h, i) => <li key={i} title={h.note}><span className="event-hop__n">{i + 1}</span> {h.at} <b>{h.action}</b>{h.rule ? <RuleText text={h.rule} /> : null}</li>)}
      </ol>
    </section>
  )
}

export function IngressGatewayView() {
  const objects = useApp((s) => s.snapshot?.objects)
  const records = useEntranceRecords()
  const ingresses = (objects ?? []).filter((o) => o.kind === 'Ingress')
  if (!ingresses.length) return <p className="panel-empty">No Ingress in the cluster. Apply one (scenario “From Ingress to Gateway”) to see its Gateway API translation.</p>
  const translation = ingressToGateway(ingresses)
  const pairs = pairRequests(records)
  return (
    <div className="compare gateway-view" aria-label="Ingress to Gateway">
      <div className="compare__sides">
        <section className="compare__side" aria-label="Ingress">
          <h3>Ingress</h3>
          <pre className="gateway-view__yaml">{ingresses.map(ingressText).join('---\n')}</pre>
        </section>
        <section className="compare__side" aria-label="ingress2gateway print">
          <h3><code>ingress2gateway print --providers=ingress-nginx</code></h3>
          {translation.errors.length
            ? <p className="batch__failed">{translation.errors.map((e) => `Error: ${e}`).join('\n')}</p>
            : <pre className="gateway-view__yaml">{yamlOf(translation.objects)}</pre>}
        </section>
      </div>
      <h3>The same requests through both</h3>
      {!pairs.length && <p className="panel-empty">Send a request through the Ingress controller and the same one through the Gateway (curl with the same Host and path).</p>}
      {pairs.map((p) => (
        <div key={p.key} className="compare__sides" aria-label={`Request ${p.key}`}>
          <Hops record={p.ingress} label={`Ingress: ${p.key}`} />
          <Hops record={p.gateway} label={`Gateway: ${p.key}`} />
        </div>
      ))}
    </div>
  )
}
