// What parsing a manifest gives: plain objects with where they were written, and kubectl-worded errors.

/** A span of the source text, 1-based, absolute in the whole file (what an editor marker needs). */
export interface SourceRange {
  line: number
  col: number
  endLine: number
  endCol: number
}

/** One object found in a manifest (a YAML/JSON document, or one item of a `kind: List`). */
export interface ManifestDoc {
  /** A plain JSON-like object (no prototype tricks, no aliases left). */
  object: Record<string, unknown>
  range: SourceRange
  /** Position in the stream, List items flattened: the order kubectl visits objects in. */
  index: number
  /** Where a field path (`spec.ports[0].nodePort`) of this object is written, for editor markers. */
  locate(path: string): SourceRange | undefined
}

type ManifestErrorKind = 'parse' | 'validate' | 'decode' | 'mapping' | 'limit'

/**
 * A problem kubectl reports while reading a manifest. `message` is kubectl's own text without the
 * leading `error: ` (kubectl adds it only when this is the single error of the command).
 */
export interface ManifestError {
  kind: ManifestErrorKind
  message: string
  /** Absolute position in the file when known. */
  range?: SourceRange
  /** The field path the error is about (`kind`, `spec.portz`), when it is about one. */
  path?: string
  /** kubectl stops reading the stream at parse and validation errors; mapping/decoding errors skip one object. */
  fatal: boolean
  /** For an object skipped by a mapping/decoding error: what it decoded to (its name may still say which object it was). */
  object?: Record<string, unknown>
  /** For an object skipped by a mapping/decoding error: the whole object's span (its place among the file's objects). */
  docRange?: SourceRange
}

export interface ParsedManifest {
  docs: ManifestDoc[]
  errors: ManifestError[]
}

export interface ParseOptions {
  /** `--validate=false` turns the apiVersion/kind checks into decode errors, as kubectl does. Default true. */
  validate?: boolean
}
