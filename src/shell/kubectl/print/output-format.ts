// The `-o` formats kubectl get accepts. Source: cli-runtime/pkg/genericclioptions/print_flags.go (allowed formats
// and their error texts).
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'name' }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string }
  | { kind: 'go-template'; template: string }

class OutputFormatError extends Error {}

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

/** `-o` and `--template` (print_flags.go: --template alone means -o go-template; -o jsonpath takes it as its template). */
export function parseOutputFormat(value: string | undefined, readFile: (path: string) => string | undefined, templateFlag?: string): OutputFormat {
  if ((value === undefined || value === '') && templateFlag) value = 'go-template'
  if (value === undefined || value === '') return { kind: 'table', wide: false }
  const eq = value.indexOf('=')
  const name = eq < 0 ? value : value.slice(0, eq)
  const arg = eq < 0 ? (templateFlag ?? '') : value.slice(eq + 1)
  const file = () => {
    const text = readFile(arg)
    if (text === undefined) throw new OutputFormatError(`error reading template ${arg}, open ${arg}: no such file or directory`)
    return text
  }
  switch (name) {
    case 'wide': return { kind: 'table', wide: true }
    case 'name': return { kind: 'name' }
    case 'json': return { kind: 'json' }
    case 'yaml': return { kind: 'yaml' }
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file':
      if (!arg) throw new OutputFormatError('template format specified but no template given')
      return { kind: 'jsonpath', template: name === 'jsonpath-file' ? file() : arg, asJson: name === 'jsonpath-as-json' }
    case 'custom-columns':
      return { kind: 'custom-columns', spec: arg }
    case 'custom-columns-file': {
      // The file holds a header line and a path line, whitespace-separated.
      const [headers = '', paths = ''] = file().split('\n')
      const h = headers.trim().split(/\s+/)
      const p = paths.trim().split(/\s+/)
      return { kind: 'custom-columns', spec: h.map((x, i) => `${x}:${p[i] ?? ''}`).join(',') }
    }
    case 'go-template': case 'go-template-file': case 'template': case 'templatefile':
      if (!arg) throw new OutputFormatError('template format specified but no template given')
      return { kind: 'go-template', template: name.endsWith('file') ? file() : arg }
  }
  throw new OutputFormatError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`)
}
