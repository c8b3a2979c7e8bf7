// What the reader chose to see on the canvas: expanded workload boxes, pods pulled out by a search, the
// namespace and label filters, and the box the camera should fly to once it is drawn.
import { createStore, useStore } from 'zustand'

export interface CanvasState {
  expanded: ReadonlySet<string>
  /** Pods a search found: drawn on their own beside their group's box. */
  found: ReadonlySet<string>
  namespace: string | null
  /** The label filter as typed (`app=web tier=front`). */
  labelText: string
  searchOpen: boolean
  /** A box id the canvas centres on as soon as it is drawn (then clears). */
  flyTo: string | null
  toggle(boxId: string): void
  setNamespace(ns: string | null): void
  setLabelText(text: string): void
  setSearchOpen(open: boolean): void
  /** Shows `id` (a pod or a Service): pulls a pod out of its group, clears filters that hide it, flies there. */
  reveal(id: string, hidden: boolean): void
  landed(): void
}

export const canvasStore = createStore<CanvasState>()((set) => ({
  expanded: new Set(),
  found: new Set(),
  namespace: null,
  labelText: '',
  searchOpen: false,
  flyTo: null,
  toggle: (boxId) => set((s) => {
    const expanded = new Set(s.expanded)
    if (!expanded.delete(boxId)) expanded.add(boxId)
    return { expanded }
  }),
  setNamespace: (namespace) => set({ namespace }),
  setLabelText: (labelText) => set({ labelText }),
  setSearchOpen: (searchOpen) => set({ searchOpen }),
  reveal: (id, hidden) => set((s) => ({
    found: id.startsWith('Pod/') ? new Set([id]) : s.found,
    flyTo: id, searchOpen: false,
    ...(hidden && { namespace: null, labelText: '' }),
  })),
  landed: () => set({ flyTo: null }),
}))

export const useCanvas = <T>(selector: (s: CanvasState) => T): T => useStore(canvasStore, selector)
