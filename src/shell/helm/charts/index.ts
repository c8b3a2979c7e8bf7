// The chart repositories kubehop knows by URL, and the charts each serves (its index.yaml, frozen at the version
// the texts use). Nothing is downloaded; any other URL fails as an unreachable or non-chart host does.
import type { Values } from '../values.ts'
import type { RenderedChart } from './apisix.ts'
import { APISIX_CHART, APISIX_DEFAULTS, renderApisix } from './apisix.ts'

export interface KnownChart {
  name: string
  version: string
  appVersion: string
  description: string
  defaults: Values
  render(release: string, namespace: string, values: Values): RenderedChart
}

const REPOS: Record<string, KnownChart[]> = {
  'https://charts.apiseven.com': [{ ...APISIX_CHART, defaults: APISIX_DEFAULTS, render: renderApisix }],
}

/** The charts of a repository URL, or undefined for one kubehop does not know. */
export function repoCharts(url: string): KnownChart[] | undefined {
  return REPOS[url.replace(/\/+$/, '')]
}
