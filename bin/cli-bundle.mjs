// The CLI's `main`, loaded from one prebuilt JavaScript bundle instead of compiling ~300 TypeScript files through
// tsx at every start (1.6 s of a 2-core machine's time before the first command; the bundle loads in ~0.2 s).
// The bundle lives in .cache/cli/ (git-ignored, never committed) and is rebuilt by esbuild whenever any file it was
// built from, a tsconfig, package.json or this loader changed (mtime or size, as make decides): it is never stale.
// Without esbuild (or if the build fails) the sources run through tsx as before.
import { closeSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ENTRY = 'src/cli/main.ts'
const BUNDLE = join(ROOT, '.cache/cli/main.mjs')
// Not imported by the bundle, yet they change what it compiles to.
const ALSO_CHECKED = ['bin/cli-bundle.mjs', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.engine.json', 'tsconfig.app.json']
const HEADER = '// kubehop-cli-bundle '

const stamp = (path) => {
  try {
    const s = statSync(join(ROOT, path))
    return `${s.mtimeMs}:${s.size}`
  } catch {
    return 'missing'
  }
}

/** The bundle's first line records every input with its stamp; the bundle is fresh when each still matches. */
function fresh() {
  let fd
  try {
    fd = openSync(BUNDLE, 'r')
  } catch {
    return false
  }
  try {
    const chunk = Buffer.alloc(1 << 20)
    const n = readSync(fd, chunk, 0, chunk.length, 0)
    const first = chunk.subarray(0, n).toString('utf8').split('\n', 1)[0]
    if (!first.startsWith(HEADER)) return false
    const { root, inputs } = JSON.parse(first.slice(HEADER.length))
    return root === ROOT && Object.entries(inputs).every(([path, s]) => stamp(path) === s)
  } catch {
    return false
  } finally {
    closeSync(fd)
  }
}

async function build() {
  const esbuild = await import('esbuild')
  const result = esbuild.buildSync({
    entryPoints: [join(ROOT, ENTRY)], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', // node_modules load as Node loads them, as under tsx
    write: false, metafile: true, logLevel: 'silent',
  })
  const inputs = {}
  for (const path of [...Object.keys(result.metafile.inputs), ...ALSO_CHECKED]) inputs[path] = stamp(path)
  const text = HEADER + JSON.stringify({ root: ROOT, inputs }) + '\n' + result.outputFiles[0].text
  // Written aside then renamed: CLIs starting together never read half a bundle.
  mkdirSync(dirname(BUNDLE), { recursive: true })
  const temp = `${BUNDLE}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, BUNDLE)
}

/** `main` of src/cli/main.ts, from the bundle when it can be had, else through tsx. */
export async function loadMain() {
  try {
    if (!fresh()) await build()
    return (await import(pathToFileURL(BUNDLE).href)).main
  } catch {
    const { register } = await import('tsx/esm/api')
    register()
    return (await import(pathToFileURL(join(ROOT, ENTRY)).href)).main
  }
}

// Also a script, for `npm test`: `node bin/cli-bundle.mjs` builds a stale bundle now, so that tests spawning the CLI
// in parallel do not all build it at once.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!fresh()) await build()
  console.log(`CLI bundle: ${relative(process.cwd(), BUNDLE)} (fresh)`)
}
