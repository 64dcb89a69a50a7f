import { defineConfig } from '@playwright/test'

/**
 * e2e in Debian's Chromium against browser mode (e2e/support/globalSetup.ts starts the
 * built server on the test engine). The electron project runs only where Electron's
 * binary exists and says why it is skipped elsewhere.
 */
export default defineConfig({
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
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'browser', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
})
