// "Share": the link of the document on screen (tabs, seed, scenario step, request), how long it is for common
// hosts, copy, an embed link, a file download when the link is too long, and a replay that shows here exactly
// what recipients will see.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { canonicalJson, encodeShare, linkLength, MAX_ENCODED_CHARS } from '../../share/index.ts'
import { useScenario } from '../scenarios/scenarioStore.ts'
import { useApp } from '../store.ts'
import { currentShareDocument } from './currentDocument.ts'
import { Modal } from './Modal.tsx'
import { openShared } from './openShared.ts'
import { setShare, useShare } from './shareStore.ts'
import { download } from './download.ts'

export function ShareDialog() {
  const open = useShare((s) => s.shareOpen)
  const close = useCallback(() => setShare({ shareOpen: false }), [])
  if (!open) return null
  return <Modal label="Share" onClose={close} className="share-dialog"><ShareBody onClose={close} /></Modal>
}

const VERDICT = {
  ok: 'fits anywhere',
  'long-for-chat': 'long: some chat apps cut links past ~2 KB — the file download is safer there',
  'too-long': 'too long for many sites and chat apps (over 8 KB): share the file download instead',
} as const

function ShareBody({ onClose }: { onClose: () => void }) {
  const files = useApp((s) => s.files)
  const seed = useApp((s) => s.seed)
  const cursor = useScenario((s) => s.cursor)
  const scenario = useScenario((s) => s.scenario)
  const request = useShare((s) => s.request)
  const lastRequest = useShare((s) => s.lastRequestLine)
  const [copied, setCopied] = useState('')
  const doc = useMemo(() => currentShareDocument(), [files, seed, cursor, scenario, request])
  const encoded = useMemo(() => encodeShare(doc), [doc])
  const base = `${location.origin}${location.pathname}`
  const url = `${base}#${encoded}`
  const embedUrl = `${base}?embed#${encoded}`
  const { chars, verdict } = linkLength(url)
  const fits = encoded.length <= MAX_ENCODED_CHARS
  const copy = async (text: string, what: string) => {
    try { await navigator.clipboard.writeText(text); setCopied(`${what} copied`) } catch { setCopied('Copy failed: select the link and copy it') }
  }
  useEffect(() => {
    // From now on the address bar is the link, kept up to date as the document changes.
    if (!fits) return
    setShare({ hashLive: true })
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${encoded}`)
  }, [fits, encoded])
  const replayHere = async () => {
    onClose()
    await openShared(currentShareDocument())
  }
  const name = scenario ? scenario.id : 'kubehop-document'
  return (
    <div className="share">
      <p>The link holds the whole document: {files.length} file{files.length === 1 ? '' : 's'}, seed {seed}
        {scenario ? `, scenario “${scenario.meta.title}” after step ${cursor}` : ''}. Opening it rebuilds the cluster from
        scratch with the same seed: same pods, same IPs, same packet paths. Console changes are not in the link.</p>
      <label className="share__field">Link
        <input readOnly value={fits ? url : ''} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p className="share__length" role="status" aria-label="Link length">
        {fits ? `${(chars / 1024).toFixed(1)} KB (${chars} characters): ${VERDICT[verdict]}` : 'The document is too large for a link: download it as a file.'}
      </p>
      {verdict !== 'ok' && <p className="share__warning" role="alert">This link is {verdict === 'too-long' ? 'too long' : 'long'} for common hosts. Consider the file download.</p>}
      <label className="share__field">Request to replay (optional)
        <input value={request} placeholder={lastRequest || 'curl -s http://172.18.0.3:30123/'} aria-label="Request to replay"
          onChange={(e) => setShare({ request: e.currentTarget.value.replace(/[\r\n]/g, ' ').slice(0, 500) })} />
      </label>
      {lastRequest && !request && <button type="button" className="button" onClick={() => setShare({ request: lastRequest })}>Use {lastRequest}</button>}
      <div className="share__actions">
        <button type="button" className="button button--primary" disabled={!fits} onClick={() => void copy(url, 'Link')}>Copy link</button>
        <button type="button" className="button" disabled={!fits} onClick={() => void copy(embedUrl, 'Embed link')}>Copy embed link</button>
        <button type="button" className="button" onClick={() => download(`${name}.kubehop.json`, canonicalJson(doc), 'application/json')}>Download file</button>
        <button type="button" className="button" onClick={() => void replayHere()}>Replay here</button>
      </div>
      <p className="share__copied" role="status" aria-live="polite">{copied}</p>
    </div>
  )
}
