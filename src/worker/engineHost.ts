// The one place the UI's worker talks to the engine: it holds the shell session (and so the cluster),
// applies the editor's document like `kubectl apply` + prune, runs console lines, and answers the
// inspector. Everything it returns is plain data (snapshots, output chunks, markers).
import { finishPull } from '../engine/node/image-puller.ts'
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
import { compareModesFor, type ProxyModesComparison } from '../engine/network/proxy-modes.ts'
import type { CheckView, DocFile, EditorMarker, EngineDocument, Inspection, ShellVocabulary } from './protocol.ts'
import { evaluateCheck, parseCheck } from '../scenarios/checks.ts'
import { scenarioFilePath } from '../scenarios/parse.ts'
import { isStarting } from '../engine/controllers/pod-util.ts'

/** What changed the cluster, in order: replaying it on a fresh host with the same seed rebuilds the same cluster. */
export type HistoryStep = { kind: 'apply'; document: EngineDocument } | { kind: 'exec'; line: string } | { kind: 'files'; files: DocFile[] }
  | { kind: 'advance'; seconds: number }

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
  /**
   * Keys (`Deployment/default/kubia`) of live objects whose text in the document does not apply now (it does not
   * decode, names no served kind, or the API server refuses it): each keeps its last good version in the cluster.
   */
  stale: string[]
}

const marker = (file: string, source: EditorMarker['source'], severity: EditorMarker['severity'], message: string, range?: SourceRange): EditorMarker => ({
  file, source, severity, message,
  line: range?.line ?? 1, col: range?.col ?? 1, endLine: range?.endLine ?? range?.line ?? 1, endCol: range?.endCol ?? 1000,
})

/** Only the first line of a whole-document range: a marker over 30 lines says nothing. */
const firstLine = (r: SourceRange): SourceRange => ({ line: r.line, col: r.col, endLine: r.line, endCol: 1000 })

type Desired = { file: string; doc: ManifestDoc; object: KubeObject; ordinal: number }

/** An object's text that does not apply now: what can still be read of it, and its place in its file. */
type Broken = { file: string; ordinal: number; kind?: string; group?: string; namespace?: string; name?: string; range?: SourceRange }

/** Where a live object's text was, the last time it applied: its file and its place among the file's objects. */
type Slot = { file: string; ordinal: number; key: string }

/**
 * Which live object a broken text still stands for. The rule, in order, among the objects last applied from the
 * same file and not claimed by a text that applies now:
 *   1. the same kind, namespace and name (the API server refused an edit of it: a bad field, a taken port);
 *   2. the same name (the kind or apiVersion is broken: `kind: Deploymnet`, `apiVersion: apps/v9`): if several
 *      objects have it, the one of the same API group (`apps` in apps/v9), then the one at the same place;
 *   3. the same kind at the same place in the file (the name is broken: `name: Kubia_Bad`);
 *   4. the object at the same place, when nothing of the name can be read.
 * An object no broken text stands for left the document: it is pruned, as `kubectl apply --prune` does (a valid
 * rename creates the new name and prunes the old one).
 */
function standsFor(b: Broken, candidates: Slot[]): Slot | undefined {
  const exact = b.kind && b.name ? candidates.find((c) => c.key === `${b.kind}/${b.namespace ?? ''}/${b.name}`) : undefined
  if (exact) return exact
  let sameName = b.name ? candidates.filter((c) => c.key.split('/').slice(2).join('/') === b.name) : []
  if (sameName.length > 1 && b.group !== undefined) {
    const sameGroup = sameName.filter((c) => groupOf(kindInfo(c.key.split('/')[0])?.apiVersion ?? '') === b.group)
    if (sameGroup.length) sameName = sameGroup
  }
  if (sameName.length > 1) sameName = sameName.filter((c) => c.ordinal === b.ordinal)
  if (sameName.length === 1) return sameName[0]
  const sameKindHere = b.kind ? candidates.find((c) => c.ordinal === b.ordinal && c.key.startsWith(`${b.kind}/`)) : undefined
  if (sameKindHere) return sameKindHere
  return b.name ? undefined : candidates.find((c) => c.ordinal === b.ordinal)
}

/** The API group of an apiVersion (`apps` for apps/v1, '' for the core v1). */
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '')

/** Orders a file's objects (applied and broken) by where they start: their place in the file. */
function ordinals(ranges: (SourceRange | undefined)[]): number[] {
  const order = ranges.map((r, i) => ({ i, line: r?.line ?? Number.MAX_SAFE_INTEGER, col: r?.col ?? 0 })).sort((a, b) => a.line - b.line || a.col - b.col || a.i - b.i)
  const out: number[] = []
  order.forEach((o, n) => { out[o.i] = n })
  return out
}

