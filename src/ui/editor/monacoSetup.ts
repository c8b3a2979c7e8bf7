// Monaco from the local package (slim entry, YAML only) with monaco-yaml; imported once by the lazy editor chunk.
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { loader } from '@monaco-editor/react'
import { configureMonacoYaml } from 'monaco-yaml'
import YamlWorker from '../../worker/yaml.worker.ts?worker'
import kubernetesSchema from '../schemas/kubernetes.schema.json'
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
