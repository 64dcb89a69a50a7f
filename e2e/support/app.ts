/**
 * How a test opens Wharf, in either shell. The `browser` project serves the app from
 * browser mode (globalSetup starts `out/main/server.js`); the `desktop` project serves
 * it through the desktop harness: the built preload and the IPC transport, the renderer
 * from file:// as Electron loads it. Tests written against `test` from here, with page
 * objects that call `openApp`, run unchanged in both.
 */
import { test as base, type Page } from '@playwright/test'
import { DesktopHarness } from './desktopHarness'

export type Shell = 'browser' | 'desktop'

const harnesses = new WeakMap<Page, DesktopHarness>()
const electronWindows = new WeakSet<Page>()

/** `page` is the real Electron app's window (e2e/electron.spec.ts): it is opened once, routes change in place. */
export function inElectron(page: Page): void {
  electronWindows.add(page)
}

export const test = base.extend<{ desktop: DesktopHarness | undefined }, { shell: Shell; harness: DesktopHarness | undefined }>({
  shell: ['browser', { option: true, scope: 'worker' }],
  // One desktop "app" per worker, as one Electron process serves its window.
  harness: [
    async ({ shell }, use) => {
      if (shell !== 'desktop') return use(undefined)
      const harness = new DesktopHarness()
      await use(harness)
      await harness.close()
    },
    { scope: 'worker' },
  ],
  page: async ({ page, harness }, use) => {
    if (harness) {
      await harness.attach(page)
      harnesses.set(page, harness)
    }
    await use(page)
  },
  desktop: async ({ harness }, use) => use(harness),
})

export { expect } from '@playwright/test'

/** The desktop harness serving `page`, when the test runs in the desktop shell. */
export function desktopOf(page: Page): DesktopHarness | undefined {
  return harnesses.get(page)
}

/**
 * Opens a browser-mode address carrying the token. It answers with a page that replaces
 * itself with the app, so the navigation to wait for is that second one, to a clean URL.
 */
export async function openTokenUrl(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForURL((at) => !at.searchParams.has('token'))
}

/** Opens the app (a fresh document) at `route`, e.g. `/containers/web?tab=logs`. */
export async function openApp(page: Page, route = ''): Promise<void> {
  if (electronWindows.has(page)) {
    // The window refuses navigation (will-navigate); a hash change is an in-page one it allows.
    await page.evaluate((to) => (location.hash = to), route || '/containers')
    return
  }
  const desktop = desktopOf(page)
  if (desktop) {
    await page.goto(desktop.url(route))
    return
  }
  await openTokenUrl(page, process.env.WHARF_E2E_TOKEN_URL ?? '/')
  // A fresh document with the route in it: a hash changed under a running app raced the
  // app's own first route (/ → /containers) and, on a loaded machine, lost.
  if (route) await page.goto(`/?at=${Date.now()}#${route}`)
}

/** Runs `action` and returns the file it made the browser (or Electron's download manager) save. */
export async function expectDownload(page: Page, action: () => Promise<void>): Promise<{ name: string; path: string }> {
  const desktop = desktopOf(page)
  if (desktop) {
    const next = desktop.nextDownload()
    await action()
    const saved = await next
    if (saved.status !== 200) throw new Error(`The download of ${saved.name} failed with HTTP ${saved.status}`)
    return { name: saved.name, path: saved.path }
  }
  const [download] = await Promise.all([page.waitForEvent('download'), action()])
  return { name: download.suggestedFilename(), path: await download.path() }
}
