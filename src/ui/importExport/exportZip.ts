// Export: the document as a folder that runs unchanged on a real kind cluster (`bash steps.sh`): the manifests,
// the kind config, and a steps.sh in the gallery's format (scenarios/README.md) with the same commands and
// `curl` checks. A scenario exports its own steps.sh; a playground document gets one written for it.
import { zipSync, strToU8 } from 'fflate'
import { isKindConfig } from '../../engine/cluster/kind-config.ts'
import type { DocFile } from '../../worker/protocol.ts'
import { PLACEHOLDER_FILE } from '../scenarios/stepsModel.ts'

export interface ExportInput {
  files: DocFile[]
  seed: number
  /** The open scenario: its steps.sh and assets, exported as they are. */
  scenario?: { id: string; steps: string; assets: DocFile[] }
  /** A request to send after the manifests are applied (becomes a step with a check). */
  request?: string
}

/** steps.sh for a playground document: create the kind cluster, apply every manifest, wait, (send the request). */
export function stepsFor(files: DocFile[], seed: number, request?: string): string {
  const kind = files.find((f) => isKindConfig(f.text))
  const manifests = files.filter((f) => f !== kind && f.name !== PLACEHOLDER_FILE.name)
  const out = [
    '#!/usr/bin/env bash',
    '# title: Exported from kubehop',
    '# group: Services',
    `# summary: ${manifests.map((f) => f.name).join(', ') || 'No manifests'} on ${kind ? 'the kind cluster of ' + kind.name : 'a default kind cluster'}.`,
    `# seed: ${seed}`,
    '# Runs on a real machine with kind, kubectl and curl: `bash steps.sh`; in kubehop: `bin/kubehop run steps.sh`.',
    '',
    '## Step: Create the cluster',
    kind ? `# A kind cluster with the nodes of \`${kind.name}\`.` : '# A kind cluster with one control-plane node.',
    kind ? `kind create cluster --config ${kind.name}` : 'kind create cluster',
    'kubectl get nodes -o wide',
    '#check: exitCode == 0',
  ]
  if (manifests.length) {
    out.push('', '## Step: Apply the manifests', '# The editor tabs, applied the way kubehop applies them.')
    for (const f of manifests) out.push(`kubectl apply -f ${f.name}`)
    out.push('kubectl wait --for=condition=Ready pods --all --timeout=120s', 'kubectl get pods,services -o wide', '#check: first kubectl exitCode == 0')
  }
  if (request?.trim()) {
    out.push('', '## Step: Send the request', '# The request the document was shared with.', request.trim(), '#check: last curl outcome == delivered')
  }
  return `${out.join('\n')}\n`
}

/** The folder's files, by name. */
export function exportFiles(input: ExportInput): Record<string, string> {
  const files: Record<string, string> = {}
  for (const f of input.files) if (!(input.scenario && f.name === PLACEHOLDER_FILE.name && f.text === PLACEHOLDER_FILE.text)) files[f.name] = f.text
  if (input.scenario) {
    for (const a of input.scenario.assets) files[a.name] = a.text
    files['steps.sh'] = input.scenario.steps
  } else {
    files['steps.sh'] = stepsFor(input.files, input.seed, input.request)
  }
  return files
}

/** A zip with the files in one folder (`<name>/steps.sh`, …); steps.sh is executable. */
export function zipFolder(folder: string, files: Record<string, string>): Uint8Array {
  const entries: Record<string, [Uint8Array, { os?: number; attrs?: number; mtime?: Date }]> = {}
  const mtime = new Date('2024-01-01T00:00:00Z') // the same document ⇒ the same zip
  for (const [name, text] of Object.entries(files)) {
    const mode = name.endsWith('.sh') ? 0o100755 : 0o100644
    entries[`${folder}/${name}`] = [strToU8(text), { os: 3, attrs: mode << 16, mtime }]
  }
  return zipSync(entries, { level: 6 })
}
