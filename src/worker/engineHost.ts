// The one place the UI's worker talks to the engine: it holds the shell session (and so the cluster),
// applies the editor's document like `kubectl apply` + prune, runs console lines, and answers the
// inspector. Everything it returns is plain data (snapshots, output chunks, markers).
import { Cluster } from '../engine/cluster/cluster.ts'
import { KindConfigError, defaultKindProfile, kindProfile, parseKindConfig } from '../engine/cluster/kind-config.ts'
import { ApiError } from '../engine/api/api-server.ts'
import { KINDS, kindInfo } from '../engine/api/kinds.ts'
import type { KubeObject } from '../engine/api/types.ts'
import { parseManifests, type ManifestDoc, type ParsedManifest, type SourceRange } from '../engine/manifest/index.ts'
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import { READ_COMMANDS } from '../shell/kubectl/read-commands.ts'
import { WRITE_COMMANDS } from '../shell/kubectl/write-commands.ts'
import { applyObject } from '../shell/kubectl/write/apply-object.ts'
import { ShellSession } from '../shell/session.ts'
import type { Slice } from '../shell/script/interpreter.ts'
import type { Chunk, StatementRecord } from '../shell/script/types.ts'
import { lintDocuments, type LintInput } from './lint.ts'
import { isKindConfig } from '../engine/cluster/kind-config.ts'
import { expectedShare, type ExpectedShare, type ShareSource } from '../engine/network/expected-share.ts'
import type { CheckView, DocFile, EditorMarker, EngineDocument, Inspection, ShellVocabulary } from './protocol.ts'
import { evaluateCheck, parseCheck } from '../scenarios/checks.ts'
import { scenarioFilePath } from '../scenarios/parse.ts'

/** What changed the cluster, in order: replaying it on a fresh host with the same seed rebuilds the same cluster. */
export type HistoryStep = { kind: 'apply'; document: EngineDocument } | { kind: 'exec'; line: string } | { kind: 'files'; files: DocFile[] }

/** A console line running in slices (see ScriptRun): the worker runs a slice, then lets other messages in. */
export interface ConsoleRun {
  slice(pause: () => boolean): Slice
  /** Ctrl+C: the line stops at its next checkpoint with status 130. */
  interrupt(): void
}

export interface ApplyOutcome {
  markers: EditorMarker[]
  /** False when nothing was applied (a YAML or kind config error): the last good simulation stays. */
  applied: boolean
  /** `deployment.apps/kubia configured`-style lines for what changed (unchanged objects are left out). */
  changes: string[]
}

const marker = (file: string, source: EditorMarker['source'], severity: EditorMarker['severity'], message: string, range?: SourceRange): EditorMarker => ({
  file, source, severity, message,
  line: range?.line ?? 1, col: range?.col ?? 1, endLine: range?.endLine ?? range?.line ?? 1, endCol: range?.endCol ?? 1000,
})

/** Only the first line of a whole-document range: a marker over 30 lines says nothing. */
const firstLine = (r: SourceRange): SourceRange => ({ line: r.line, col: r.col, endLine: r.line, endCol: 1000 })

type Desired = { file: string; doc: ManifestDoc; object: KubeObject }

/** A file name the editor can hold as a tab (as the store's validFileName). */
const DOCUMENT_FILE = /^[\w.-]{1,64}\.(ya?ml|json)$/i

