// `npm test`: everything, against real engines. Installs missing Debian packages when
// run as root on Debian, starts a private dockerd with test images, builds, runs unit,
// integration and e2e tests with lint and typecheck beside them, stops what it started,
// and prints one closing line with the counts. Exits non-zero when anything failed, or
// when a test was skipped other than the Electron project's (everything else has what it
// needs here).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { engineDir, startDockerd, stopDockerd } from './lib/dockerd.mjs'
import { stopSshd, stopTlsEngine } from './lib/remoteEngines.mjs'
import { stopSwarmEngines } from './lib/swarmEngines.mjs'
import { registryEnv, startRegistries, stopRegistries } from './lib/registry.mjs'
import { startPodman, stopPodman } from './lib/podman.mjs'
import { ensurePrerequisites } from './lib/prereqs.mjs'
import { forbiddenSkips } from './lib/skips.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const results = join(root, 'test-results')
const bin = (name) => join(root, 'node_modules/.bin', name)
const failures = []
const counts = { passed: 0, failed: 0, skipped: 0 }

function report(name, started, code, signal) {
  const ok = code === 0
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${code ?? signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (!ok) failures.push(name)
  return ok
}

/** A step whose output streams as it runs: the tests, one at a time in the foreground. */
function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}`)
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } })
    child.on('close', (code, signal) => resolve(report(name, started, code, signal)))
  })
}

/**
 * A step in the background with its output held back and printed whole when it ends, so
 * steps side by side do not interleave their logs. `nice`: at the lowest CPU priority,
 * for checks that share the cores with tests (the tests then get the cores whenever they
 * want them, and a test that waits on the engine is not slowed by them).
 */
function backgroundStep(name, command, args, { nice = false } = {}) {
  const started = Date.now()
  const [file, argv] = nice ? ['nice', ['-n', '19', command, ...args]] : [command, args]
  return new Promise((resolve) => {
    const child = spawn(file, argv, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('close', (code, signal) => {
      console.log(`\n=== ${name}`)
      process.stdout.write(Buffer.concat(output))
      resolve(report(name, started, code, signal))
    })
  })
}

async function inSequence(...steps) {
  const results = []
  for (const run of steps) results.push(await run())
  return results
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function countVitest(file) {
  const report = readJson(file)
  if (!report) return
  counts.passed += report.numPassedTests ?? 0
  counts.failed += report.numFailedTests ?? 0
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
}

function countPlaywright(file) {
  const report = readJson(file)
  if (!report?.stats) return
  counts.passed += report.stats.expected ?? 0
  counts.failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0)
  counts.skipped += report.stats.skipped ?? 0
}

/** A failed e2e's page as Playwright saw it (its accessibility snapshot), so a CI log alone says what the page showed. */
function printPageSnapshots(dir) {
  const files = existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('error-context.md')) : []
  for (const file of files.slice(0, 5)) {
    const text = readFileSync(join(dir, String(file)), 'utf8')
    console.log(`\n--- ${file}\n${text.length > 6000 ? `${text.slice(0, 6000)}\n… (${text.length} characters)` : text}`)
  }
}

rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

try {
  ensurePrerequisites()
} catch (err) {
  console.error(`wharf: ${err.message}`)
  process.exit(1)
}

// The build first (the desktop tests and e2e run on it), while the engines start.
const built = backgroundStep('build', process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])

let engine
// Interrupted (Ctrl-C, CI timeout): stop the private engine rather than leave it behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopRegistries()
    void Promise.allSettled([stopPodman(), stopSshd(), stopTlsEngine(), stopSwarmEngines(), stopDockerd()]).finally(() => process.exit(130))
  })
}
try {
  engine = await startDockerd()
} catch (err) {
  console.error(`wharf: could not start the test engine: ${err.message}`)
  failures.push('engine')
}

let podman = {}
if (engine) {
  await startRegistries()
  try {
    podman = await startPodman()
  } catch (err) {
    // The Podman tests then fail saying why (WHARF_TEST_PODMAN_HOST unset); nothing is skipped silently.
    console.error(`wharf: could not start the test podman service: ${err.message}`)
    failures.push('podman')
  }
}
const buildOk = await built

// The checks need no engine: they run beside the tests at the lowest priority, in three
// lanes (ESLint over the .vue files, the slowest check; ESLint over the rest then
// Prettier; typecheck), and the run waits for them at the end.
const checks = Promise.all([
  backgroundStep('eslint (.vue)', bin('eslint'), ['src/**/*.vue'], { nice: true }),
  inSequence(
    () => backgroundStep('eslint', bin('eslint'), ['.', '--ignore-pattern', '**/*.vue'], { nice: true }),
    () => backgroundStep('prettier', bin('prettier'), ['--check', '.'], { nice: true }),
  ),
  backgroundStep('typecheck', 'npm', ['run', '--silent', 'typecheck'], { nice: true }),
])

if (engine) {
  // Settings (and engines added by the tests) in a folder of the run's own, never the user's.
  const configDir = join(engineDir(), 'config')
  rmSync(configDir, { recursive: true, force: true })
  const env = {
    DOCKER_HOST: engine.dockerHost,
    DOCKER_CONTEXT: '',
    WHARF_PRIVATE_ENGINE: '1',
    WHARF_CONFIG_DIR: configDir,
    ...registryEnv(),
    ...podman,
  }
  await step(
    'unit and integration tests',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`],
    env,
  )
  countVitest(join(results, 'vitest.json'))
  if (buildOk) {
    await step('e2e (Chromium, browser mode and desktop harness)', bin('playwright'), ['test', '--reporter=list,json'], {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'e2e.json'),
    })
    countPlaywright(join(results, 'e2e.json'))
    if (failures.some((name) => name.startsWith('e2e'))) printPageSnapshots(join(results, 'e2e'))
  }
  if (!process.env.WHARF_KEEP_ENGINE) {
    stopRegistries()
    // The remote-engine tests start these when they run (tests/integration/remoteEngines.test.ts).
    await stopSshd(() => undefined)
    await stopTlsEngine(() => undefined)
    // The swarm tests start these (tests/integration/swarm*.test.ts, e2e/swarm.spec.ts).
    await stopSwarmEngines()
    await stopPodman()
    await stopDockerd()
  }
}
await checks

if (!existsSync(join(results, 'vitest.json'))) console.error('wharf: the unit and integration tests did not run')
const skips = forbiddenSkips(readJson(join(results, 'vitest.json')), readJson(join(results, 'e2e.json')), root)
if (skips.length > 0) {
  console.error(`\nwharf: ${skips.length} test(s) were skipped; npm test installs what they need, so a skip is a failure:`)
  for (const line of skips) console.error(`  SKIPPED ${line}`)
  failures.push('skipped tests')
}
console.log('')
if (failures.length > 0) console.log(`wharf: failed steps: ${failures.join(', ')}`)
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(failures.length > 0 || counts.failed > 0 || counts.passed === 0 ? 1 : 0)
