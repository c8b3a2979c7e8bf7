// The word wrap `kubectl explain` applies to descriptions: kubectl's term.NewWordWrapWriter, which is
// mitchellh/go-wordwrap's WrapString. Lines break at spaces before `limit` columns; a word longer than the
// limit (a URL) stands on a line of its own and is never split. Since v1.32 (kubernetes PR 126533, the `wrap`
// template function) the description's own line breaks are dropped first.

export function explainWrap(limit: number, text: string): string {
  return wrapString(text.replaceAll('\n', ''), limit)
}

function wrapString(text: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let space = ''
  for (const ch of text) {
    if (/\s/u.test(ch) && ch !== '\u00a0') {
      // A space ends the word before it: both are written, and the space waits for the next word.
      if (!space || word) {
        current += [...space].length + [...word].length
        out += space + word
        space = ''
        word = ''
      }
      space += ch
    } else {
      word += ch
      const wordLen = [...word].length
      if (current + [...space].length + wordLen > limit && wordLen < limit) {
        out += '\n'
        current = 0
        space = ''
      }
    }
  }
  if (!word) return current + [...space].length <= limit ? out + space : out
  return out + space + word
}