const keyOf = (o: { kind: string; metadata: { namespace?: string; name: string } }) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`

function slashName(o: KubeObject): string {
  const info = kindInfo(o.kind)
  const group = info?.apiVersion.includes('/') ? `.${info.apiVersion.split('/')[0]}` : ''
  return `${(info?.singular ?? o.kind.toLowerCase())}${group}/${o.metadata.name}`
}

export class EngineHost {
  private session: ShellSession
  private kindConfigText: string | null = null
  private seed: number
  /** Keys the document applied into `appliedTo`; what leaves the document is deleted from there (prune). */
  private appliedKeys = new Set<string>()
  /** Key → the configuration last applied from the document; an object the document did not change is left alone,
   * so console changes (`kubectl scale`) persist until the document changes that object. */
  private appliedConfig = new Map<string, string>()
  private appliedTo: Cluster | null = null
  /** Every apply and console line so far (the side-by-side comparison replays it on copies). */
  readonly history: HistoryStep[] = []
  initialSeed: number
  /** Files the shell reads by relative path (`kubectl apply -f ./app.yaml`), as a scenario's folder. */
  private readonly files = new Map<string, string>()
  /** The records of the scenario step being run (its checks read them); null outside a step. */
  private stepRecords: StatementRecord[] | null = null
  /** File name → a parse of its text made ahead of the apply (prepare), used by the next apply of that very text. */
  private prepared = new Map<string, { text: string; parsed: ParsedManifest }>()
  /** Paths written by console redirections since takeWrittenFiles. */
  private readonly written = new Set<string>()
  /** Files the last document apply applied (a console `kubectl create -f` of one of them meets its objects). */
  private editorApplied = new Set<string>()

  constructor(seed = 1) {
    this.seed = seed
    this.initialSeed = seed
    this.session = this.newSession(seed)
  }

  private newSession(seed: number): ShellSession {
    return new ShellSession({ seed, readFile: (path) => this.files.get(scenarioFilePath(path)), onWriteFile: (path) => this.written.add(path) })
  }

  /** Manifests the console wrote (`cat > app.yaml <<EOF`) since the last call, as editor files (the shell's
   * working directory is /root, so `app.yaml`, `./app.yaml` and `/root/app.yaml` are one file). */
  takeWrittenFiles(): DocFile[] {
    const files: DocFile[] = []
    for (const path of this.written) {
      const name = path.replace(/^(\/root\/|\.\/)+/, '')
      const text = this.session.hostFiles.get(path)
      if (text !== undefined && DOCUMENT_FILE.test(name)) {
        files.push({ name, text })
        this.session.hostFiles.set(name, text)
        this.files.set(scenarioFilePath(name), text)
      }
    }
    this.written.clear()
    return files
  }

  /** Starts over as `bin/kubehop run --seed N` does: a fresh session (default kind cluster) with only `files`. */
  reset(seed: number, files: DocFile[]): void {
    this.session = this.newSession(seed)
    this.seed = seed
    this.initialSeed = seed
    this.kindConfigText = null
    this.appliedKeys = new Set()
    this.appliedConfig = new Map()
    this.appliedTo = null
    this.history.length = 0
    this.files.clear()
    this.prepared.clear()
    this.written.clear()
    this.editorApplied.clear()
    this.stepRecords = null
    this.setFiles(files)
    this.warmUp()
  }

  /** A scenario step starts: collect its statements' records for its checks. */
  beginStep(): void {
    this.stepRecords = []
  }

  /** Evaluates a step's `#check:` lines (src/scenarios/checks.ts) against the records since beginStep. */
  checkStep(sources: string[]): CheckView[] {
    const records = this.stepRecords ?? []
    this.stepRecords = null
    return sources.map((source) => {
      try {
        return { source, ...evaluateCheck(parseCheck(source), records, this.session.state.vars) }
      } catch (err) {
        return { source, pass: false, reason: err instanceof Error ? err.message : String(err) }
      }
    })
  }

  /** Builds the default cluster now (the worker does this while the page is still loading). */
  warmUp(): void {
    void this.session.cluster
  }

  get cluster(): Cluster | null {
    return this.session.cluster
  }

  snapshot(): ClusterSnapshot | null {
    return this.session.cluster?.snapshot() ?? null
  }

  vocabulary(): ShellVocabulary {
    return {
      commands: [...this.session.commands.keys()].filter((c) => !c.includes(':') && !c.startsWith('_')).sort(),
      kubectlVerbs: Object.keys({ ...READ_COMMANDS, ...WRITE_COMMANDS }).sort(),
      resources: KINDS.map((k) => ({ kind: k.kind, names: [k.plural, k.singular, ...k.shortNames], namespaced: k.namespaced })),
    }
  }

  /** The document's manifest files (not the kind config), as apply reads them. */
  private manifestsOf(files: DocFile[]): DocFile[] {
    const kindFile = files.find((f) => isKindConfig(f.text))
    return files.filter((f) => f !== kindFile && /\.(ya?ml|json)$/i.test(f.name))
  }

  /** Parses the document's manifests now (while the editor's debounce runs), so its apply starts past the parsing.
   * Parsing is pure: the apply gets what it would have parsed itself. */
  prepare(document: EngineDocument): void {
    for (const file of this.manifestsOf(document.files)) {
      if (this.prepared.get(file.name)?.text !== file.text) this.prepared.set(file.name, { text: file.text, parsed: parseManifests(file.text, file.name) })
    }
  }

  /** The prepared parse of `file` when its text is the one prepared (used once), else a parse now. */
  private parsedOf(file: DocFile): ParsedManifest {
    const ready = this.prepared.get(file.name)
    this.prepared.delete(file.name)
    return ready?.text === file.text ? ready.parsed : parseManifests(file.text, file.name)
  }

  /** Reconciles the cluster with the document: kind config first, then every manifest applied, then prune.
   * `onConverged` runs once the cluster has converged, before the lint (the worker sends the snapshot then). */
  apply(document: EngineDocument, onConverged?: () => void): ApplyOutcome {
    this.history.push({ kind: 'apply', document })
    const markers: EditorMarker[] = []
    const files = document.files
    for (const f of files) { this.session.hostFiles.set(f.name, f.text); this.files.set(scenarioFilePath(f.name), f.text) }
    const kindFile = files.find((f) => isKindConfig(f.text))
    const manifests = this.manifestsOf(files)

    // 1. Read everything first: a YAML error anywhere means nothing is applied.
    const desired: Desired[] = []
    for (const file of manifests) {
      const parsed = this.parsedOf(file)
      for (const e of parsed.errors) markers.push(marker(file.name, 'yaml', e.fatal ? 'error' : 'warning', e.message, e.range))
      if (parsed.errors.some((e) => e.fatal)) continue
      for (const doc of parsed.docs) {
        const object = this.settleNamespace(doc.object) as unknown as KubeObject
        if (kindInfo(object.kind)) desired.push({ file: file.name, doc, object })
      }
    }
    if (markers.some((m) => m.severity === 'error')) return { markers, applied: false, changes: [] }

    // 2. The cluster's shape (kind config) or the seed changed: a new cluster, as `kind delete cluster && kind
    // create cluster --config`. An edit that leaves the profile as it is (a comment) keeps the running cluster.
    const kindText = kindFile?.text ?? ''
    if (kindText !== this.kindConfigText || document.seed !== this.seed) {
      try {
        const profile = kindFile ? kindProfile(parseKindConfig(kindFile.text)) : defaultKindProfile()
        const current = this.session.clusterTouched ? this.session.cluster : null
        if (!current || document.seed !== current.seed || JSON.stringify(current.profile) !== JSON.stringify(profile)) {
          this.session.setCluster(new Cluster(profile, document.seed))
        }
        this.kindConfigText = kindText
        this.seed = document.seed
      } catch (err) {
        if (!(err instanceof KindConfigError)) throw err
        markers.push(marker(kindFile!.name, 'kind', 'error', err.message))
        return { markers, applied: false, changes: [] }
      }
    }
    const cluster = this.session.cluster
    if (!cluster) {
      markers.push(...manifests.map((f) => marker(f.name, 'api', 'info', 'No cluster: `kind create cluster` in the console creates one.')))
      return { markers, applied: false, changes: [] }
    }
    if (cluster !== this.appliedTo) { this.appliedKeys = new Set(); this.appliedConfig = new Map(); this.appliedTo = cluster }

    // 3. Apply in document order (kubectl's client-side apply), 4. prune what left the document.
    const changes: string[] = []
    const keys = new Set<string>()
    const configs = new Map<string, string>()
    for (const item of desired) {
      const key = keyOf(item.object)
      keys.add(key)
      const config = JSON.stringify(item.object)
      if (this.appliedConfig.get(key) === config) { configs.set(key, config); continue }
      const outcome = this.applyOne(cluster, item, markers)
      if (outcome !== 'failed') configs.set(key, config)
      if (outcome && outcome !== 'failed') changes.push(outcome)
    }
    this.appliedConfig = configs
    for (const key of [...this.appliedKeys].reverse()) {
      if (keys.has(key)) continue
      const live = cluster.store.getByKey(key as never)
      if (live && !live.metadata.deletionTimestamp) {
        try {
          cluster.api.delete(live.kind, live.metadata.namespace, live.metadata.name)
          changes.push(`${slashName(live)} pruned`)
        } catch { /* already gone */ }
      }
    }
    this.appliedKeys = new Set([...keys].filter((k) => cluster.store.getByKey(k as never)))
    this.editorApplied = new Set(desired.map((d) => d.file))
    cluster.converge()
    onConverged?.()
    markers.push(...lintDocuments(desired.map((d): LintInput => ({ file: d.file, object: d.object, locate: (p) => d.doc.locate(p) })), cluster.snapshot()))
    return { markers, applied: true, changes }
  }

  private settleNamespace(raw: Record<string, unknown>): Record<string, unknown> {
    const metadata = { ...((raw.metadata ?? {}) as Record<string, unknown>) }
    if (kindInfo(String(raw.kind))?.namespaced) metadata.namespace = typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : 'default'
    else delete metadata.namespace
    return { ...raw, metadata }
  }

  /** kubectl apply of one object (create with last-applied, or a three-way merge); API errors become markers. */
  private applyOne(cluster: Cluster, { file, doc, object }: Desired, markers: EditorMarker[]): string | null | 'failed' {
    try {
      const applied = applyObject(cluster, object as unknown as Record<string, unknown> & { metadata: Record<string, unknown> })
      this.warn(file, doc, applied.warnings, markers)
      return applied.operation === 'unchanged' ? null : `${slashName(applied.object)} ${applied.operation}`
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      const { status } = err
      const causes = status.details?.causes ?? []
      const title = status.message.includes(' is invalid: ') ? `The ${status.message.slice(0, status.message.indexOf(' is invalid: '))} is invalid` : ''
      if (status.reason === 'Invalid' && causes.length) {
        for (const c of causes) {
          const range = c.field ? doc.locate(c.field) : undefined
          markers.push(marker(file, 'api', 'error', `${title}: ${c.field ? `${c.field}: ` : ''}${c.message}`, range ?? firstLine(doc.range)))
        }
      } else {
        markers.push(marker(file, 'api', 'error', `Error from server (${status.reason}): ${status.message}`, firstLine(doc.range)))
      }
      return 'failed'
    }
  }

  private warn(file: string, doc: ManifestDoc, warnings: string[], markers: EditorMarker[]): void {
    for (const w of warnings) markers.push(marker(file, 'api', 'warning', `Warning: ${w}`, firstLine(doc.range)))
  }

  /** Runs one console line; shell state (variables, history of the cluster) persists between lines. */
  *run(line: string): Generator<StatementRecord> {
    this.history.push({ kind: 'exec', line })
    try {
      for (const record of this.session.iterate(line)) {
        this.stepRecords?.push(record)
        yield record
      }
    } catch (err) {
      yield { source: line, chunks: [{ stream: 'stderr', text: `kubehop: ${err instanceof Error ? err.message : String(err)}\n` }], exitCode: 1, traces: [] } as unknown as StatementRecord
    }
  }

  /** Starts a console line in slices; shell state and the cluster's history are shared with `run`. */
  start(line: string, bounded = false): ConsoleRun {
    this.history.push({ kind: 'exec', line })
    const run = this.session.start(line, bounded)
    const step = this.stepRecords
    // A scenario step's checks read whole records: output streamed before a statement ended is put back in.
    let streamed: { chunks: Chunk[]; traces: unknown[] } = { chunks: [], traces: [] }
    return {
      slice: (pause) => {
        let slice: Slice
        try {
          slice = run.slice(pause)
        } catch (err) {
          const record = { source: line, line: 1, chunks: [{ stream: 'stderr' as const, text: `kubehop: ${err instanceof Error ? err.message : String(err)}\n` }], exitCode: 1, traces: [] }
          slice = { records: [record], partial: { chunks: [], traces: [] }, done: true }
        }
        for (const r of slice.records) this.noteEditorApplied(r)
        if (step) {
          for (const r of slice.records) {
            step.push({ ...r, chunks: [...streamed.chunks, ...r.chunks], traces: [...streamed.traces, ...r.traces] })
            streamed = { chunks: [], traces: [] }
          }
          streamed = { chunks: [...streamed.chunks, ...slice.partial.chunks], traces: [...streamed.traces, ...slice.partial.traces] }
        }
        return slice
      },
      interrupt: () => run.interrupt(),
    }
  }

  /** After `kubectl create -f FILE` met AlreadyExists for a file the editor applies as you type, says why. */
  private noteEditorApplied(record: StatementRecord): void {
    const file = /\bkubectl\s+create\b.*?(?:-f|--filename)[ =](?:\.\/)?(\S+)/.exec(record.source)?.[1]
    if (!file || !this.editorApplied.has(file)) return
    if (!record.chunks.some((c) => c.stream === 'stderr' && c.text.includes('Error from server (AlreadyExists)'))) return
    record.chunks.push({ stream: 'stderr', text: `kubehop: the editor already applied ${file} (it applies the document as you type), so these objects exist, as a real cluster says; to follow a text step by step, turn on "Apply from the console only" in the console's header.\n` })
  }

  /** What the inspector shows for one object: `-o yaml`, describe, its events, and a node's iptables rules. */
  inspect(key: string): Inspection {
    const [kind, namespace, ...rest] = key.split('/')
    const name = rest.join('/')
    const info = kindInfo(kind)
    const resource = info?.plural ?? kind.toLowerCase()
    const ns = namespace ? ['-n', namespace] : []
    const text = (argv: string[]) => {
      const r = this.session.runCollected(argv, undefined, {}, { kind: 'host' })
      return r.chunks.map((c) => c.text).join('')
    }
    const events = text(['kubectl', 'get', 'events', ...(namespace ? ['-n', namespace] : ['-A']), '--field-selector', `involvedObject.kind=${kind},involvedObject.name=${name}`])
    return {
      key,
      yaml: text(['kubectl', 'get', resource, name, ...ns, '-o', 'yaml']),
      describe: text(['kubectl', 'describe', resource, name, ...ns]),
      events,
      iptables: kind === 'Node' ? text(['docker', 'exec', name, 'iptables-save']) : undefined,
    }
  }

  /** The share of new connections each endpoint should get for a request (see expectedShare). */
  expected(source: ShareSource): ExpectedShare | null {
    return this.session.cluster ? expectedShare(this.session.cluster, source) : null
  }

  /** Files the console can read (`kubectl apply -f app.yaml`) without an apply, e.g. at startup. */
  setFiles(files: DocFile[]): void {
    this.history.push({ kind: 'files', files })
    for (const f of files) {
      this.session.hostFiles.set(f.name, f.text)
      this.files.set(scenarioFilePath(f.name), f.text)
    }
  }
}
