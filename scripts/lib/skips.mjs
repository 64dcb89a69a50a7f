// What `npm test` skipped, read from the vitest and Playwright JSON reports. npm test
// installs everything its tests need, so a skip means a test silently did not run: only
// the Electron project may skip (its binary cannot be downloaded everywhere).
import { relative } from 'node:path'

/** Playwright skips that are allowed: the Electron shell's tests, where its binary is missing. */
const ALLOWED_PLAYWRIGHT = [{ project: 'electron', file: /(^|\/)electron\.spec\.ts$/ }]

const SKIPPED_VITEST = new Set(['skipped', 'pending', 'todo'])

/** Vitest skips that are allowed: packing the real Electron, whose zip cannot be downloaded everywhere. */
const ALLOWED_VITEST = [/^tests\/packaging\/pack\.test\.ts > electron-builder --linux dir with the real Electron > /]

/** `vitest.json`'s skipped tests, as "file > describe > test". */
export function vitestSkips(report, root) {
  const skipped = []
  for (const file of report?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (!SKIPPED_VITEST.has(test.status)) continue
      const title = test.title ? [...(test.ancestorTitles ?? []), test.title].join(' > ') : test.fullName
      skipped.push(`${relative(root, file.name)} > ${title}`)
    }
  }
  return skipped
}

/** Playwright's skipped tests, each with its project and file. */
export function playwrightSkips(report) {
  const skipped = []
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue
        skipped.push({ project: test.projectName, file: spec.file, title: spec.title })
      }
    }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of report?.suites ?? []) walk(suite)
  return skipped
}

/** The skips that fail the run, as printable lines. */
export function forbiddenSkips(vitestReport, playwrightReport, root) {
  const lines = vitestSkips(vitestReport, root)
    .filter((name) => !ALLOWED_VITEST.some((allowed) => allowed.test(name)))
    .map((name) => `vitest: ${name}`)
  for (const skip of playwrightSkips(playwrightReport)) {
    if (ALLOWED_PLAYWRIGHT.some((a) => a.project === skip.project && a.file.test(skip.file))) continue
    lines.push(`playwright [${skip.project}]: ${skip.file} > ${skip.title}`)
  }
  return lines
}
