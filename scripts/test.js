// npm test: build, typecheck, both vitest projects, size budgets, API docs; ends with the plain
// "N passed, N failed" line that CI reads, and fails when any step fails.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform == 'win32' }).status ?? 1
const results = '.vitest/results.json'
mkdirSync('.vitest', { recursive: true })
rmSync(results, { force: true })

// Build first: the tests load the built files.
let failed = run('npm', ['run', '--silent', 'build']) || run('npx', ['tsc', '--noEmit'])
const vitest = failed
  ? 1
  : run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)])
let passed = 0
let failedTests = 0
try {
  const json = JSON.parse(readFileSync(results, 'utf8'))
  passed = json.numPassedTests
  failedTests = json.numFailedTests
} catch {}
if (!failed && !vitest) failed = run('npx', ['size-limit']) || run('npx', ['typedoc', '--emit', 'none'])
console.log(`\n${passed} passed, ${failedTests} failed`)
process.exit(failed || vitest || (failedTests ? 1 : 0))