/** A file name the editor can hold as a tab (as the store's validFileName). */
const DOCUMENT_FILE = /^[\w.-]{1,64}\.(ya?ml|json)$/i

const keyOf = (o: { kind: string; metadata: { namespace?: string; name: string } }) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** What can still be read of an object that did not decode: its kind (if served), namespace and name. */
function readable(object: Record<string, unknown> | undefined): Omit<Broken, 'file' | 'ordinal' | 'range'> {
  // A Broken's fields, read defensively: the object failed to decode, any of them may be of the wrong type.
  const metadata = object?.metadata
  const meta = metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {}
  const kind = typeof object?.kind === 'string' && kindInfo(object.kind) ? object.kind : undefined
  const name = typeof meta.name === 'string' && meta.name ? meta.name : undefined
  const namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : kind && kindInfo(kind)?.namespaced ? 'default' : undefined
  const group = typeof object?.apiVersion === 'string' ? groupOf(object.apiVersion) : undefined
  return { ...(kind ? { kind } : {}), ...(group !== undefined ? { group } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) }
}

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
  /** Where each object in `appliedKeys` was written the last time its text applied (or stood broken for it). */
  private slots: Slot[] = []
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
    return new ShellSession({ seed, terminal: true, readFile: (path) => this.files.get(scenarioFilePath(path)), onWriteFile: (path) => this.written.add(path) })
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
    this.slots = []
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

  /** Builds the default cluster now (the worker does this while the page is still loading). Building or showing it
   * is not a use: a scenario's `kind create cluster` still replaces it, as it does in `bin/kubehop run`. */
  warmUp(): void {
    void this.session.peekCluster()
  }

  get cluster(): Cluster | null {
    return this.session.peekCluster()
  }

  snapshot(): ClusterSnapshot | null {
    return this.session.peekCluster()?.snapshot() ?? null
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

    // 1. Read everything first: a YAML error anywhere means nothing is applied (every object stays as it was).
    const desired: Desired[] = []
    const broken: Broken[] = []
    const unreadable = new Set<string>()
    for (const file of manifests) {
      const parsed = this.parsedOf(file)
      for (const e of parsed.errors) markers.push(marker(file.name, 'yaml', e.fatal ? 'error' : 'warning', e.message, e.range))
      if (parsed.errors.some((e) => e.fatal)) { unreadable.add(file.name); continue }
      const skipped = parsed.errors.filter((e) => !e.fatal)
      const places = ordinals([...parsed.docs.map((d) => d.range), ...skipped.map((e) => e.docRange ?? e.range)])
      parsed.docs.forEach((doc, i) => {
        const object = this.settleNamespace(doc.object) as unknown as KubeObject
        if (kindInfo(object.kind)) desired.push({ file: file.name, doc, object, ordinal: places[i] })
      })
      skipped.forEach((e, i) => broken.push({ file: file.name, ordinal: places[parsed.docs.length + i], ...readable(e.object), range: e.docRange ?? e.range }))
    }
    if (markers.some((m) => m.severity === 'error')) {
      const stale = this.slots.filter((s) => unreadable.has(s.file) && this.appliedTo?.store.getByKey(s.key as never)).map((s) => s.key)
      return { markers, applied: false, changes: [], stale }
    }
    // 2. The cluster's shape (kind config) or the seed changed: a new cluster, as `kind delete cluster && kind
    // create cluster --config`. An edit that leaves the profile as it is (a comment) keeps the running cluster.
    const kindText = kindFile?.text ?? ''
    if (kindText !== this.kindConfigText || document.seed !== this.seed) {
      try {
        const profile = kindFile ? kindProfile(parseKindConfig(kindFile.text)) : defaultKindProfile()
        // The cluster built ahead (warmUp) is adopted when it is the one asked for: the apply does not build it twice.
        const current = this.session.peekCluster()
        if (!current || document.seed !== current.seed || JSON.stringify(current.profile) !== JSON.stringify(profile)) {
          this.session.setCluster(new Cluster(profile, document.seed))
        }
        this.kindConfigText = kindText
        this.seed = document.seed
      } catch (err) {
        if (!(err instanceof KindConfigError)) throw err
        markers.push(marker(kindFile!.name, 'kind', 'error', err.message))
        return { markers, applied: false, changes: [], stale: [] }
      }
    }
    const cluster = this.session.cluster
    if (!cluster) {
      markers.push(...manifests.map((f) => marker(f.name, 'api', 'info', 'No cluster: `kind create cluster` in the console creates one.')))
      return { markers, applied: false, changes: [], stale: [] }
    }
    const fresh = cluster !== this.appliedTo
    if (fresh) {
      this.appliedKeys = new Set(); this.appliedConfig = new Map(); this.appliedTo = cluster; this.slots = []
      // A playground cluster starts with the document's images loaded into its nodes (`kind load docker-image`):
      // the first view shows the pods running; an image added later is pulled on the simulated clock.
      preloadImages(cluster, desired.map((d) => d.object))
    }

    // 3. Apply in document order (kubectl's client-side apply); a text the API server refuses is broken too.
    const changes: string[] = []
    const keys = new Set<string>()
    const configs = new Map<string, string>()
    const slots: Slot[] = []
    for (const item of desired) {
      const key = keyOf(item.object)
      const config = JSON.stringify(item.object)
      const outcome = this.appliedConfig.get(key) === config ? null : this.applyOne(cluster, item, markers)
      if (outcome === 'failed') {
        broken.push({ file: item.file, ordinal: item.ordinal, kind: item.object.kind, namespace: item.object.metadata.namespace, name: item.object.metadata.name, range: item.doc.range })
        continue
      }
      keys.add(key)
      configs.set(key, config)
      slots.push({ file: item.file, ordinal: item.ordinal, key })
      if (outcome) changes.push(outcome)
    }
    // 4. A broken text keeps the live object it stands for (see standsFor), marked stale; 5. prune the rest.
    const stale: string[] = []
    for (const b of broken) {
      const slot = standsFor(b, this.slots.filter((s) => s.file === b.file && !keys.has(s.key) && cluster.store.getByKey(s.key as never)))
      if (!slot) continue
      keys.add(slot.key)
      stale.push(slot.key)
      const previous = this.appliedConfig.get(slot.key)
      if (previous !== undefined) configs.set(slot.key, previous)
      slots.push({ file: b.file, ordinal: b.ordinal, key: slot.key })
      const live = cluster.store.getByKey(slot.key as never)!
      markers.push(marker(b.file, 'api', 'info', `${slashName(live)} keeps its last good version in the cluster: this text does not apply (delete the text to delete the object)`, b.range && firstLine(b.range)))
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
    this.slots = slots.filter((s) => this.appliedKeys.has(s.key))
    this.editorApplied = new Set(desired.map((d) => d.file))
    cluster.converge()
    if (fresh) settleFirstStart(cluster)
    onConverged?.()
    markers.push(...lintDocuments(desired.map((d): LintInput => ({ file: d.file, object: d.object, locate: (p) => d.doc.locate(p) })), cluster.store))
    return { markers, applied: true, changes, stale }
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

  /** The playground's clock ticked (or skipped ahead): simulated time moves on, timers that fall due fire.
   * Kept in the history (consecutive ticks merged) so a replay reaches the same cluster. */
  advance(seconds: number): void {
    const cluster = this.session.cluster
    if (!cluster || !(seconds > 0)) return
    const last = this.history[this.history.length - 1]
    if (last?.kind === 'advance') last.seconds += seconds
    else this.history.push({ kind: 'advance', seconds })
    cluster.advance(seconds)
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
  /** The prompt the console shows next: `$ `, or the shell a `kubectl exec -it` opened inside a pod. */
  prompt(): string {
    return this.session.prompt()
  }

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
      const r = this.session.peeking(() => this.session.runCollected(argv, undefined, {}, { kind: 'host' }))
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
    const cluster = this.session.peekCluster()
    return cluster ? expectedShare(cluster, source) : null
  }

  /** The same request through kube-proxy's iptables rules and its nftables table, side by side (see compareModesFor). */
  proxyModes(source: ShareSource): ProxyModesComparison | null {
    const cluster = this.session.peekCluster()
    return cluster ? compareModesFor(cluster, source, this.initialSeed) : null
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

/** Puts every image the objects' pod templates name into every node's containerd store. */
/**
 * The first view of a new playground cluster shows its pods started: the clock runs on, event by event, through
 * their sandboxes' creation (about a second; the images are preloaded), at most a few simulated seconds.
 */
function settleFirstStart(cluster: Cluster): void {
  const limit = cluster.clock.now() + 5
  const starting = () => cluster.store.list('Pod').some(isStarting)
  for (let next = cluster.nextEventAt(); next !== undefined && next <= limit && starting(); next = cluster.nextEventAt()) cluster.advanceTo(next)
}

function preloadImages(cluster: Cluster, objects: KubeObject[]): void {
  const images = new Set<string>()
  for (const o of objects) {
    const spec = o.kind === 'Pod' ? o.spec : o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec?.template?.spec
    for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])] as { image?: unknown }[]) if (typeof c.image === 'string') images.add(c.image)
  }
  for (const node of cluster.store.list('Node')) for (const image of images) finishPull(cluster.runtime, node.metadata.name, image)
}
