// What a broken, oversized or hostile link shows instead of the app: what went wrong, in words, and a way on.
// The reason is plain text (React escapes it); nothing from the link is ever interpreted.
import { useShare } from './shareStore.ts'

export function LinkErrorView() {
  const reason = useShare((s) => s.linkError)
  const openPlayground = () => {
    history.replaceState(null, '', location.pathname)
    location.reload()
  }
  return (
    <main className="link-error" aria-labelledby="link-error-title">
      <div className="link-error__card">
        <h1 id="link-error-title">This link could not be opened</h1>
        <p role="alert">{reason ? `kubehop could not read it: ${reason}.` : 'kubehop could not read it.'}</p>
        <p>Links can break when a chat app or an e-mail cuts them short. Ask for the link again, or for the file download
          the Share dialog offers (it opens with Import).</p>
        <button type="button" className="button" onClick={openPlayground}>Open the playground instead</button>
      </div>
    </main>
  )
}
