// Messages between the UI thread and the engine worker; both sides import these types.
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { ExpectedShare, ShareSource } from '../engine/network/expected-share.ts'
import type { Trace } from '../engine/trace/types.ts'
import type { ProxyModesComparison } from '../engine/network/proxy-modes.ts'
import type { ScalePoint } from '../engine/dataplane/scale.ts'

export type { ExpectedShare, ProxyModesComparison, ScalePoint, ShareSource, Trace }

/** One editor tab: a manifest file or the kind config. */
export interface DocFile { name: string; text: string }

/** What the editor describes: the files (manifests + optional kind config) and the random seed. */
export interface EngineDocument { files: DocFile[]; seed: number }

/** A problem to show in the editor at a 1-based position of one file. */
export interface EditorMarker {
  file: string
  /** yaml: parsing; api: the API server refused; lint: a consequence worth knowing; kind: the kind config. */
  source: 'yaml' | 'api' | 'lint' | 'kind'
  severity: 'error' | 'warning' | 'info'
  message: string
  line: number
  col: number
  endLine: number
  endCol: number
}

export interface OutputChunk { stream: 'stdout' | 'stderr'; text: string }

export interface Inspection {
  key: string
  /** `kubectl get KIND NAME -o yaml` */
  yaml: string
  /** `kubectl describe KIND NAME` */
  describe: string
  /** `kubectl get events --field-selector involvedObject...` */
  events: string
  /** A node's `docker exec NODE iptables-save`. */
  iptables?: string
}

/** Words the console completes: shell commands and kubectl's verbs. */
export interface ShellVocabulary {
  commands: string[]
  kubectlVerbs: string[]
  /** Resource types kubectl accepts: kind, the names it answers to (plural first), and whether namespaced. */
  resources: { kind: string; names: string[]; namespaced: boolean }[]
}

export type EngineRequest =
  /** Asks for the `ready` message (the worker may have started before anyone listened). */
  | { type: 'hello' }
  /** Reconcile the cluster against the document (apply every object, prune what left it). */
  | { type: 'apply'; id: number; document: EngineDocument }
  /** The document as typing pauses, ahead of its apply: the worker parses it meanwhile (see EngineHost.prepare). */
  | { type: 'prepare'; document: EngineDocument }
  /** Run one shell line (kubectl, curl, ...); answered by `output` messages, the last with `done: true`. Typed lines
   * loop until Ctrl+C as in bash; `bounded` ones (scenario steps, replays) stop loops after the CLI's round limit. */
  | { type: 'exec'; id: number; line: string; bounded?: boolean }
  /** The console has drawn `chars` characters of the `exec`'s output: as a terminal's flow control, the worker
   * pauses a line whose output is far ahead of the screen (an endless loop must not outrun xterm). */
  | { type: 'outputAck'; id: number; chars: number }
  /** Ctrl+C for the `exec` with this id: it ends with exit status 130 at its next checkpoint (a loop round, a command). */
  | { type: 'interrupt'; id: number }
  /** The inspector's views of one object (`Kind/namespace/name`). */
  | { type: 'inspect'; id: number; key: string }
  /** The share of new connections each endpoint should get for a request (from the kube-proxy rules). */
  | { type: 'expectedShare'; id: number; source: ShareSource }
  /** One request through both of kube-proxy's modes on the node it enters (the proxy-modes view). */
  | { type: 'proxyModes'; id: number; source: ShareSource }
  /** Rules and rules tested per packet for synthetic clusters of N Services in both modes (computed once, cached). */
  | { type: 'proxyScale'; id: number }
  /** Runs `line` on two copies of the cluster (same seed, same history), one per variant of a Service. */
  | { type: 'compare'; id: number; line: string; service: string; variant: CompareVariant }
  /** Start over: a fresh session with `seed` and only `files` (a scenario's start, or a share link's replay). */
  | { type: 'reset'; id: number; seed: number; files: DocFile[] }
  /** Files the console reads (`-f app.yaml`) without applying them (scenarios: the steps apply them). */
  | { type: 'setFiles'; files: DocFile[] }
  /** A scenario step starts: the worker collects the records of the lines that follow for its checks. */
  | { type: 'stepBegin' }
  /** Evaluate the step's `#check:` expressions against what ran since `stepBegin`. */
  | { type: 'stepChecks'; id: number; checks: string[] }
  /** The playground's clock: simulated seconds per wall second (0 pauses it), and an optional jump ahead now. */
  | { type: 'clock'; rate: number; skip?: number }

