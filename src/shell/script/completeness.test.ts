import { describe, expect, it } from 'vitest'
import { needsMoreInput } from './completeness.ts'
describe('needsMoreInput', () => it('asks for more while a quote, heredoc, continuation, pipe or compound command is open', () => {
  const cases: [string, boolean][] = [
    ['echo hi', false], ['echo "hi', true], ["echo 'a", true], ['cat <<EOF', true], ['cat <<EOF\nx\nEOF', false],
    ['echo a \\', true], ['echo a \\\\', false], ['for i in 1 2; do', true], ['for i in 1 2; do echo $i', true], ['for i in 1 2; do echo $i; done', false],
    ['if true; then', true], ['if true; then echo; fi', false], ['echo a |', true], ['echo a &&', true], ['echo $(ls', true], ['echo )', false], ['fi', false],
    ['cat > f.yaml <<EOF\napiVersion: v1\n', true], ['{ echo', true], ['while true', true], ['echo "a\nb"', false], ['', false], ['# comment', false],
  ]
  for (const [t, want] of cases) expect([t, needsMoreInput(t)]).toEqual([t, want])
}))
