import { defineConfig } from '@playwright/test'
import type { Shell } from './e2e/support/app'

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * e2e in Debian's Chromium. `browser`: against browser mode (e2e/support/globalSetup.ts
 * starts the built server on the test engine). `desktop`: the journeys tagged @desktop
 * and e2e/desktop.spec.ts, through the desktop harness — the built preload in Electron's
 * sandbox over the IPC transport, the renderer from file:// (e2e/support/desktopHarness.ts).
 * `electron`: the real Electron app, only where its binary exists (it says why it is
 * skipped elsewhere).
 */
export default defineConfig<object, { shell: Shell }>({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/support/globalSetup.ts',
  use: {
    baseURL: process.env.WHARF_E2E_URL,
    viewport: { width: 1280, height: 800 },
    // A trace's screenshots are a screencast: Chromium composites and encodes every frame
    // of every test, which on two cores made the whole e2e run ~35 % slower. Traces keep
    // the DOM snapshots (by hand, to open in `playwright show-trace`); on CI, where no one
    // can open one, a failure prints the page's accessibility snapshot instead (npm test).
    trace: process.env.CI ? 'off' : { mode: 'retain-on-failure', screenshots: false },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'browser', testIgnore: /(electron|desktop)\.spec\.ts/ },
    {
      name: 'desktop',
      testIgnore: /(electron|security|engine)\.spec\.ts/,
      grep: [/@desktop/, /desktop shell/],
      use: {
        shell: 'desktop',
        // Electron lets its file:// page load its own module scripts; Chromium needs telling.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [...chromiumArgs, '--allow-file-access-from-files'],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
})