/**
 * The objects that changed since the last snapshot sent (by uid + resourceVersion), so an edit does not
 * structured-clone the whole cluster: upserted objects with their store keys, removed keys, and the new header.
 * The receiver applies it into a new snapshot that shares every unchanged object (snapshotDiff.ts).
 */
export interface SnapshotDiff {
  version: number
  time: number
  seed: ClusterSnapshot['seed']
  profile: ClusterSnapshot['profile']
  upserted: { key: string; object: ClusterSnapshot['objects'][number] }[]
  removed: string[]
  /** More parts of this diff follow (a big diff goes out in parts, each cloned in a task of its own): hold it until the last. */
  more?: true
}

/** One evaluated `#check:` line: pass/fail and a readable reason. */
export interface CheckView { source: string; pass: boolean; reason: string }

/** What a side-by-side comparison changes on the Service: its external traffic policy or its session affinity. */
export type CompareVariant = 'externalTrafficPolicy' | 'sessionAffinity'

export interface CompareSide { label: string; patch: string; traces: Trace[]; output: string }

export type EngineResponse =
  | { type: 'ready'; vocabulary: ShellVocabulary }
  /** The whole cluster: on the first send, after a reset, and whenever the cluster itself was replaced. */
  | { type: 'snapshot'; snapshot: ClusterSnapshot | null }
  /** What changed since the previous snapshot or diff of the same cluster (see SnapshotDiff). */
  | { type: 'snapshotDiff'; diff: SnapshotDiff }
  /** After each apply: the markers for every file (replacing the previous ones), and whether anything was applied. */
  | { type: 'applied'; id: number; markers: EditorMarker[]; applied: boolean; changes: string[]; ms: number
    /** Keys of live objects whose text does not apply now: they keep their last good version (mark them stale). */
    stale?: string[] }
  /** Output of an `exec`: each finished statement, and what a long statement printed so far (streamed). */
  | { type: 'output'; id: number; chunks: OutputChunk[]; exitCode: number; done: boolean; traces?: Trace[]; time?: number
    /** The statement is still running: its traces so far, to be joined with the rest when it ends (one request record per statement). */
    partial?: boolean
    /** With `done`: the prompt for the next line (a shell opened inside a pod shows its own). */
    prompt?: string }
  | { type: 'expectedShare'; id: number; share: ExpectedShare | null }
  | { type: 'compared'; id: number; sides: CompareSide[]; error?: string }
  | { type: 'proxyModes'; id: number; comparison: ProxyModesComparison | null; error?: string }
  /** `ms`: the worker's time to compile and trace every point (each point is its own task: edits go between). */
  | { type: 'proxyScale'; id: number; points: ScalePoint[]; ms: number }
  | { type: 'inspection'; id: number; inspection: Inspection }
  | { type: 'resetDone'; id: number }
  /** Manifests a console line wrote (`cat > app.yaml <<EOF`): the editor shows them as tabs. */
  | { type: 'filesWritten'; files: DocFile[] }
  | { type: 'stepChecked'; id: number; results: CheckView[] }
  /** The simulated time (epoch seconds) and rate, after a clock change and with every tick (the UI extrapolates between). */
  | { type: 'clock'; time: number; rate: number }
  /** The engine could not handle a request; the UI keeps its last snapshot. */
  | { type: 'error'; id?: number; message: string }
