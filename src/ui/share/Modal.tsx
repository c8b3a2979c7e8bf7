// A native modal <dialog> (focus trap, Escape, inert background for free), named for assistive technology.
import { useEffect, useRef, type ReactNode } from 'react'

export function Modal({ label, onClose, children, className }: { label: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current!
    if (!dialog.open) dialog.showModal()
    const cancel = (e: Event) => { e.preventDefault(); onClose() }
    dialog.addEventListener('cancel', cancel)
    return () => { dialog.removeEventListener('cancel', cancel); if (dialog.open) dialog.close() }
  }, [onClose])
  return (
    <dialog ref={ref} aria-label={label} className={`kh-modal ${className ?? ''}`}>
      <header className="kh-modal__header">
        <h2>{label}</h2>
        <button type="button" className="button" onClick={onClose} aria-label={`Close ${label}`}>✕</button>
      </header>
      <div className="kh-modal__body">{children}</div>
    </dialog>
  )
}
