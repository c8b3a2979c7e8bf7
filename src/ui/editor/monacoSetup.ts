// Monaco from the local package (slim entry, YAML only) with monaco-yaml; imported once by the lazy editor chunk.
import * as monaco from 'monaco-editor/editor'
// Only the editor features a manifest editor uses (register.all pulls ~65, including the diff editor, inline
// completions, GPU rendering and code lenses); each entry point registers one contribution.
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/hover/register' // monaco-yaml hover docs and marker hovers
import 'monaco-editor/editor/contrib/suggest/browser/suggestController' // completion (features/suggest only adds inline suggestions)
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/gotoLine/register' // Ctrl+G
import 'monaco-editor/features/gotoError/register' // F8: next marker
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/format/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { loader } from '@monaco-editor/react'
import { configureMonacoYaml } from 'monaco-yaml'
import YamlWorker from '../../worker/yaml.worker.ts?worker'
import kubernetesSchema from '../../engine/api/kubernetes.schema.json'
import { kindConfigSchema } from '../schemas/kindConfigSchema.ts'

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
}

// monaco>=0.53 createWebWorker only accepts {worker}; monaco-yaml 5.5.1 still passes {moduleId,label,createData}
// (monaco-yaml #272). Translate the way monaco's internal workers.js does.
type LegacyWorkerOptions = { createData?: unknown; host?: Record<string, (...args: unknown[]) => unknown>; keepIdleModels?: boolean }
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker(options: LegacyWorkerOptions) {
      const worker = new YamlWorker()
      worker.postMessage('ignore')
      worker.postMessage(options.createData)
      return monaco.editor.createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels })
    },
  },
} as unknown as typeof monaco

/** Editor models live at file:///kubehop/<file name>. */
export const modelUri = (file: string) => `file:///kubehop/${file}`

// The file name picks the schema here (kind-config*.yaml is kind's own config); the engine decides by content.
configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false, hover: true, completion: true, validate: true,
  schemas: [
    { uri: 'inmemory://schemas/kubernetes.json', fileMatch: ['**/*.yaml', '**/*.yml', '!**/kind*.yaml', '!**/kind*.yml'], schema: kubernetesSchema as never },
    { uri: 'inmemory://schemas/kind-cluster.json', fileMatch: ['**/kind*.yaml', '**/kind*.yml'], schema: kindConfigSchema as never },
  ],
})

export { monaco }
loader.config({ monaco: monaco as unknown as typeof import('monaco-editor') }) // never the CDN
