// npm test: build, typecheck, lint and format, unused code, both vitest projects, size budgets, API docs, the packed package;
// ends with the plain "N passed, N failed" line that CI reads, and fails when any step fails,
// naming it.
// With DATABASE_URL set (.ci/run starts a PostgreSQL server), the server's tests run a second
// time against that server; the first run always uses the embedded PGlite.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const postgres = process.env.DATABASE_URL
const embedded = { ...process.env }
delete embedded.DATABASE_URL
const run = (command, args, env = embedded) =>
  spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform == 'win32' }).status ?? 1
mkdirSync('.vitest', { recursive: true })

let passed = 0
let failedTests = 0
/** A vitest run whose counts add to the closing line; returns its exit code. */
const vitest = (results, args, env) => {
  rmSync(results, { force: true })
  const status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...args],
    env,
  )
  try {
    const json = JSON.parse(readFileSync(results, 'utf8'))
    passed += json.numPassedTests
    failedTests += json.numFailedTests
  } catch {}
  return status
}

/** publint and arethetypeswrong on the tarball `npm publish` would upload; returns an exit code. */
const lintPackage = () => {
  const folder = mkdtempSync(join(tmpdir(), 'consentry-pack-'))
  try {
    // The build step made dist; --ignore-scripts keeps prepack from making it again.
    if (run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder]) != 0) return 1
    const tarball = join(folder, readdirSync(folder)[0])
    const lint = run('npx', ['publint', 'run', tarball, '--strict'])
    // ESM only. require('consentry') works through Node's require(esm) (20.19+, 22.12+), which the
    // TypeScript attw models calls an error; test/require.node.test.ts checks require itself.
    const types = run('npx', ['attw', tarball, '--profile', 'esm-only'])
    return lint || types
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

const steps = [
  ['build', () => run('npm', ['run', '--silent', 'build'])],
  ['demo build', () => run('npm', ['run', '--silent', 'build:demo'])],
  ['typecheck', () => run('npx', ['tsc', '--noEmit'])],
  // Biome: the formatter and the linter, with the import boundaries between the layers (biome.jsonc).
  ['lint and format', () => run('npx', ['biome', 'ci', '.'])],
  // knip: files, exports and dependencies nothing uses (knip.jsonc lists the entries).
  ['unused code', () => run('npx', ['knip'])],
  ['tests', () => vitest('.vitest/results.json', process.argv.slice(2))],
  ...(postgres
    ? [
        [
          'server tests against PostgreSQL',
          () => vitest('.vitest/results-postgres.json', ['test/server', '--project', 'unit'], { ...process.env }),
        ],
      ]
    : []),
  ['size budgets', () => run('npm', ['run', '--silent', 'size'])],
  ['API docs', () => run('npx', ['typedoc', '--emit', 'none'])],
  ['package', lintPackage],
]
const failed = []
for (const [name, step] of steps) {
  if (step() != 0) {
    failed.push(name)
    // A broken build or type error makes the later steps meaningless.
    if (name == 'build' || name == 'demo build' || name == 'typecheck') break
  }
}
// The closing line names the steps that failed: tests can all pass in a run that fails.
const failedSteps = failed.length ? `; failed steps: ${failed.join(', ')}` : ''
console.log(`\n${passed} passed, ${failedTests} failed${failedSteps}`)
process.exit(failed.length || failedTests ? 1 : 0)
