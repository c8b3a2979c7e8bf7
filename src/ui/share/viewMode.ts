// `?embed`: read-only (topology and steps only) for slides and docs; `?present`: presenter mode from the start.
export interface ViewMode { embed: boolean; present: boolean }

function viewModeOf(search: string): ViewMode {
  const params = new URLSearchParams(search)
  return { embed: params.has('embed'), present: params.has('present') }
}

export const viewMode: ViewMode = typeof location === 'undefined' ? { embed: false, present: false } : viewModeOf(location.search)
