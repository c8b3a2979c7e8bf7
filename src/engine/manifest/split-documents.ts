// Splits a YAML stream into documents the way kubectl's YAMLReader does (k8s.io/apimachinery
// pkg/util/yaml/decoder.go): a line starting with `---` ends a document, only a comment may follow it,
// and each document is converted on its own, so YAML error line numbers count from the document's start.

interface Chunk {
  text: string
  /** Offset of the chunk's first character in the whole file. */
  offset: number
}

export type SplitResult = { chunks: Chunk[]; error?: { message: string; offset: number } }

export function splitYamlDocuments(text: string): SplitResult {
  const chunks: Chunk[] = []
  let start = 0
  let bufferStart = -1
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    const end = nl < 0 ? text.length : nl + 1
    const line = text.slice(start, end)
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim()
      // Anything but a comment after the separator is an error, even when a document is pending.
      if (trimmed.length > 0 && trimmed[0] !== '#') return { chunks, error: { message: `invalid Yaml document separator: ${trimmed}`, offset: start } }
      if (bufferStart >= 0) chunks.push({ text: text.slice(bufferStart, start), offset: bufferStart })
      bufferStart = -1
    } else if (bufferStart < 0) {
      bufferStart = start
    }
    start = end
  }
  if (bufferStart >= 0) chunks.push({ text: text.slice(bufferStart), offset: bufferStart })
  return { chunks }
}

/** kubectl's GuessJSONStream: the stream is JSON when its first non-space character is `{`. */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text)
}
