// How long hostile input takes to be refused or bounded: the unit tests only check that it is (a hang fails on
// vitest's testTimeout); the time is a figure here. An alias bomb, a decompression bomb in a share link, and a
// Deployment asking for 100,000 replicas.
import { deflateSync } from 'fflate'
import { parseManifests } from '../src/engine/manifest/index.ts'
import { decodeShare, CODEC_PREFIX } from '../src/share/codec.ts'
import { ShellSession } from '../src/shell/session.ts'
import type { FigureSource } from './figures.ts'
import { median, timed } from './figures.ts'

const aliasBomb = () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`)
  return levels.join('\n') + '\n'
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

const medianOf = (runs: number, fn: () => unknown) => median(Array.from({ length: runs }, () => timed(fn).ms))

export const hostileFigures: FigureSource[] = [
  { name: 'hostile input', run: () => {
    const bomb = aliasBomb()
    const zip = `#${CODEC_PREFIX}:${base64url(deflateSync(new Uint8Array(40 * 1024 * 1024), { level: 9 }))}`
    return [
      { group: 'hostile input', name: 'YAML alias bomb (9 levels of 9) refused', value: medianOf(5, () => parseManifests(bomb, 'bomb.yaml')), unit: 'ms', note: 'median of 5' },
      { group: 'hostile input', name: 'share link inflating to 40 MB refused at the cap', value: medianOf(5, () => { try { decodeShare(zip) } catch { /* refused */ } }), unit: 'ms', note: 'median of 5' },
      { group: 'hostile input', name: 'kubectl create deployment --replicas=100000 (first burst of 500 pods)', value: timed(() => new ShellSession({ seed: 1 }).runScript('kubectl create deployment huge --image=nginx --replicas=100000')).ms, unit: 'ms', note: 'one run, cluster bootstrap included' },
    ]
  } },
]
